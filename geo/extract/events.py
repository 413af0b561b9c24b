"""Assemble draft exercise events from an article, every field with the sentence it came from.

How sentences become events
---------------------------
1. Each sentence is classified: it *names* an exercise (:mod:`geo.extract.names`), *mentions* one
   ("the exercises", "military drills", "the deployment", "regional grouping"), *continues* one
   (troops, tanks or planes sent, deployed, arriving or taking part) or does none of these. A
   sentence about war, attacks or a mutiny is kept for reading but gives no facts.
2. The first mention with an event cue (held, scheduled, announced, opened …) opens the article's
   *main* event. The first name that is not introduced as "another" exercise names the main event;
   every other name opens its own event. So seed 002's "joint military exercises … next month" and
   "the exercises, called Unbreakable Brotherhood" are one event, and "another set of military
   exercises called Slavic Brotherhood-2020" is a second.
3. An unnamed mention refers to the event in focus when it says "these drills" or stays in the
   paragraph that named that event; otherwise to the main event. A mention of another, earlier
   exercise ("A similar exercise was held … in 2022", "last year's drills") joins none. A continuation
   sentence (forces sent, taking part or involved; observers) joins the event in focus when it is at
   most one paragraph away from it — but not a sentence about forces to come after the exercise was
   only recalled in the past ("… for the duration of the Zapad-2025 drills last September. Some 1,200
   Polish soldiers will be deployed along the frontier").

What each event gets
--------------------
Name, alliance (a CSTO/NATO/Union State cue, else from the participants), dates with a precision
(:mod:`geo.extract.dates`), participants, observers and non-participants (:mod:`geo.extract.participants`),
figures (:mod:`geo.extract.numbers`) and locations (:mod:`geo.extract.places`) from the clauses that
speak of the exercise (a background clause such as "…, days after Belarus held snap drills near the
border" does not; nor does the place where a minister spoke). The date of a news-agency dateline
("VILNIUS, Oct 8 (Reuters) - ") dates the report, never the exercise. The country an exercise is held
in counts as a participant when it belongs to the exercise's alliance (or no alliance is stated); a
note says so. Every value carries its sentence in ``evidence``; inferences are listed in ``notes``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from geo.catalog.schema import Exercise
from geo.core.dates import date_precision_of, earliest_date, latest_date
from geo.extract import dates as dates_mod
from geo.extract.names import NameLexicon, NameMention, find_names
from geo.extract.numbers import FigureMention, find_figures
from geo.extract.participants import countries_in, find_parties
from geo.extract.places import find_places, geocode_cached, is_venue, location_key
from geo.extract.text import Sentence, dateline, split_sentences, wire_dateline
from geo.reference.membership import members_on

EXERCISE_NOUN = re.compile(
    r"\b(?:exercises?|drills?|maneuvers|manoeuvres|war[\s-]?games|(?:live-fire|joint|staff|command(?:-|\s+and\s+)staff|"
    r"tactical|field)\s+training)\b",
    re.I,
)
DEPLOYMENT_NOUN = re.compile(
    r"\b(?:deployment|regional\s+grouping|joint\s+grouping|grouping\s+of\s+(?:troops|forces))\b", re.I
)
FORCE_WORD = re.compile(
    r"\b(?:troops|soldiers|forces|servicemen|personnel|paratroopers|units|tanks|vehicles|artillery|aircraft|"
    r"planes|helicopters|jets|trains|contingents?|reservists|engineers|marines|sailors|crews|warships|hardware)\b",
    re.I,
)
MOVE_VERB = re.compile(
    r"\b(?:send|sends|sent|deploy|deploys|deployed|arrive|arrives|arrived|arrival|take\s+part|took\s+part|"
    r"taking\s+part|participat\w+|join|joins|joined|redeploy\w*|relocat\w+|transferr?\w*|move|moved|moving|"
    r"involv\w+|expected|engaged|mobili[sz]\w+|practi[sc]\w+)\b",
    re.I,
)
CONFLICT = re.compile(
    r"\b(?:war|invasion|invade[sd]?|invading|attack(?:s|ed|ing)?|offensive|mutiny|fighting|killed|shelling|"
    r"bombing|air\s*strikes?|conflicts?|occupied|occupation|separatists?|campaign)\b",
    re.I,
)
EVENT_CUE = re.compile(
    r"\b(?:hold|holds|held|holding|staging|conduct\w*|launch\w*|open(?:s|ed)?|begin|began|begins|start\w*|kick\w*\s+off|"
    r"take\s+place|takes\s+place|took\s+place|scheduled|planned|plans?|announc\w+|stage[sd]?|host\w*|set\s+to|"
    r"will\s+be|to\s+be|include[sd]?|involv\w+|take\s+part|participat\w+|deploy\w*|run|runs|running|"
    r"lasts?\s+(?:until|till|through|for)|continu\w+|under\s*way|commenc\w+|practi[sc]\w+|wrap\w*\s+up|ended|"
    r"conclud\w+)\b",
    re.I,
)
MILITARY_CONTEXT = re.compile(
    r"\b(?:military|troops|soldiers|armed\s+forces|army|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|CSTO|"
    r"NATO|drills|maneuvers|manoeuvres|defen[cs]e\s+minister|servicemen|paratroopers|air\s+force|navy|fleet|"
    r"strategic\s+exercises?|command(?:-|\s+and\s+)staff|regional\s+grouping|grouping\s+of\s+forces|"
    r"staff\s+training)\b",
    re.I,
)
DEMONSTRATIVE = re.compile(
    r"\b(?:these|this|those|such|said)\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|maneuvers|manoeuvres|"
    r"war\s+games|activities|soldiers|troops|grouping)\b",
    re.I,
)
CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+(?:but|while|whereas|although|though|even\s+as)\s+|\s+(?:while|whereas)\s+|\s+as\s+(?=(?:NATO|[A-Z]\w+)\s)"
    r"|,\s+(?=(?:just\s+|only\s+)?(?:(?:days|weeks|months|hours|a\s+(?:day|week|month))\s+)?(?:after|before|following)\s)"
)
#: A clause that dates the report by another event ("…, days after Belarus held snap drills near the border"):
#: background, not facts about the exercise.
BACKGROUND_CLAUSE = re.compile(
    r"^(?:just\s+|only\s+)?(?:(?:days|weeks|months|hours|a\s+(?:day|week|month))\s+)?(?:after|before|following)\s", re.I
)
#: Words that make a clause about who takes part or watches ("while observers from Uzbekistan …").
PARTY_WORD = re.compile(r"\b(?:observ\w+|participat\w+|take\s+part|taking\s+part|took\s+part)\b", re.I)
OBSERVERS = re.compile(r"\bobservers?\b", re.I)
#: A mention of another, earlier exercise ("A similar exercise was held in 2022", "last year's drills").
OTHER_EXERCISE = re.compile(
    r"\b(?:similar|previous|prior|past|last\s+year['’]s|earlier|last\s+such)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:exercises?|drills?|maneuvers|manoeuvres|war\s*games)\b",
    re.I,
)
#: Marks of a sentence dating what it reports in the past ("last September", "in 2021", "two years ago").
PAST_MARK = re.compile(
    r"\b(?:last\s+(?:year|spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)|ago|in\s+(?:19|20)\d\d)\b",
    re.I,
)
ALLIANCE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("CSTO", re.compile(r"\bCSTO\b|Collective\s+Security\s+Treaty\s+Organi[sz]ation|\bODKB\b")),
    (
        "NATO",
        re.compile(
            r"\bNATO(?:['’]s)?\s+(?:[\w-]+\s+){0,3}(?:exercises?|drills?|maneuvers|manoeuvres)\b|"
            r"(?:exercises?|drills?|maneuvers)\s+(?:led|organi[sz]ed|hosted|run|conducted)\s+by\s+NATO\b|"
            r"\bNATO-led\b|\bNATO(?:['’]s)?\s+(?:enhanced\s+Forward\s+Presence|eFP)\b|"
            r"\bNATO\s+(?:allies|members|member\s+states|countries|forces|troops)\s+(?:will\s+|are\s+to\s+|plan\s+to\s+)?"
            r"(?:conduct|hold|stage|launch|begin|start|take\s+part)",
            re.I,
        ),
    ),
    (
        "Russia-Belarus",
        re.compile(
            r"\b(?:Union|Allied)\s+State\b|\bState\s+Union\b|\bRussian[- ]Belarusian\b|\bBelarusian[- ]Russian\b"
        ),
    ),
)
#: Alliance → the membership table of :func:`geo.reference.membership.members_on`.
_MEMBERSHIP = {"CSTO": "CSTO", "NATO": "NATO", "Russia-Belarus": "Union State"}
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


@dataclass
class _Event:
    names: list[tuple[NameMention, Sentence]] = field(default_factory=list)
    sentences: list[tuple[Sentence, bool]] = field(default_factory=list)  # (sentence, gives facts)
    last_paragraph: int = -1
    named_paragraph: int | None = None
    past: bool = False  # its last usable mention reports it in the past ("… drills last September")

    def attach(self, sentence: Sentence, usable: bool, *, mention: bool = False) -> None:
        if all(s.index != sentence.index for s, _ in self.sentences):
            self.sentences.append((sentence, usable))
        self.last_paragraph = sentence.paragraph
        if mention and usable:
            self.past = _reports_past(sentence.text)

    @property
    def edition(self) -> str | None:
        return next((n.edition for n, _ in self.names if n.edition), None)

    @property
    def key(self) -> str | None:
        return self.names[0][0].key if self.names else None

    @property
    def year(self) -> int | None:
        return next((n.year for n, _ in self.names if n.year), None)


@dataclass
class Extraction:
    """The result of reading one article.

    Attributes
    ----------
    text
        The cleaned article text (the evidence offsets refer to it).
    sentences
        Its sentences.
    events
        Draft events as JSON-ready dicts (see :func:`extract_events`).
    published
        The publication date used for relative dates, if any.
    published_from
        ``given`` (passed in), ``dateline`` (stated on the article's first line) or None.
    warnings
        Messages for the reviewer ("no exercise found", a dateline that contradicts the given date …).
    """

    text: str
    sentences: list[Sentence]
    events: list[dict[str, Any]]
    published: dt.date | None
    published_from: str | None
    warnings: list[str] = field(default_factory=list)


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of a sentence's clauses ("…; …", "…, but …", "… as NATO …")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in CLAUSE_SPLIT.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return spans


_EAST = frozenset({"RUS", "BLR"})


def _other_side(sentence: Sentence, event: _Event, nato: frozenset[str]) -> bool:
    """Whether a continuation's forces belong to the other side of the event's countries.

    "Poland has deployed 40,000 troops near its border" after a paragraph on Zapad-2025 is a reaction
    to the exercise, not part of it: NATO forces after a Russian or Belarusian exercise, or Russian or
    Belarusian forces after a NATO one, do not continue it.
    """
    parties = {p.iso3 for p in find_parties(sentence.text) if p.role == "participant"}
    if not parties:
        return False
    known = {c for s, _ in event.sentences for c in countries_in(s.text)}
    if parties & known:
        return False
    if known & _EAST and parties <= nato:
        return True
    return bool(known) and known <= nato and parties <= _EAST


def _reports_past(sentence: str) -> bool:
    """Whether a sentence reports its exercise in the past ("Warsaw closed crossings for the drills last September")."""
    return dates_mod.tense_of(sentence) == "past" or bool(PAST_MARK.search(sentence))


def _relevant_spans(sentence: str, names: list[NameMention]) -> list[tuple[int, int]]:
    """Return the clauses of a sentence that speak of an exercise, its forces or who takes part.

    A background clause ("…, days after Belarus held snap drills near the border") is left out unless
    it names the exercise.
    """
    spans = clauses(sentence)
    if len(spans) == 1:
        return spans
    keep = []
    for start, end in spans:
        part = sentence[start:end]
        named = any(start <= n.start < end for n in names)
        if not named and BACKGROUND_CLAUSE.match(part):
            continue
        if (
            named
            or EXERCISE_NOUN.search(part)
            or DEPLOYMENT_NOUN.search(part)
            or FORCE_WORD.search(part)
            or PARTY_WORD.search(part)
        ):
            keep.append((start, end))
    return keep


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _group(
    sentences: list[Sentence], lexicon: NameLexicon, published: dt.date | None = None
) -> tuple[list[_Event], dict[int, list[NameMention]]]:
    """Group the sentences into events (steps 1-3 of the module docstring)."""
    nato = _members("NATO", published or dt.date.today())
    military = any(MILITARY_CONTEXT.search(s.text) for s in sentences)
    names_of = {s.index: find_names(s.text, lexicon) for s in sentences}
    events: list[_Event] = []
    main: _Event | None = None
    current: _Event | None = None
    for sentence in sentences:
        names = names_of[sentence.index]
        usable = not CONFLICT.search(sentence.text)
        mention = bool(EXERCISE_NOUN.search(sentence.text) or DEPLOYMENT_NOUN.search(sentence.text))
        target: _Event | None = None
        if names:
            for name in names:
                event = next(
                    (
                        e
                        for e in events
                        if e.key == name.key
                        and (e.year is None or name.year in (None, e.year))
                        and (e.edition is None or name.edition in (None, e.edition))
                    ),
                    None,
                )
                if event is None and main is not None and not main.names and not name.distinct:
                    event = main
                if event is None:
                    event = _Event()
                    events.append(event)
                    main = main or event
                event.names.append((name, sentence))
                event.named_paragraph = sentence.paragraph
                target = target or event
        elif mention and OTHER_EXERCISE.search(sentence.text):
            continue  # "A similar exercise was held in the Vitebsk region in 2022": another exercise
        elif mention:
            if main is None:
                if not (military and EVENT_CUE.search(sentence.text)):
                    continue
                main = _Event()
                events.append(main)
                target = main
            elif current is not None and (
                DEMONSTRATIVE.search(sentence.text) or sentence.paragraph == current.named_paragraph
            ):
                target = current
            else:
                target = main
        elif (
            current is not None
            and (
                (FORCE_WORD.search(sentence.text) and MOVE_VERB.search(sentence.text))
                or OBSERVERS.search(sentence.text)
            )
            and sentence.paragraph - current.last_paragraph <= 1
            and not (current.past and dates_mod.tense_of(sentence.text) == "future")
            and not _other_side(sentence, current, nato)
        ):
            # Forces sent, arriving or taking part, right after the exercise was reported — unless the
            # exercise was only recalled in the past and these forces are for something to come.
            target = current
        if target is not None:
            target.attach(sentence, usable, mention=bool(names) or mention)
            current = target
    return events, names_of


@dataclass
class _Dated:
    role: str
    resolved: dates_mod.ResolvedDate | None
    mention_text: str
    sentence: Sentence
    week: bool = False  # "last week", "this week": finer than a month, coarser than a day


def _anchor_dates(
    sentence: Sentence, earlier: list[Sentence], year_hint: int | None, published: dt.date | None
) -> list[_Dated]:
    """Resolve "On the day of the Lukashenka-Putin talks" from an earlier sentence dating those talks."""
    out: list[_Dated] = []
    for match in dates_mod.ANCHOR.finditer(sentence.text):
        noun = match.group("noun").lower()
        actors = set(re.findall(r"[A-Z][a-z]+", match.group("what")))
        for prior in reversed(earlier):
            if noun not in prior.text.lower() or (actors and not any(a in prior.text for a in actors)):
                continue
            spot = prior.text.lower().index(noun)
            near = [m for m in dates_mod.find_dates(prior.text) if m.month and abs(m.start - spot) < 80]
            if not near:
                continue
            resolved = dates_mod.resolve(near[0], sentence=prior.text, published=published, year_hint=year_hint)
            rest = sentence.text[match.end() :]
            role = "start" if dates_mod.PAST_START.search(rest) or re.search(r"\bbegin|\bstart", rest) else "none"
            if resolved is not None:
                how = f"{match.group(0)!r} = {near[0].text!r}, the date of the {noun} in: {prior.text}"
                resolved = dates_mod.ResolvedDate(resolved.first, None, resolved.precision, how)
            out.append(_Dated(role, resolved, match.group(0), sentence))
            break
    return out


def _best(candidates: Sequence[tuple[str, str, Sentence]]) -> tuple[str, str, Sentence] | None:
    """Pick the most precise (then first) of (iso, precision, sentence) candidates."""
    if not candidates:
        return None
    return max(enumerate(candidates), key=lambda ic: (_PRECISION_RANK[ic[1][1]], -ic[0]))[1]


class _Builder:
    """Extract the fields of one grouped event."""

    def __init__(
        self,
        event: _Event,
        names_of: dict[int, list[NameMention]],
        all_sentences: list[Sentence],
        published: dt.date | None,
    ) -> None:
        self.event = event
        self.names_of = names_of
        self.all = all_sentences
        self.published = published
        self.usable = [s for s, ok in event.sentences if ok]
        self.evidence: dict[str, Sentence] = {}
        self.notes: list[str] = []
        self.spans = {s.index: _relevant_spans(s.text, names_of[s.index]) for s in self.usable}

    def _opens_paragraph(self, sentence: Sentence) -> bool:
        return sentence.index == 0 or self.all[sentence.index - 1].paragraph != sentence.paragraph

    def cite(self, key: str, sentence: Sentence) -> None:
        self.evidence.setdefault(key, sentence)

    def build(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        self._name(out)
        self._dates(out)
        self._figures(out)
        self._locations(out)
        self._parties(out)
        self._alliance(out)
        self._host(out)
        if out["alliance"] is None:
            self._alliance_from_participants(out)
        out["label"] = out["name"] or _label(out)
        out["evidence"] = {k: s.text for k, s in self.evidence.items()}
        out["evidence_spans"] = {k: [s.start, s.end] for k, s in self.evidence.items()}
        out["sentences"] = [s.index for s, _ in self.event.sentences]
        out["notes"] = self.notes
        return out

    def _name(self, out: dict[str, Any]) -> None:
        if self.event.names:
            mention, sentence = self.event.names[0]
            with_year = next(((n, s) for n, s in self.event.names if n.year), None)
            out["name"] = mention.text
            out["name_normalized"] = (with_year[0] if with_year else mention).normalized
            self.cite("name", sentence)
        else:
            out["name"] = None
            out["name_normalized"] = None

    def _dates(self, out: dict[str, Any]) -> None:
        year_hint = self.event.year
        dated: list[_Dated] = []
        undated: Sentence | None = None
        for sentence in self.usable:
            filed = wire_dateline(sentence.text) if self._opens_paragraph(sentence) else 0
            for mention in dates_mod.find_dates(sentence.text):
                if mention.start < filed:
                    continue  # "VILNIUS, Oct 8 (Reuters) - …": when the report was filed, not the exercise
                role = dates_mod.date_role(sentence.text, mention)
                if role == "undated":
                    undated = undated or sentence
                    continue
                if role == "none":
                    continue
                resolved = dates_mod.resolve(
                    mention, sentence=sentence.text, published=self.published, year_hint=year_hint, role=role
                )
                week = bool(mention.relative and mention.relative.endswith("week"))
                dated.append(_Dated(role, resolved, mention.text, sentence, week))
            earlier = [s for s in self.all if s.index < sentence.index]
            dated += _anchor_dates(sentence, earlier, year_hint, self.published)
        starts = [
            (d.resolved.first, d.resolved.precision, d.sentence)
            for d in dated
            if d.resolved and d.role in ("start", "range")
        ]
        ends = [
            ((d.resolved.last or d.resolved.first), d.resolved.precision, d.sentence)
            for d in dated
            if d.resolved and (d.role == "end" or (d.role == "range" and d.resolved.last))
        ]
        announced = sorted(
            (d.resolved.first, d.sentence)
            for d in dated
            if d.resolved and d.role == "announced" and d.resolved.precision == "day"
        )
        as_written: dict[str, str] = {}
        for d in dated:
            as_written.setdefault(d.role if d.role != "range" else "start", d.mention_text)
            if d.resolved is None and d.week and self.published is not None:
                self.notes.append(
                    f"date {d.mention_text!r} ({d.role}) left unresolved: a week is not a catalog precision"
                )
            elif d.resolved is None:
                self.notes.append(f"date {d.mention_text!r} ({d.role}) left unresolved: no publication date or year")
            elif "=" in d.resolved.how or "publication" in d.resolved.how or "name" in d.resolved.how:
                self.notes.append(f"date: {d.resolved.how}")
        start = _best(starts)
        end = _best(ends)
        out["start"] = start[0] if start else None
        out["end"] = end[0] if end else None
        out["announced"] = announced[0][0] if announced else None
        if start:
            self.cite("start", start[2])
        if end:
            self.cite("end", end[2])
        if announced:
            self.cite("announced", announced[0][1])
        if out["start"] and out["end"] and latest_date(out["end"]) < earliest_date(out["start"]):
            self.notes.append(f"end {out['end']} is before start {out['start']}: end dropped")
            out["end"] = None
            self.evidence.pop("end", None)
        if out["start"] is None and year_hint is not None and self.event.names:
            out["start"] = str(year_hint)
            self.cite("start", next(s for n, s in self.event.names if n.year))
            self.notes.append(f"start: year {year_hint} from the exercise's name; the report gives no start date")
        if out["start"] is not None:
            out["date_precision"] = date_precision_of(out["start"])
        elif undated is not None or out["announced"] is not None:
            out["date_precision"] = "announced"
            if undated is not None:
                self.cite("undated", undated)
        else:
            out["date_precision"] = "unknown"
        out["dates_as_written"] = as_written
        years = [int(v[:4]) for v in (out["start"], out["announced"]) if v]
        out["year"] = years[0] if years else year_hint

    def _figures(self, out: dict[str, Any]) -> None:
        figures: list[tuple[FigureMention, Sentence]] = []
        for sentence in self.usable:
            for figure in find_figures(sentence.text):
                if not _inside(figure.start, self.spans[sentence.index]):
                    continue
                same = any(
                    (f.what, f.value, f.value_max, f.qualifier)
                    == (figure.what, figure.value, figure.value_max, figure.qualifier)
                    for f, _ in figures
                )
                if not same:
                    figures.append((figure, sentence))
        out["figures"] = []
        out["troops"] = None
        out["equipment"] = {}
        for i, (figure, sentence) in enumerate(figures):
            record = {
                "what": figure.what,
                "value": figure.value,
                "value_max": figure.value_max,
                "qualifier": figure.qualifier,
                "as_stated": figure.as_stated,
            }
            out["figures"].append(record)
            self.cite(f"figures.{i}", sentence)
            if figure.is_troops and out["troops"] is None:
                out["troops"] = record
                self.cite("troops", sentence)
            elif not figure.is_troops and figure.what not in out["equipment"]:
                out["equipment"][figure.what] = record
                self.cite(f"equipment.{figure.what}", sentence)

    def _locations(self, out: dict[str, Any]) -> None:
        locations: dict[str, dict[str, Any]] = {}
        for sentence in self.usable:
            for place in find_places(sentence.text):
                if not _inside(place.start, self.spans[sentence.index]) or is_venue(
                    sentence.text, place.start, place.end
                ):
                    continue  # outside the exercise's clauses, or where a minister spoke ("told reporters in Minsk")
                result = geocode_cached(place.query, place.context)
                key = location_key(result, place.query)
                if key in locations:
                    if place.text not in locations[key]["also_written"] and place.text != locations[key]["text"]:
                        locations[key]["also_written"].append(place.text)
                    continue
                locations[key] = {
                    "text": place.text,
                    "query": place.query if place.query != place.text else None,
                    "context": place.context,
                    "kind": result.kind,
                    "status": result.status,
                    "country": result.country,
                    "admin1": result.admin1,
                    "lat": None if result.lat is None else round(result.lat, 5),
                    "lon": None if result.lon is None else round(result.lon, 5),
                    "precision_km": result.precision_km,
                    "precision": result.precision,
                    "gazetteer_id": result.gazetteer_id,
                    "explanation": result.explanation,
                    "role": place.role,
                    "also_written": [],
                    "_sentence": sentence,
                }
        finer = {
            loc["country"] for loc in locations.values() if loc["status"] == "resolved" and loc["kind"] != "country"
        }
        kept = [
            loc for loc in locations.values()
            if not (loc["kind"] == "country" and loc["country"] in finer)
        ]  # fmt: skip
        dropped = [loc["text"] for loc in locations.values() if loc not in kept]
        if dropped:
            self.notes.append(f"locations {dropped} dropped: a more precise place in the same country is given")
        out["locations"] = []
        for i, loc in enumerate(kept):
            self.cite(f"locations.{i}", loc.pop("_sentence"))
            out["locations"].append(loc)
            if loc["status"] != "resolved":
                self.notes.append(f"location {loc['text']!r} is unresolved: {loc['explanation']}")

    def _parties(self, out: dict[str, Any]) -> None:
        roles: dict[str, dict[str, Sentence]] = {"participant": {}, "observer": {}, "non_participant": {}}
        for sentence in self.usable:
            for party in find_parties(sentence.text):
                if _inside(sentence.text.find(party.text), self.spans[sentence.index]):
                    roles[party.role].setdefault(party.iso3, sentence)
        both = sorted(set(roles["participant"]) & set(roles["non_participant"]))
        for iso3 in both:
            self.notes.append(f"{iso3}: the report says it takes part and that it does not; listed as not taking part")
            roles["participant"].pop(iso3)
        out["participants"] = list(roles["participant"])
        out["observers"] = list(roles["observer"])
        out["non_participants"] = list(roles["non_participant"])
        for role, key in (
            ("participant", "participants"),
            ("observer", "observers"),
            ("non_participant", "non_participants"),
        ):
            for iso3, sentence in roles[role].items():
                self.cite(f"{key}.{iso3}", sentence)

    def _alliance(self, out: dict[str, Any]) -> None:
        votes: dict[str, list[Sentence]] = {}
        for sentence in self.usable:
            for alliance, pattern in ALLIANCE_CUES:
                if pattern.search(sentence.text):
                    votes.setdefault(alliance, []).append(sentence)
        if not votes:
            out["alliance"] = None
            return
        alliance = max(votes, key=lambda a: len(votes[a]))
        out["alliance"] = alliance
        self.cite("alliance", votes[alliance][0])

    def _host(self, out: dict[str, Any]) -> None:
        alliance = out["alliance"]
        as_of = _as_of(out)
        members = _members(_MEMBERSHIP[alliance], as_of) if alliance in _MEMBERSHIP and as_of else None
        excluded = set(out["non_participants"]) | set(out["observers"]) | set(out["participants"])
        for i, loc in enumerate(out["locations"]):
            host = loc["country"]
            if loc["status"] != "resolved" or host is None or host in excluded or loc["role"] != "site":
                continue
            if members is not None and host not in members:
                continue
            out["participants"].append(host)
            excluded.add(host)
            self.cite(f"participants.{host}", self.evidence[f"locations.{i}"])
            self.notes.append(
                f"{host} counted as a participant: the exercise is held on its territory ({loc['text']!r})"
            )

    def _alliance_from_participants(self, out: dict[str, Any]) -> None:
        parties = set(out["participants"])
        if not parties:
            return
        if parties == {"RUS", "BLR"}:
            out["alliance"] = "Russia-Belarus"
        elif len(parties) == 1:
            out["alliance"] = "national"
        else:
            out["alliance"] = "bilateral"
        first = next(k for k in self.evidence if k.startswith("participants."))
        self.cite("alliance", self.evidence[first])
        self.notes.append(f"alliance {out['alliance']!r} from the participants {sorted(parties)}: no alliance is named")


@lru_cache(maxsize=256)
def _members(alliance: str, on: dt.date) -> frozenset[str]:
    return members_on(alliance, on)


def _as_of(out: dict[str, Any]) -> dt.date | None:
    value = out.get("start") or out.get("announced")
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _label(out: dict[str, Any]) -> str:
    when = out.get("start") or out.get("announced") or "undated"
    who = out.get("alliance") or "unattributed"
    return f"Unnamed {who} exercise ({when})"


class Extractor:
    """Read articles into draft events; build once, reuse for every article.

    Parameters
    ----------
    catalog
        Exercises whose names and alternate names are recognised and matched (the curated catalog,
        or the store's exercises).
    """

    def __init__(self, catalog: Iterable[Exercise] = ()) -> None:
        from geo.extract.match import Matcher

        exercises = list(catalog)
        self.lexicon = NameLexicon.from_catalog(exercises)
        self.matcher = Matcher(exercises)

    def extract(self, text: str, *, published: dt.date | None = None) -> Extraction:
        """Return the draft events of a cleaned article (see :func:`geo.extract.text.clean_text`).

        Parameters
        ----------
        text
            Plain article text.
        published
            Publication date; relative dates ("next month", "on Monday") are resolved against it and
            only against it. Without it, a dateline opening the article ("date 2023-09-01") is used.

        Returns
        -------
        Extraction
            The events (each a JSON-ready dict with ``name``, ``name_normalized``, ``alliance``,
            ``start``, ``end``, ``date_precision``, ``year``, ``participants``, ``observers``,
            ``troops``, ``equipment``, ``locations``, ``evidence`` … and ``match``), with warnings.
        """
        warnings: list[str] = []
        stated, line = dateline(text)
        published_from = "given" if published else None
        if published is None and stated is not None:
            published, published_from = stated, "dateline"
            warnings.append(f"publication date {stated.isoformat()} taken from the article's dateline {line!r}")
        elif published is not None and stated is not None and stated != published:
            warnings.append(
                f"the article's dateline says {stated.isoformat()}, the given date {published.isoformat()} is used"
            )
        sentences = split_sentences(text)
        grouped, names_of = _group(sentences, self.lexicon, published)
        events = []
        for event in grouped:
            if not any(ok for _, ok in event.sentences):
                continue
            draft = _Builder(event, names_of, sentences, published).build()
            draft["match"] = self.matcher.match(draft)
            events.append(draft)
        if not events:
            warnings.append("no exercise found: the text names no exercise and reports no drills being held")
        elif published is None and any("left unresolved" in n for e in events for n in e["notes"]):
            warnings.append("no publication date: relative dates ('next month', 'on Monday') are left unresolved")
        return Extraction(text, sentences, events, published, published_from, warnings)
