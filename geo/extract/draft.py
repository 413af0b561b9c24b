"""The typed draft event: what extraction finds in a report, every value with the sentence it came from.

A :class:`DraftEvent` is immutable; review edits (:func:`geo.extract.review.apply_edits`) return a new
one. Evidence is keyed by a :class:`FieldRef` (``FieldRef("figures", 0)``, ``FieldRef("participants",
"BLR")``), never by a string. :meth:`DraftEvent.to_json` writes the JSON shape of ``python -m geo ingest
--json``, where a reference is written as its :attr:`FieldRef.key` (``"figures.0"``, ``"participants.BLR"``).

The troop figure (:attr:`DraftEvent.troops`) and the equipment figures (:attr:`DraftEvent.equipment`)
are derived from :attr:`DraftEvent.figures`, so their evidence is the evidence of that figure.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from geo.geocode.result import GeocodeResult

#: The fields of a draft event that evidence can support.
EvidenceField = Literal[
    "name",
    "alliance",
    "start",
    "end",
    "announced",
    "undated",
    "troops",
    "equipment",
    "figures",
    "locations",
    "participants",
    "observers",
    "non_participants",
]
#: The list fields of countries, by role.
PartyField = Literal["participants", "observers", "non_participants"]
PARTY_FIELDS: tuple[PartyField, ...] = ("participants", "observers", "non_participants")
#: The fields evidence for the dates is filed under.
DATE_FIELDS: tuple[EvidenceField, ...] = ("start", "end", "announced", "undated")


@dataclass(frozen=True)
class FieldRef:
    """A reference to one value of a draft event: a field, and for list fields the item.

    Attributes
    ----------
    field
        The field (``name``, ``start``, ``figures``, ``participants`` …).
    item
        For ``figures`` and ``locations`` the position in the list; for the country fields the
        ISO3 code; for ``equipment`` the equipment's name; None for single-valued fields.
    """

    field: EvidenceField
    item: int | str | None = None

    @property
    def key(self) -> str:
        """The reference as JSON writes it: ``"start"``, ``"figures.0"``, ``"participants.BLR"``."""
        return self.field if self.item is None else f"{self.field}.{self.item}"


@dataclass(frozen=True)
class Quote:
    """An evidence sentence and its offsets in the cleaned article text (``text == article[start:end]``)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DraftFigure:
    """A figure as the report states it (troops, tanks …); ``value_max`` for a range ("2,000-3,000").

    ``claimant`` is who states it, when a reviewer says so ("the Belarusian Defence Ministry").
    """

    what: str
    value: int
    qualifier: str
    as_stated: str
    value_max: int | None = None
    claimant: str | None = None

    @property
    def is_troops(self) -> bool:
        """Whether the figure counts people rather than equipment."""
        return self.what == "troops"

    def to_json(self) -> dict[str, Any]:
        """Return the figure as a JSON-ready dict."""
        return {
            "what": self.what,
            "value": self.value,
            "value_max": self.value_max,
            "qualifier": self.qualifier,
            "as_stated": self.as_stated,
            "claimant": self.claimant,
        }


#: The role of a country named as the exercise's place when finer places in it are given.
CONTEXT_ROLE = "context"


