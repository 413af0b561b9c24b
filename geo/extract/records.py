"""Turn a reviewed draft event into a catalog :class:`~geo.catalog.schema.Exercise`, or merge it into one.

Every evidence sentence becomes a :class:`~geo.catalog.schema.Citation` of the article's source
(``seed:<file>.txt`` or the article's URL); every fact cites the sentence it came from. A draft that
cannot become a valid record (no participant, no location, no date at all) raises
:class:`~geo.core.errors.IngestError` naming the event and what to add; nothing is saved half-way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, get_args

from pydantic import ValidationError

from geo.catalog.schema import Citation, Exercise, Figure, Qualifier, Site
from geo.core.errors import IngestError
from geo.extract.names import split_year

_SOURCE = re.compile(r"^(seed:[\w.-]+\.txt|https?://\S+)$")
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)


def check_source(source: str) -> str:
    """Return ``source`` if it is a citable source (``seed:<file>.txt`` or an http(s) URL).

    Raises
    ------
    IngestError
        Otherwise, saying what a source must look like.
    """
    value = (source or "").strip()
    if not _SOURCE.match(value):
        msg = f"source {value!r} is neither an http(s) URL nor 'seed:<file>.txt': give the article's URL"
        raise IngestError(msg)
    return value


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug ("Combat Brotherhood 2023" → ``combat-brotherhood-2023``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "exercise"


def exercise_id(draft: dict[str, Any], taken: Iterable[str] = ()) -> str:
    """Return a new, unused id for a draft: its name's slug with the year, else alliance and date."""
    used = set(taken)
    name = draft.get("name_normalized") or draft.get("name")
    if name:
        base = slugify(name)
        year = draft.get("year")
        if year and not re.search(r"\d{4}$", base):
            base = f"{base}-{year}"
    else:
        when = draft.get("start") or draft.get("announced") or "undated"
        base = slugify(f"{draft.get('alliance') or 'unattributed'} exercise {when}")
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


#: ``claimed_by`` of a citation supporting a value a reviewer added: the quote introduces the event,
#: but the value is the reviewer's (see :func:`geo.extract.review.apply_edits`).
REVIEWER_CLAIM = "the reviewer (added in review; not stated in the quoted sentence)"


class _Citations:
    """Citation ids for the evidence sentences of one draft, numbered in first-use order."""

    def __init__(self, source: str, prefix: str, reviewer_keys: Iterable[str] = ()) -> None:
        self.source = source
        self.prefix = prefix
        self.reviewer_keys = set(reviewer_keys)
        self.by_quote: dict[tuple[str, str | None], str] = {}
        self.items: dict[str, Citation] = {}

    def cite(self, quote: str, *, key: str | None = None) -> str:
        quote = re.sub(r"\s+", " ", quote).strip()
        claimed = REVIEWER_CLAIM if key in self.reviewer_keys else None
        if (quote, claimed) not in self.by_quote:
            cid = f"{self.prefix}{len(self.by_quote) + 1}"
            self.by_quote[(quote, claimed)] = cid
            self.items[cid] = Citation(source=self.source, quote=quote, claimed_by=claimed)
        return self.by_quote[(quote, claimed)]


def _ids(citations: _Citations, evidence: dict[str, str], *keys: str) -> list[str]:
    out: list[str] = []
    for key, quote in evidence.items():
        if any(key == k or key.startswith(k + ".") for k in keys) and len(quote.strip()) >= 8:
            cid = citations.cite(quote, key=key)
            if cid not in out:
                out.append(cid)
    return out


def _label(draft: dict[str, Any]) -> str:
    return str(draft.get("name") or draft.get("label") or "this event")


def _figures(draft: dict[str, Any], citations: _Citations) -> list[Figure]:
    out = []
    evidence = draft.get("evidence", {})
    for i, fig in enumerate(draft.get("figures", [])):
        quote = evidence.get(f"figures.{i}") or evidence.get("troops") or ""
        qualifier = fig.get("qualifier") or "exact"
        if qualifier not in QUALIFIERS:
            msg = f"{_label(draft)}: figure {fig.get('as_stated')!r} has an unknown qualifier {qualifier!r}"
            raise IngestError(msg)
        out.append(
            Figure(
                what=fig["what"],
                value=int(fig["value"]),
                value_max=fig.get("value_max"),
                qualifier=qualifier,
                as_stated=fig.get("as_stated") or str(fig["value"]),
                cite=[citations.cite(quote)] if quote else [citations.cite(next(iter(evidence.values())))],
            )
        )
    return out


