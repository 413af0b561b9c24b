"""Score extraction against the real development set (``tests/extract/realdev``).

Used by ``bench/extraction.py`` (the table for dev and test) and ``tests/extract/test_realdev_floors.py``
(floors on dev). Definitions, as in issue 14:

* **events** — a gold event matches one predicted event of its article, one to one: a named gold event by
  its normalised family name (or an alias) and a compatible year; an unnamed one by year and place (a
  country shared by the predicted locations and the gold sites, or by the participants when the gold
  event has no site). Recall counts primary gold events; precision counts predicted events that match
  any gold event (an exercise only recalled is not counted wrong).
* **alliance**, **participants**, **start** — on matched primary events; participants micro-averaged;
  start exact when the predicted start equals the gold one, precision included (``2025-09``).
* **sites** — every site phrase of a primary gold event: found when a location of the matched predicted
  event is written like it (folded containment or rapidfuzz partial ratio ≥ 90), and right when the
  geocoder put it in the gold country and, when the gold gives one, admin-1 region.
* **crashes** — articles whose extraction raised.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import traceback
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from geo.extract import DraftEvent, DraftPlace, Extractor, read_article
from geo.extract.names import NameLexicon, name_key, split_name

REALDEV = Path(__file__).resolve().parent.parent / "extract" / "realdev"
MEASURES = ("recall", "precision", "alliance", "participants_recall", "participants_precision", "start", "sites")


@dataclass(frozen=True)
class Article:
    """One report of the set with its gold events."""

    id: str
    url: str
    published: dt.date
    split: str
    events: tuple[dict[str, Any], ...]
    text: str


#: The test part lives apart, in ``sealed/`` (its own ``manifest.yaml`` and ``texts/``), so that reading the dev
#: part's files, or the end of them, can never show it (README "The split").
SEALED = "sealed"


def load_articles(root: Path = REALDEV, *, split: str | None = None) -> list[Article]:
    """Return the articles (all, or one split: ``dev`` from ``manifest.yaml``, ``test`` from ``sealed/``), texts
    read as ``geo ingest`` reads them; the sealed files are not opened for ``split="dev"``."""
    folders = {"dev": [root], "test": [root / SEALED], None: [root, root / SEALED]}[split]
    out = []
    for folder in folders:
        manifest = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8"))
        for row in manifest["articles"]:
            if split is not None and row["split"] != split:
                raise ValueError(f"{folder / 'manifest.yaml'}: article {row['id']} is {row['split']!r}, not {split!r}")
            path = folder / "texts" / f"{row['id']}.txt"
            text = read_article(path.read_bytes(), name=path.name)
            published = dt.date.fromisoformat(str(row["published"]))
            out.append(Article(row["id"], row["url"], published, row["split"], tuple(row["events"]), text))
    return out


@dataclass
class Tally:
    """Counts behind the table of one split."""

    articles: int = 0
    gold_primary: int = 0
    found_primary: int = 0
    predicted: int = 0
    predicted_real: int = 0
    alliance_right: int = 0
    parties_gold: int = 0
    parties_predicted: int = 0
    parties_common: int = 0
    start_gold: int = 0
    start_exact: int = 0
    sites_gold: int = 0
    sites_right: int = 0
    crashes: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def ratio(self, measure: str) -> float:
        """Return one measure of :data:`MEASURES` (1.0 when there is nothing to count)."""
        num, den = {
            "recall": (self.found_primary, self.gold_primary),
            "precision": (self.predicted_real, self.predicted),
            "alliance": (self.alliance_right, self.found_primary),
            "participants_recall": (self.parties_common, self.parties_gold),
            "participants_precision": (self.parties_common, self.parties_predicted),
            "start": (self.start_exact, self.start_gold),
            "sites": (self.sites_right, self.sites_gold),
        }[measure]
        return num / den if den else 1.0

    def table(self, title: str) -> str:
        """Return the issue's table for this split, as Markdown."""
        rate = self.articles / self.seconds if self.seconds else 0.0
        rows = [
            ("primary events found (recall)", f"{self.ratio('recall'):.2f} ({self.found_primary}/{self.gold_primary})"),
            ("predicted events that are real (precision)", f"{self.ratio('precision'):.2f} ({self.predicted_real}/{self.predicted})"),  # noqa: E501
            ("alliance right on matched events", f"{self.ratio('alliance'):.2f} ({self.alliance_right}/{self.found_primary})"),  # noqa: E501
            ("participants recall / precision", f"{self.ratio('participants_recall'):.2f} / {self.ratio('participants_precision'):.2f}"),  # noqa: E501
            ("start date exact", f"{self.start_exact}/{self.start_gold}"),
            ("site phrases found and geocoded to the right country and admin-1", f"{self.ratio('sites'):.2f} ({self.sites_right}/{self.sites_gold})"),  # noqa: E501
            ("crashes", str(self.crashes)),
            ("throughput", f"{rate:.1f} articles/s ({self.articles} articles)"),
        ]  # fmt: skip
        lines = [f"### {title}", "", "| measure | value |", "|---|---|"]
        lines += [f"| {name} | {value} |" for name, value in rows]
        return "\n".join(lines)