@dataclass(frozen=True)
class DraftPlace:
    """A place phrase of the report and how the geocoder located it.

    Attributes
    ----------
    text
        The phrase as written ("the Gozhsky training ground").
    query
        What was geocoded when it differs from ``text``, else None.
    context
        The ISO3 country the phrase was read in (None: the default, Belarus).
    kind, status, country, admin1, precision_km, precision, gazetteer_id, explanation
        The geocoder's answer (:class:`geo.geocode.geocoder.GeocodeResult`).
    lat, lon
        Degrees WGS84 (rounded to 5 decimals), None for areas and unresolved phrases.
    role
        ``site``, ``planned`` (a place the exercise was only planned for) or ``context`` (a country named
        as the place of the exercise when finer places in it are given too: shown and scored as a site,
        left out of the catalog unless the reviewer keeps it, see :attr:`is_context`).
    also_written
        Other phrases of the report for the same place.
    """

    text: str
    kind: str | None
    status: str
    country: str | None
    role: str = "site"
    query: str | None = None
    context: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision_km: float | None = None
    precision: str | None = None
    gazetteer_id: str | None = None
    explanation: str = ""
    also_written: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        """Whether the geocoder located the phrase."""
        return self.status == "resolved"

    @property
    def is_context(self) -> bool:
        """Whether the place only contains finer sites ("held in Belarus" beside "at the Losvido range").

        A whole country read as a site would sit 0 km from NATO on the map, so the catalog keeps the
        finer places; the country stays in the draft so that the reviewer sees it and may keep it.
        """
        return self.role == CONTEXT_ROLE

    @classmethod
    def from_result(
        cls,
        text: str,
        result: GeocodeResult,
        *,
        query: str | None = None,
        context: str | None = None,
        role: str = "site",
    ) -> DraftPlace:
        """Return the place phrase ``text`` as the geocoder located it (``query`` when it read another wording)."""
        return cls(
            text=text,
            query=query if query != text else None,
            context=context,
            kind=result.kind,
            status=result.status,
            country=result.country,
            admin1=result.admin1,
            lat=None if result.lat is None else round(result.lat, 5),
            lon=None if result.lon is None else round(result.lon, 5),
            precision_km=result.precision_km,
            precision=result.precision,
            gazetteer_id=result.gazetteer_id,
            explanation=result.explanation,
            role=role,
        )

    @property
    def phrase(self) -> str:
        """What to geocode: the query, else the text."""
        return self.query or self.text

    @property
    def country_context(self) -> str:
        """The country the phrase is read in (Belarus when none was stated)."""
        return self.context or "BLR"

    def to_json(self) -> dict[str, Any]:
        """Return the place as a JSON-ready dict."""
        return {
            "text": self.text,
            "query": self.query,
            "context": self.context,
            "kind": self.kind,
            "status": self.status,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "precision_km": self.precision_km,
            "precision": self.precision,
            "gazetteer_id": self.gazetteer_id,
            "explanation": self.explanation,
            "role": self.role,
            "also_written": list(self.also_written),
        }


@dataclass(frozen=True)
class Difference:
    """A fact on which a report and a known exercise disagree (never applied)."""

    known: str
    report: str


@dataclass(frozen=True)
class Additions:
    """Facts a report adds to a known exercise (see :func:`geo.extract.match.compare`)."""

    participants: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    non_participants: tuple[str, ...] = ()
    figures: tuple[DraftFigure, ...] = ()
    locations: tuple[DraftPlace, ...] = ()
    start: str | None = None
    end: str | None = None

    def parties(self, role: PartyField) -> tuple[str, ...]:
        """Return the countries added in one role."""
        return {"participants": self.participants, "observers": self.observers,
                "non_participants": self.non_participants}[role]  # fmt: skip

    def items(self) -> Iterator[tuple[str, str]]:
        """Yield ``(field, text)`` of every non-empty addition, for a reader."""
        for role in PARTY_FIELDS:
            if self.parties(role):
                yield role, ", ".join(self.parties(role))
        if self.figures:
            yield "figures", ", ".join(f.as_stated for f in self.figures)
        if self.locations:
            yield "locations", ", ".join(loc.text for loc in self.locations)
        for name, value in (("start", self.start), ("end", self.end)):
            if value:
                yield name, value

    def to_json(self) -> dict[str, Any]:
        """Return the non-empty additions as a JSON-ready dict."""
        out: dict[str, Any] = {role: list(self.parties(role)) for role in PARTY_FIELDS if self.parties(role)}
        if self.figures:
            out["figures"] = [f.to_json() for f in self.figures]
        if self.locations:
            out["locations"] = [loc.to_json() for loc in self.locations]
        out |= {name: value for name, value in (("start", self.start), ("end", self.end)) if value}
        return out


