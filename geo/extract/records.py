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
from collections.abc import Iterable, Sequence
from typing import Any, get_args

from pydantic import ValidationError

from geo.catalog.schema import Citation, Exercise, Figure, Qualifier, Site
from geo.core.dates import date_precision_of
from geo.core.errors import IngestError
from geo.extract.draft import (
    DATE_FIELDS,
    PARTY_FIELDS,
    Additions,
    DraftEvent,
    DraftFigure,
    DraftPlace,
    EvidenceField,
    FieldRef,
)
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


def exercise_id(draft: DraftEvent, taken: Iterable[str] = ()) -> str:
    """Return a new, unused id for a draft: its name's slug with the year, else alliance and date."""
    used = set(taken)
    name = draft.name_normalized or draft.name
    if name:
        base = slugify(name)
        if draft.year and not re.search(r"\d{4}$", base):
            base = f"{base}-{draft.year}"
    else:
        when = draft.start or draft.announced or "undated"
        base = slugify(f"{draft.alliance or 'unattributed'} exercise {when}")
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


#: ``claimed_by`` of a citation supporting a value a reviewer added: the quote introduces the event,
#: but the value is the reviewer's (see :func:`geo.extract.review.apply_edits`).
REVIEWER_CLAIM = "the reviewer (added in review; not stated in the quoted sentence)"


class _Citations:
    """Citation ids for the evidence sentences of one draft, numbered in first-use order."""

    def __init__(self, source: str, prefix: str, reviewer_refs: Iterable[FieldRef] = ()) -> None:
        self.source = source
        self.prefix = prefix
        self.reviewer_refs = set(reviewer_refs)
        self.by_quote: dict[tuple[str, str | None], str] = {}
        self.items: dict[str, Citation] = {}

    def cite(self, quote: str, *, ref: FieldRef | None = None, claimed: str | None = None) -> str:
        quote = re.sub(r"\s+", " ", quote).strip()
        claimed = REVIEWER_CLAIM if ref in self.reviewer_refs else claimed
        if (quote, claimed) not in self.by_quote:
            cid = f"{self.prefix}{len(self.by_quote) + 1}"
            self.by_quote[(quote, claimed)] = cid
            self.items[cid] = Citation(source=self.source, quote=quote, claimed_by=claimed)
        return self.by_quote[(quote, claimed)]


def _evidence(draft: DraftEvent) -> dict[FieldRef, str]:
    """The draft's evidence sentences that are not blank, in the order they were cited."""
    return {ref: quote.text for ref, quote in draft.evidence.items() if quote.text.strip()}


def _ids(citations: _Citations, evidence: dict[FieldRef, str], *fields: EvidenceField) -> list[str]:
    out: list[str] = []
    for ref, quote in evidence.items():
        if ref.field in fields and len(quote.strip()) >= 8:
            cid = citations.cite(quote, ref=ref)
            if cid not in out:
                out.append(cid)
    return out


def _figure(draft: DraftEvent, figure: DraftFigure, quote: str | None, citations: _Citations) -> Figure:
    """Return a catalog figure citing ``quote``, else the troop figure's or the event's first sentence."""
    if figure.qualifier not in QUALIFIERS:
        msg = f"{draft.label}: figure {figure.as_stated!r} has an unknown qualifier {figure.qualifier!r}"
        raise IngestError(msg)
    troops = draft.troops
    troops_quote = draft.quote(FieldRef("figures", draft.figures.index(troops))) if troops else None
    first = draft.first_quote
    cited = quote or troops_quote or (first.text if first else "")
    return Figure(
        what=figure.what,
        value=int(figure.value),
        value_max=figure.value_max,
        qualifier=figure.qualifier,
        as_stated=figure.as_stated or str(figure.value),
        cite=[citations.cite(cited, claimed=figure.claimant)],
    )


def _figures(draft: DraftEvent, citations: _Citations) -> list[Figure]:
    return [
        _figure(draft, figure, draft.quote(FieldRef("figures", i)), citations) for i, figure in enumerate(draft.figures)
    ]