def _resolve_as(loc: dict[str, Any]) -> str | None:
    if loc.get("kind") in ("training_ground", "airfield") and loc.get("gazetteer_id"):
        return f"id:{loc['gazetteer_id']}"  # pin the range the reviewer saw, whatever the spelling
    return loc.get("query") or None


def _sites(draft: dict[str, Any], citations: _Citations) -> list[Site]:
    evidence = draft.get("evidence", {})
    out = []
    for i, loc in enumerate(draft.get("locations", [])):
        quote = evidence.get(f"locations.{i}")
        if not quote:
            continue
        note = None if loc.get("status") == "resolved" else "unresolved when extracted; needs a reviewer's reading"
        out.append(
            Site(
                place=loc["text"],
                resolve_as=_resolve_as(loc),
                country=loc.get("context") or "BLR",
                role="planned" if loc.get("role") == "planned" else "site",
                note=note,
                cite=[citations.cite(quote)],
            )
        )
    return out


def _dates(draft: dict[str, Any]) -> dict[str, Any]:
    precision = draft.get("date_precision")
    announced = draft.get("announced")
    if precision == "unknown" or (precision == "announced" and not announced):
        msg = (
            f"{_label(draft)}: no usable date: give a start date (YYYY, YYYY-MM or YYYY-MM-DD) or, for an "
            "announcement without a date, the announcement day (with a publication date relative dates resolve)"
        )
        raise IngestError(msg)
    return {
        "start": draft.get("start") or None,
        "end": draft.get("end") or None,
        "date_precision": precision,
        "announced": dt.date.fromisoformat(announced) if announced and len(announced) == 10 else None,
    }


def _summary(draft: dict[str, Any], source: str) -> str:
    if draft.get("summary"):
        return str(draft["summary"])
    evidence = draft.get("evidence", {})
    first = evidence.get("name") or next(iter(evidence.values()), "")
    return f"Extracted from {source}: {first}"[:600]


def _validate(raw: dict[str, Any], label: str) -> Exercise:
    try:
        return Exercise.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors())
        msg = f"{label}: cannot be saved: {problems}"
        raise IngestError(msg) from exc


def to_exercise(draft: dict[str, Any], *, source: str, taken: Iterable[str] = ()) -> Exercise:
    """Return a new catalog exercise built from a reviewed draft event.

    Parameters
    ----------
    draft
        A draft event dict (:class:`geo.extract.events.Extractor` output, possibly edited).
    source
        ``seed:<file>.txt`` or the article's URL; every citation names it.
    taken
        Ids already used (the new id avoids them).

    Raises
    ------
    IngestError
        If the source is not citable, or the draft lacks a participant, a location, a date, or any
        evidence for them.
    """
    source = check_source(source)
    label = _label(draft)
    evidence = {k: v for k, v in (draft.get("evidence") or {}).items() if isinstance(v, str) and v.strip()}
    if not evidence:
        msg = f"{label}: has no evidence sentences"
        raise IngestError(msg)
    if not draft.get("participants"):
        msg = f"{label}: no participating country: add at least one (ISO3 code such as BLR)"
        raise IngestError(msg)
    if not draft.get("alliance"):
        msg = f"{label}: no alliance: choose CSTO, Russia-Belarus, NATO, national or bilateral"
        raise IngestError(msg)
    citations = _Citations(source, "e", draft.get("reviewer_added") or ())
    first_quote = evidence.get("name") or next(iter(evidence.values()))
    fallback = [citations.cite(first_quote)]
    name = draft.get("name") or draft.get("label") or "Unnamed exercise"
    record: dict[str, Any] = {
        "id": exercise_id(draft, taken),
        "name": name,
        "alt_names": [n for n in [draft.get("name_normalized")] if n and n != name],
        "family": slugify(split_year(draft["name_normalized"])[0]) if draft.get("name_normalized") else None,
        "alliance": draft["alliance"],
        **_dates(draft),
        "participants": list(dict.fromkeys(draft["participants"])),
        "observers": list(dict.fromkeys(draft.get("observers") or [])),
        "non_participants": list(dict.fromkeys(draft.get("non_participants") or [])),
        "summary": _summary(draft, source),
        "figures": _figures(draft, citations),
        "sites": _sites(draft, citations),
    }
    if not record["sites"]:
        msg = f"{label}: no location: add the place the report gives (a range, town, region or border)"
        raise IngestError(msg)
    record["evidence"] = {
        "name": _ids(citations, evidence, "name") or fallback,
        "alliance": _ids(citations, evidence, "alliance") or _ids(citations, evidence, "participants") or fallback,
        "dates": _ids(citations, evidence, "start", "end", "announced", "undated") or fallback,
        "participants": _ids(citations, evidence, "participants") or fallback,
    }
    for key in ("observers", "non_participants"):
        ids = _ids(citations, evidence, key)
        if ids:
            record["evidence"][key] = ids
    record["evidence"]["summary"] = sorted({c for ids in record["evidence"].values() for c in ids}, key=_cid_order)
    record["citations"] = citations.items
    return _validate(record, label)


