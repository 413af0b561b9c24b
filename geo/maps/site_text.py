"""The text of the site tables: every string, exercise, citation and place description stored once.

:class:`SiteTables` are the compact tables a map ships (see :mod:`geo.maps.sites` for what they hold and how
they are drawn); :class:`SharedText` fills their text while :func:`geo.maps.sites.site_tables` walks the
sites, so that text shared by many sites (an exercise's facts, its citations, a place description) is
rendered and stored once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

from geo.core.citations import source_host
from geo.maps.popup import (
    PLACE_COLUMNS,
    ExerciseFields,
    PlaceFields,
    citation_fields,
    citation_html,
    exercise_fields,
    place_fields,
    place_html,
    source_html,
)

__all__ = ["SharedText", "SiteTables", "Vocabulary"]


#: The source and quote a citation's HTML is rendered with, to be cut out again (see :meth:`SiteTables.add_citation`).
_STAND_IN = "seed:\u2063source\u2063"
_STAND_IN_HTML = source_html(_STAND_IN)
_QUOTE_STAND_IN = "\u2063quote\u2063"  # html.escape leaves it as it is
#: The citation keys a citation's frame (its markup around the quote and the source) depends on.
_FRAME_KEYS = ("claimed_by", "via", "grade", "grade_text")


class Vocabulary:
    """Strings stored once, referred to by index (``-1`` for "none")."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        """Return the index of ``text`` (adding it), or -1 for None."""
        if text is None:
            return -1
        i = self._index.get(text)
        if i is None:
            i = self._index[text] = len(self.items)
            self.items.append(text)
        return i


@dataclass
class SiteTables:
    """The compact site tables of one map (see :mod:`geo.maps.sites`).

    Every string is an index into :attr:`vocabulary`; ``-1`` means "none", booleans are 0/1.

    Attributes
    ----------
    vocabulary
        The strings: plain text (escaped in the browser), and the escaped HTML of citations and places.
    sources
        Each distinct source: a link as ``[https 1/0, URL after "://", host in the vocabulary]``, whose anchor
        (:func:`geo.maps.popup.source_html`) the browser builds and escapes; anything else as that HTML.
    exercises
        ``[name, alliance, when, when_note, participants, observers, figures, citations, id, figures_note]`` per
        exercise; a figure group is ``[what, differ, [[as_stated, scope, by, official, grade], ...]]`` and a
        citation the HTML of :func:`geo.maps.popup.citation_html` (its ``<li>``, with the grade) as
        ``[frame, quote, source]``: its escaped quote in :attr:`quotes`, its source in :attr:`sources`
        and the markup around them in :attr:`frames`, each once (``[html]`` when it could not be cut out).
    frames
        ``[before quote, between quote and source, after source]`` HTML per distinct grade, claimant and channel.
    quotes
        The escaped text of each distinct quote (packed: as words, :func:`geo.maps.site_pack.packed_json`).
    places
        ``[place, read_as, role, note, geocoded, explanation, nearest, html]`` per distinct place description,
        ``html`` from :func:`geo.maps.popup.place_html`.
    geometries
        GeoJSON geometry per distinct area.
    spots
        ``[name, entries]`` per distinct place drawn (same point or same area geometry): its name
        (:func:`geo.catalog.sites.place_name`) and one entry per exercise there, newest first,
        ``[exercise, [place description, ...](, [citation, ...])]``; the citations are left out when the
        entry cites all of its exercise's sources, in order.
    layers
        Alliance -> ``{"pt": [[lon, lat, radius_m, kind, spot], ...], "ar": [[geometry, kind, spot], ...]}``,
        one symbol per spot that has sites of that alliance.
    sites
        Alliance -> number of sites drawn (the legend's counts).
    """

    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    exercises: list[list[Any]] = field(default_factory=list)
    sources: list[str | list[Any]] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    frames: list[list[str]] = field(default_factory=list)
    places: list[list[int]] = field(default_factory=list)
    geometries: list[dict[str, Any]] = field(default_factory=list)
    spots: list[list[Any]] = field(default_factory=list)
    layers: dict[str, dict[str, list[list[Any]]]] = field(default_factory=dict)
    sites: dict[str, int] = field(default_factory=dict)
    _source_index: dict[str, int] = field(default_factory=dict, repr=False)
    _frame_index: dict[tuple[Any, ...], int] = field(default_factory=dict, repr=False)
    _quote_index: dict[str, int] = field(default_factory=dict, repr=False)

    def counts(self) -> dict[str, int]:
        """Return the number of drawn sites per alliance."""
        return dict(self.sites)

    def symbols(self) -> int:
        """Return the number of symbols drawn (one per spot and alliance)."""
        return sum(len(parts["pt"]) + len(parts["ar"]) for parts in self.layers.values())

    def to_json(self) -> dict[str, Any]:
        """Return the tables as plain JSON data (:func:`geo.maps.site_pack.packed_json`: a large map's)."""
        return {
            "v": self.vocabulary.items,
            "q": self.quotes,
            "src": self.sources,
            "cf": self.frames,
            "ex": self.exercises,
            "pl": self.places,
            "geoms": self.geometries,
            "sp": self.spots,
            "layers": self.layers,
        }

    def add_exercise(self, fields: ExerciseFields) -> int:
        """Store an exercise's popup fields; return its index."""
        v = self.vocabulary
        figures = [
            [
                v(f["what"]),
                int(f["differ"]),
                [
                    [v(c["as_stated"]), v(c["scope"]), v(c["by"]), int(c["official"]), v(c["grade"])]
                    for c in f["claims"]
                ],
            ]
            for f in fields["figures"]
        ]
        self.exercises.append(
            [
                v(fields["name"]),
                v(fields["alliance"]),
                v(fields["when"]),
                v(fields["when_note"] or None),
                v(fields["participants"]),
                v(fields["observers"] or None),
                figures,
                [],
                v(fields["id"]),
                v(fields["figures_note"]),
            ]
        )
        return len(self.exercises) - 1

    def add_citation(self, exercise: int, citation: Mapping[str, Any]) -> int:
        """Store a citation of an exercise (its :func:`geo.maps.popup.citation_html`); return its index within it.

        The HTML is cut into a frame (the markup and the grade, claimant and channel around the quote and the
        source, rendered once per distinct frame with stand-ins), the escaped quote and the source's HTML:
        ``[frame, quote, source]``, so that ``frame[0] + quote + frame[1] + source + frame[2]`` is the HTML.
        ``[html]`` when the stand-ins cannot be found.
        """
        get = citation.get
        source = get("source", "")
        source = source if type(source) is str else str(source)
        s = self._source_index.get(source)
        if s is None:
            s = self._source_index[source] = len(self.sources)
            self.sources.append(self._source(source))
        key = (get("claimed_by"), get("via"), get("grade"), get("grade_text"))  # _FRAME_KEYS
        f = self._frame_index.get(key)
        if f is None:
            f = self._frame_index[key] = self._add_frame(dict(zip(_FRAME_KEYS, key, strict=True)))
        if f < 0:
            row = [self.vocabulary(citation_html(citation_fields(citation)))]
        else:
            # Keyed by the quote as given: escaping is one-to-one, so equal quotes escape equally, once each.
            quote = get("quote", "")
            quote = quote if type(quote) is str else str(quote)
            q = self._quote_index.get(quote)
            if q is None:
                q = self._quote_index[quote] = len(self.quotes)
                self.quotes.append(escape(quote, quote=True))
            row = [f, q, s]
        citations: list[list[int]] = self.exercises[exercise][7]
        citations.append(row)
        return len(citations) - 1

    def _source(self, source: str) -> str | list[Any]:
        """A source as stored in :attr:`sources`: ``[https, rest, host]`` for a link, else its HTML."""
        host = source_host(source)
        scheme, _, rest = source.partition("://")
        if host is None or rest.startswith("/"):  # "//" after a quote would read as a remote URL (offline.py)
            return source_html(source)
        return [int(scheme == "https"), rest, self.vocabulary(host)]

    def _add_frame(self, frame: dict[str, Any]) -> int:
        """Store the frame of citations with these :data:`_FRAME_KEYS`; return its index (-1: not cut)."""
        html = citation_html(citation_fields({**frame, "quote": _QUOTE_STAND_IN, "source": _STAND_IN}))
        before, found_quote, rest = html.partition(_QUOTE_STAND_IN)
        middle, found_source, after = rest.partition(_STAND_IN_HTML)
        if not (found_quote and found_source) or _QUOTE_STAND_IN in after or _STAND_IN_HTML in after:
            return -1
        self.frames.append([before, middle, after])
        return len(self.frames) - 1

    def add_place(self, fields: PlaceFields) -> int:
        """Store a place description; return its index."""
        v = self.vocabulary
        keys = ("place", "read_as", "role", "note", "geocoded", "explanation", "nearest")
        self.places.append([*(v(fields[k]) for k in keys), v(place_html(fields))])  # type: ignore[literal-required]
        return len(self.places) - 1


class SharedText:
    """Interns exercise facts, places and citations so that each is sent once however many sites share it.

    Per site, only dictionary look-ups (:meth:`site`): an exercise's fields are computed from its first row,
    a citation's and a place's from their first occurrence (the per-site work is what makes 20,000 sites slow).
    """

    def __init__(self, tables: SiteTables, first_rows: dict[str, dict[str, Any]]) -> None:
        self.tables = tables
        self.first_rows = first_rows
        self.exercise_ids: dict[str, int] = {}
        self.exercise_cits: list[dict[str, int]] = []
        self.place_ids: dict[tuple[Any, ...], int] = {}

    def site(self, ex_id: str, citations: Any, place_key: tuple[Any, ...]) -> tuple[int, list[int], int]:
        """Return a site's exercise, cited citations and place description as indexes, adding the new ones.

        In that order (the vocabulary's order depends on it). The citations are indexes within the exercise
        (by id, as text), each once, in the order cited.
        """
        e = self.exercise_ids.get(ex_id)
        if e is None:
            e = self.exercise(ex_id)
        cit_index = self.exercise_cits[e]
        site_cits = []
        for cit in citations or ():
            cid = str(cit.get("id"))
            c = cit_index.get(cid)
            if c is None:
                c = cit_index[cid] = self.tables.add_citation(e, cit)
            site_cits.append(c)
        p = self.place_ids.get(place_key)
        if p is None:
            p = self.place(place_key)
        return e, list(dict.fromkeys(site_cits)), p

    def exercise(self, ex_id: str) -> int:
        """Return the index of an exercise in the tables (adding it from its first row)."""
        e = self.exercise_ids.get(ex_id)
        if e is None:
            e = self.exercise_ids[ex_id] = self.tables.add_exercise(exercise_fields(self.first_rows[ex_id]))
            self.exercise_cits.append({})
        return e

    def place(self, key: tuple[Any, ...]) -> int:
        """Return the index of a place description (its :data:`geo.maps.popup.PLACE_COLUMNS` values) in the tables."""
        p = self.place_ids.get(key)
        if p is None:
            p = self.place_ids[key] = self.tables.add_place(place_fields(dict(zip(PLACE_COLUMNS, key, strict=True))))
        return p