def _resolve_as(loc: DraftPlace) -> str | None:
    if loc.kind in ("training_ground", "airfield") and loc.gazetteer_id:
        return f"id:{loc.gazetteer_id}"  # pin the range the reviewer saw, whatever the spelling
    return loc.query or None


def _site(loc: DraftPlace, quote: str, citations: _Citations) -> Site:
    return Site(
        place=loc.text,
        resolve_as=_resolve_as(loc),
        country=loc.context or "BLR",
        role="planned" if loc.role == "planned" else "site",
        note=None if loc.resolved else "unresolved when extracted; needs a reviewer's reading",
        cite=[citations.cite(quote)],
    )


def _sites(draft: DraftEvent, citations: _Citations) -> list[Site]:
    out = []
    for i, loc in enumerate(draft.locations):
        quote = draft.quote(FieldRef("locations", i))
        if quote and not loc.is_context:  # a country holding finer sites: saved only if the reviewer keeps it
            out.append(_site(loc, quote, citations))
    return out


def _dates(draft: DraftEvent) -> dict[str, Any]:
    precision = draft.date_precision
    announced = draft.announced
    if precision == "unknown" or (precision == "announced" and not announced):
        msg = (
            f"{draft.label}: no usable date: give a start date (YYYY, YYYY-MM or YYYY-MM-DD) or, for an "
            "announcement without a date, the announcement day (with a publication date relative dates resolve)"
        )
        raise IngestError(msg)
    return {
        "start": draft.start or None,
        "end": draft.end or None,
        "date_precision": precision,
        "announced": dt.date.fromisoformat(announced) if announced and len(announced) == 10 else None,
    }


def _summary(draft: DraftEvent, source: str) -> str:
    if draft.summary:
        return draft.summary
    first = draft.first_quote
    return f"Extracted from {source}: {first.text if first else ''}"[:600]


def _validate(raw: dict[str, Any], label: str) -> Exercise:
    try:
        return Exercise.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors())
        msg = f"{label}: cannot be saved: {problems}"
        raise IngestError(msg) from exc


def _check_draft(draft: DraftEvent, evidence: dict[FieldRef, str]) -> None:
    """Refuse a draft without evidence, participant or alliance, saying what to add."""
    if not evidence:
        msg = f"{draft.label}: has no evidence sentences"
        raise IngestError(msg)
    if not draft.participants:
        msg = f"{draft.label}: no participating country: add at least one (ISO3 code such as BLR)"
        raise IngestError(msg)
    if not draft.alliance:
        msg = f"{draft.label}: no alliance: choose CSTO, Russia-Belarus, NATO, national or bilateral"
        raise IngestError(msg)


def _evidence_ids(citations: _Citations, evidence: dict[FieldRef, str], fallback: list[str]) -> dict[str, list[str]]:
    """Return the catalog's ``evidence`` mapping (field → citation ids); the first sentence where none is cited."""
    out = {
        "name": _ids(citations, evidence, "name") or fallback,
        "alliance": _ids(citations, evidence, "alliance") or _ids(citations, evidence, "participants") or fallback,
        "dates": _ids(citations, evidence, *DATE_FIELDS) or fallback,
        "participants": _ids(citations, evidence, "participants") or fallback,
    }
    for role in ("observers", "non_participants"):
        ids = _ids(citations, evidence, role)
        if ids:
            out[role] = ids
    out["summary"] = sorted({c for ids in out.values() for c in ids}, key=_cid_order)
    return out