def _cid_order(cid: str) -> tuple[str, int]:
    match = re.match(r"^(.*?)(\d+)$", cid)
    return (match.group(1), int(match.group(2))) if match else (cid, 0)


def merge_additions(exercise: Exercise, draft: dict[str, Any], additions: dict[str, Any], *, source: str) -> Exercise:
    """Return ``exercise`` with the additions a reviewer accepted from a matched draft.

    New participants, observers and non-participants are appended, new figures and sites added, and
    a start or end date replaced only by a more precise one inside it (:func:`geo.extract.match.compare`).
    New citations get ids prefixed with a short hash of the source, so that two reports never collide.

    Raises
    ------
    IngestError
        If the source is not citable or the merged record fails validation.
    """
    source = check_source(source)
    prefix = "r" + hashlib.sha1(source.encode()).hexdigest()[:6] + "_"
    citations = _Citations(source, prefix, draft.get("reviewer_added") or ())
    evidence = {k: v for k, v in (draft.get("evidence") or {}).items() if isinstance(v, str) and v.strip()}
    raw = exercise.model_dump(mode="json")
    for field in ("participants", "observers", "non_participants"):
        new = [c for c in additions.get(field, []) if c not in raw[field]]
        if new:
            raw[field] += new
            keys = [f"{field}.{c}" for c in new if f"{field}.{c}" in evidence]
            ids = [citations.cite(evidence[key], key=key) for key in keys]
            raw["evidence"].setdefault(field, [])
            raw["evidence"][field] += [i for i in ids if i not in raw["evidence"][field]]
    if additions.get("figures"):
        known = {(f["what"], f["value"], f["qualifier"]) for f in raw["figures"]}
        new_figures = [f for f in additions["figures"] if (f["what"], f["value"], f["qualifier"]) not in known]
        positions = {(f["what"], f["value"], f["qualifier"]): i for i, f in enumerate(draft.get("figures", []))}
        sub = {"figures": new_figures, "evidence": {
            f"figures.{n}": evidence.get(f"figures.{positions.get((f['what'], f['value'], f['qualifier']), -1)}", "")
            for n, f in enumerate(new_figures)} | {"troops": evidence.get("troops", "")}}  # fmt: skip
        raw["figures"] += [f.model_dump(mode="json", exclude_none=True) for f in _figures(sub, citations)]
    if additions.get("locations"):
        index = {loc["text"]: i for i, loc in enumerate(draft.get("locations", []))}
        present = {(s["place"], s.get("resolve_as")) for s in raw["sites"]}
        for loc in additions["locations"]:
            quote = evidence.get(f"locations.{index.get(loc['text'], -1)}")
            if quote and (loc["text"], _resolve_as(loc)) not in present:
                sub = {"locations": [loc], "evidence": {"locations.0": quote}}
                raw["sites"] += [s.model_dump(mode="json", exclude_none=True) for s in _sites(sub, citations)]
    for field in ("start", "end"):
        if additions.get(field):
            raw[field] = additions[field]
            if field == "start":
                raw["date_precision"] = ("year", "month", "day")[additions[field].count("-")]
            quote = evidence.get(field)
            if quote:
                raw["evidence"]["dates"] = [*raw["evidence"]["dates"], citations.cite(quote)]
    for cid, citation in citations.items.items():
        raw["citations"][cid] = citation.model_dump(mode="json", exclude_none=True)
    return _validate(raw, exercise.id)