@dataclass(frozen=True)
class Match:
    """The known exercise a draft matches, how, and what the report adds to it or contradicts."""

    exercise_id: str
    name: str
    score: float
    how: str
    additions: Additions = Additions()
    differences: Mapping[str, Difference] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Return the match as a JSON-ready dict."""
        return {
            "exercise_id": self.exercise_id,
            "name": self.name,
            "score": self.score,
            "how": self.how,
            "additions": self.additions.to_json(),
            "differences": {k: {"known": d.known, "report": d.report} for k, d in self.differences.items()},
        }


@dataclass(frozen=True)
class DraftEvent:
    """One exercise event as a report states it, before review.

    Attributes
    ----------
    label
        A readable title: the name, else "Unnamed <alliance> exercise (<date>)".
    name, name_normalized
        The name as written and its normalised form ("West-2025" → ``Zapad-2025``), or None.
    alliance
        CSTO, NATO, Russia-Belarus, national or bilateral, or None when nothing says.
    start, end, announced
        ISO reduced-precision dates (``announced``: a day), or None.
    date_precision
        ``day``, ``month``, ``year``, ``announced`` or ``unknown``.
    year
        The year of the start, announcement or name.
    dates_as_written
        Role (``start``, ``end``, ``announced`` …) → the words the report uses.
    figures, locations
        What the report states, in text order.
    participants, observers, non_participants
        ISO3 codes.
    evidence
        Each value → the sentence it came from.
    sentences
        Indexes of the article's sentences that speak of the event.
    notes
        How values were inferred, for the reviewer.
    match
        The known exercise it matches, or None.
    reviewer_added
        Values a reviewer added: their evidence introduces the event but does not state them.
    summary
        A reviewer's summary, if any.
    """

    label: str
    name: str | None = None
    name_normalized: str | None = None
    alliance: str | None = None
    start: str | None = None
    end: str | None = None
    announced: str | None = None
    date_precision: str = "unknown"
    year: int | None = None
    dates_as_written: Mapping[str, str] = field(default_factory=dict)
    figures: tuple[DraftFigure, ...] = ()
    locations: tuple[DraftPlace, ...] = ()
    participants: tuple[str, ...] = ()
    observers: tuple[str, ...] = ()
    non_participants: tuple[str, ...] = ()
    evidence: Mapping[FieldRef, Quote] = field(default_factory=dict)
    sentences: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    match: Match | None = None
    reviewer_added: frozenset[FieldRef] = frozenset()
    summary: str | None = None

    def parties(self, role: PartyField) -> tuple[str, ...]:
        """Return the countries of one role."""
        return {"participants": self.participants, "observers": self.observers,
                "non_participants": self.non_participants}[role]  # fmt: skip

    @property
    def troops(self) -> DraftFigure | None:
        """The first troop figure, or None."""
        return next((f for f in self.figures if f.is_troops), None)

    @property
    def equipment(self) -> dict[str, DraftFigure]:
        """The first figure of each kind of equipment, by what it counts."""
        out: dict[str, DraftFigure] = {}
        for figure in self.figures:
            if not figure.is_troops:
                out.setdefault(figure.what, figure)
        return out

    def quote(self, ref: FieldRef) -> str | None:
        """Return the evidence sentence of a value, or None."""
        found = self.evidence.get(ref)
        return found.text if found else None

    @property
    def first_quote(self) -> Quote | None:
        """The sentence that introduces the event: the name's, else the first evidence sentence."""
        return self.evidence.get(FieldRef("name")) or next(iter(self.evidence.values()), None)

    def cited(self) -> list[tuple[FieldRef, Quote]]:
        """Return every evidence entry, with those of the troop and equipment figures they derive from."""
        out = list(self.evidence.items())
        derived: list[tuple[FieldRef, Quote]] = []
        seen_troops = False
        seen_equipment: set[str] = set()
        for i, figure in enumerate(self.figures):
            quote = self.evidence.get(FieldRef("figures", i))
            if quote is None:
                continue
            if figure.is_troops and not seen_troops:
                seen_troops = True
                derived.append((FieldRef("troops"), quote))
            elif not figure.is_troops and figure.what not in seen_equipment:
                seen_equipment.add(figure.what)
                derived.append((FieldRef("equipment", figure.what), quote))
        return out + derived

    def to_json(self) -> dict[str, Any]:
        """Return the draft in the JSON shape of ``python -m geo ingest --json``."""
        troops = self.troops
        cited = self.cited()
        out: dict[str, Any] = {
            "name": self.name,
            "name_normalized": self.name_normalized,
            "start": self.start,
            "end": self.end,
            "announced": self.announced,
            "date_precision": self.date_precision,
            "dates_as_written": dict(self.dates_as_written),
            "year": self.year,
            "figures": [f.to_json() for f in self.figures],
            "troops": troops.to_json() if troops else None,
            "equipment": {what: f.to_json() for what, f in self.equipment.items()},
            "locations": [loc.to_json() for loc in self.locations],
            "participants": list(self.participants),
            "observers": list(self.observers),
            "non_participants": list(self.non_participants),
            "alliance": self.alliance,
            "label": self.label,
            "evidence": {ref.key: quote.text for ref, quote in cited},
            "evidence_spans": {ref.key: [quote.start, quote.end] for ref, quote in cited},
            "sentences": list(self.sentences),
            "notes": list(self.notes),
            "match": self.match.to_json() if self.match else None,
        }
        if self.reviewer_added:
            out["reviewer_added"] = sorted(ref.key for ref in self.reviewer_added)
        if self.summary:
            out["summary"] = self.summary
        return out