def fold(text: str) -> str:
    """Fold a phrase for comparison: accents and case dropped, punctuation to spaces, no leading article."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"[^a-z0-9]+", " ", ascii_text).strip()
    return re.sub(r"^the\s+", "", ascii_text)


_ADMIN_WORDS = re.compile(r"\b(?:oblast|region|voivodeship|province|county|krai)\b")


def _admin1(name: str) -> str:
    """Fold an admin-1 name without its kind word ("Gomel Oblast" and "Gomel" are one)."""
    return " ".join(_ADMIN_WORDS.sub(" ", fold(name)).split())


def _name_keys(names: Iterable[str | None], lexicon: NameLexicon) -> set[tuple[str, int | None]]:
    keys = set()
    for name in names:
        if name:
            base, year, _ = split_name(name)
            keys.add((name_key(lexicon.canonical(base)), year))
    return keys


def _named_match(gold: dict[str, Any], draft: DraftEvent, lexicon: NameLexicon) -> bool:
    if not draft.name_normalized:
        return False
    base, year, _ = split_name(draft.name_normalized)
    key, year = name_key(lexicon.canonical(base)), year or draft.year
    for gold_key, gold_year in _name_keys([gold["name"], *gold.get("aliases", [])], lexicon):
        if key == gold_key and (year is None or (gold_year or gold["year"]) in (None, year)):
            return True
    return False


def _unnamed_match(gold: dict[str, Any], draft: DraftEvent) -> bool:
    if draft.year != gold["year"]:
        return False
    places = {s["country"] for s in gold["sites"]}
    if places:
        return bool(places & {loc.country for loc in draft.locations if loc.country})
    return bool(set(gold["participants"]) & set(draft.participants))


def match_events(gold: Sequence[dict[str, Any]], drafts: Sequence[DraftEvent], lexicon: NameLexicon) -> dict[int, int]:
    """Return {gold index: draft index}, one to one, primary gold events first."""
    order = sorted(range(len(gold)), key=lambda i: (not gold[i]["primary"], i))
    taken: set[int] = set()
    out: dict[int, int] = {}
    for gi in order:
        g = gold[gi]
        for di, draft in enumerate(drafts):
            if di in taken:
                continue
            ok = _named_match(g, draft, lexicon) if g["name"] else (not draft.name and _unnamed_match(g, draft))
            if ok:
                out[gi] = di
                taken.add(di)
                break
    return out


def site_right(site: dict[str, Any], locations: Sequence[DraftPlace]) -> bool:
    """Whether a gold site phrase is among the locations, geocoded to its country (and admin-1)."""
    phrase = fold(site["phrase"])
    for loc in locations:
        written = [fold(t) for t in (loc.text, *loc.also_written)]
        if not any(w and (w in phrase or phrase in w or fuzz.partial_ratio(w, phrase) >= 90) for w in written):
            continue
        if loc.country != site["country"]:
            continue
        if site.get("admin1") and (not loc.admin1 or _admin1(loc.admin1) != _admin1(site["admin1"])):
            continue
        return True
    return False


def score_article(tally: Tally, article: Article, drafts: Sequence[DraftEvent], lexicon: NameLexicon) -> None:
    """Add one article's counts to ``tally`` (and a line per miss to ``tally.misses``)."""
    gold = article.events
    matched = match_events(gold, drafts, lexicon)
    tally.predicted += len(drafts)
    tally.predicted_real += len(matched)
    for gi, g in enumerate(gold):
        if not g["primary"]:
            continue
        label = g["name"] or f"unnamed {g['alliance']} {g['year']}"
        tally.gold_primary += 1
        tally.sites_gold += len(g["sites"])
        if gi not in matched:
            tally.misses.append(f"{article.id}: event {label!r} not found")
            continue
        draft = drafts[matched[gi]]
        tally.found_primary += 1
        _score_fields(tally, article.id, label, g, draft)
    for di, draft in enumerate(drafts):
        if di not in matched.values():
            tally.misses.append(f"{article.id}: predicted {draft.label!r} matches no gold event")


def _score_fields(tally: Tally, aid: str, label: str, g: dict[str, Any], draft: DraftEvent) -> None:
    if draft.alliance == g["alliance"]:
        tally.alliance_right += 1
    else:
        tally.misses.append(f"{aid}: {label!r} alliance {draft.alliance!r}, gold {g['alliance']!r}")
    gold_parties, parties = set(g["participants"]), set(draft.participants)
    tally.parties_gold += len(gold_parties)
    tally.parties_predicted += len(parties)
    tally.parties_common += len(gold_parties & parties)
    if gold_parties != parties:
        missed, extra = sorted(gold_parties - parties), sorted(parties - gold_parties)
        tally.misses.append(f"{aid}: {label!r} participants missed {missed} extra {extra}")
    if g["start"]:
        tally.start_gold += 1
        if draft.start == str(g["start"]):
            tally.start_exact += 1
        else:
            tally.misses.append(f"{aid}: {label!r} start {draft.start!r}, gold {g['start']!r}")
    for site in g["sites"]:
        if site_right(site, draft.locations):
            tally.sites_right += 1
        else:
            got = [(loc.text, loc.country, loc.admin1) for loc in draft.locations]
            tally.misses.append(f"{aid}: {label!r} site {site['phrase']!r} ({site['country']}) not in {got}")


def run(articles: Iterable[Article], extractor: Extractor) -> Tally:
    """Extract every article with its publication date and score it; a crash is counted, not raised."""
    tally = Tally()
    for article in articles:
        tally.articles += 1
        start = time.perf_counter()
        try:
            drafts = extractor.extract(article.text, published=article.published).events
        except Exception:  # a crash on any input is what is being counted
            tally.crashes += 1
            tally.misses.append(f"{article.id}: crash\n{traceback.format_exc()}")
            drafts = ()
        tally.seconds += time.perf_counter() - start
        score_article(tally, article, drafts, extractor.lexicon)
    return tally