def to_exercise(draft: DraftEvent, *, source: str, taken: Iterable[str] = ()) -> Exercise:
    """Return a new catalog exercise built from a reviewed draft event.

    Parameters
    ----------
    draft
        A draft event (:class:`geo.extract.events.Extractor` output, possibly edited).
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
    evidence = _evidence(draft)
    _check_draft(draft, evidence)
    citations = _Citations(source, "e", draft.reviewer_added)
    first_quote = evidence.get(FieldRef("name")) or next(iter(evidence.values()))
    fallback = [citations.cite(first_quote)]
    name = draft.name or draft.label or "Unnamed exercise"
    record: dict[str, Any] = {
        "id": exercise_id(draft, taken),
        "name": name,
        "alt_names": [n for n in [draft.name_normalized] if n and n != name],
        "family": slugify(split_year(draft.name_normalized)[0]) if draft.name_normalized else None,
        "alliance": draft.alliance,
        **_dates(draft),
        "participants": list(dict.fromkeys(draft.participants)),
        "observers": list(dict.fromkeys(draft.observers)),
        "non_participants": list(dict.fromkeys(draft.non_participants)),
        "summary": _summary(draft, source),
        "figures": _figures(draft, citations),
        "sites": _sites(draft, citations),
    }
    if not record["sites"]:
        msg = f"{draft.label}: no location: add the place the report gives (a range, town, region or border)"
        raise IngestError(msg)
    record["evidence"] = _evidence_ids(citations, evidence, fallback)
    record["citations"] = citations.items
    return _validate(record, draft.label)


def _cid_order(cid: str) -> tuple[str, int]:
    match = re.match(r"^(.*?)(\d+)$", cid)
    return (match.group(1), int(match.group(2))) if match else (cid, 0)


def merge_additions(exercise: Exercise, draft: DraftEvent, additions: Additions, *, source: str) -> Exercise:
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
    citations = _Citations(source, prefix, draft.reviewer_added)
    evidence = _evidence(draft)
    raw = exercise.model_dump(mode="json")
    _merge_parties(raw, additions, evidence, citations)
    _merge_figures(raw, draft, additions.figures, citations)
    _merge_sites(raw, draft, additions.locations, citations)
    dates: tuple[tuple[EvidenceField, str | None], ...] = (("start", additions.start), ("end", additions.end))
    for field, value in dates:
        if value:
            raw[field] = value
            if field == "start":
                raw["date_precision"] = date_precision_of(value)
            quote = evidence.get(FieldRef(field))
            if quote:
                raw["evidence"]["dates"] = [*raw["evidence"]["dates"], citations.cite(quote)]
    for cid, citation in citations.items.items():
        raw["citations"][cid] = citation.model_dump(mode="json", exclude_none=True)
    return _validate(raw, exercise.id)


def _merge_parties(
    raw: dict[str, Any], additions: Additions, evidence: dict[FieldRef, str], citations: _Citations
) -> None:
    for role in PARTY_FIELDS:
        new = [c for c in additions.parties(role) if c not in raw[role]]
        if new:
            raw[role] += new
            refs = [FieldRef(role, c) for c in new if FieldRef(role, c) in evidence]
            ids = [citations.cite(evidence[ref], ref=ref) for ref in refs]
            raw["evidence"].setdefault(role, [])
            raw["evidence"][role] += [i for i in ids if i not in raw["evidence"][role]]


def _merge_figures(raw: dict[str, Any], draft: DraftEvent, added: Sequence[DraftFigure], citations: _Citations) -> None:
    known = {(f["what"], f["value"], f["qualifier"]) for f in raw["figures"]}
    for figure in added:
        if (figure.what, figure.value, figure.qualifier) in known:
            continue
        position = next((i for i, f in enumerate(draft.figures) if f == figure), None)
        quote = draft.quote(FieldRef("figures", position)) if position is not None else None
        raw["figures"].append(_figure(draft, figure, quote, citations).model_dump(mode="json", exclude_none=True))


def _merge_sites(raw: dict[str, Any], draft: DraftEvent, added: Sequence[DraftPlace], citations: _Citations) -> None:
    present = {(s["place"], s.get("resolve_as")) for s in raw["sites"]}
    for loc in added:
        position = next((i for i, p in enumerate(draft.locations) if p.text == loc.text), None)
        quote = draft.quote(FieldRef("locations", position)) if position is not None else None
        if quote and (loc.text, _resolve_as(loc)) not in present:
            raw["sites"].append(_site(loc, quote, citations).model_dump(mode="json", exclude_none=True))
