"""What the map's tooltips and popups say, built from rows of :func:`geo.catalog.sites.sites_frame`.

The content is defined once, as plain (unescaped) text fields:

* :func:`exercise_fields` — name, alliance, dates and their precision, participants, observers, and the
  troops and equipment figures grouped by what they count, every claim with who made it (contradicting
  figures are kept side by side and flagged, never averaged);
* :func:`place_fields` — the place as written (and the reviewer's reading), what the geocoder made of it,
  the distance to the other side (NATO for the east's sites, the Union State for NATO's) as
  :func:`geo.catalog.sites.other_side_text` words it;
* :func:`citation_fields` — one quoted sentence with its source, who claimed it and via what, and its
  Admiralty grade (:mod:`geo.core.grading`); every figure carries the grades of the citations behind it
  (:func:`grade_html` draws both).

:func:`spot_popup_html` (every exercise at one place, newest first), :func:`popup_html` (one site) and
:func:`tooltip_html` render those fields to HTML here, escaping every value with :func:`html.escape` (a
report may contain ``<script>``). The map ships :func:`citation_html` and :func:`place_html` of each
distinct citation and place, and an exercise's fields as data that the browser renders with the markup of
:func:`exercise_html` (see :mod:`geo.maps.site_index`): an exercise's text is sent once, not once per
site. Links to sources are only made from ``http(s)`` URLs, and their visible text is the host name; an
exercise's name links to its detail view (``<link>?exercise=<id>``) when the map is given a link base.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from html import escape
from typing import Any, Final, TypedDict
from urllib.parse import quote

from geo.catalog.other_side import OTHER_SIDE_COLUMNS
from geo.catalog.participation import participants_text
from geo.catalog.sites import NATO_DISTANCE_COLUMNS, other_side_text
from geo.core.citations import source_host, via_text
from geo.core.countries import country_name
from geo.core.dates import row_period_text
from geo.core.grading import NOT_GRADED, figure_grades
from geo.core.values import present, text_or_none
from geo.geocode.gazetteer import reading_text

__all__ = [
    "EXERCISE_COLUMNS",
    "KIND_LABELS",
    "PLACE_COLUMNS",
    "CitationFields",
    "ClaimFields",
    "ExerciseFields",
    "FigureFields",
    "PlaceFields",
    "citation_fields",
    "citation_html",
    "country_name",
    "exercise_fields",
    "exercise_html",
    "exercise_link",
    "figures_note",
    "grade_html",
    "place_fields",
    "place_html",
    "popup_html",
    "source_html",
    "spot_popup_html",
    "tooltip_html",
]

#: Readable names of the geocoder's kinds.
KIND_LABELS: dict[str, str] = {
    "training_ground": "training ground",
    "airfield": "airfield",
    "town": "town",
    "region": "region",
    "border_zone": "border strip",
    "country": "whole country",
}

#: Characters :func:`exercise_link` leaves unescaped: those JavaScript's ``encodeURIComponent`` keeps.
_URI_SAFE: Final = "!~*'()"


class ClaimFields(TypedDict):
    """One figure as a source states it."""

    as_stated: str
    scope: str | None
    by: str
    official: bool
    #: Effective Admiralty grades of the supporting citations, best first (``"B2"``, ``"B2, D4"``).
    grade: str


class FigureFields(TypedDict):
    """All claims about one quantity (``what``); ``differ`` when they do not agree."""

    what: str
    differ: bool
    claims: list[ClaimFields]


class ExerciseFields(TypedDict):
    """The exercise part of a popup (plain text)."""

    id: str
    name: str
    alliance: str
    when: str
    when_note: str
    participants: str
    observers: str
    figures: list[FigureFields]
    #: What is said when ``figures`` is empty: none reported, or how many the grade filter hid.
    figures_note: str


class PlaceFields(TypedDict):
    """The place part of a popup (plain text; None when not applicable)."""

    place: str
    read_as: str | None
    role: str | None
    note: str | None
    geocoded: str
    explanation: str | None
    nearest: str


class CitationFields(TypedDict):
    """One source entry (plain text)."""

    quote: str
    source: str
    claimed_by: str | None
    via: str | None
    #: Effective Admiralty grade code (``"B2"``, ``"not graded"``) and its meaning and origin.
    grade: str
    grade_text: str


def _text(value: Any) -> str:
    """Escape a value for HTML text or a quoted attribute."""
    return escape(str(value), quote=True)


def _countries(codes: Sequence[str]) -> str:
    return _country_list(tuple(codes))


@lru_cache(maxsize=4096)  # the same lists of participants recur across exercises
def _country_list(codes: tuple[str, ...]) -> str:
    return ", ".join(country_name(c) for c in codes)


def _figure_fields(
    figures: Sequence[Mapping[str, Any]], citations: Sequence[Mapping[str, Any]] = ()
) -> list[FigureFields]:
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for fig in figures:
        groups.setdefault(str(fig.get("what", "")), []).append(fig)
    grade_of = dict(zip(map(id, figures), figure_grades(figures, citations), strict=True))
    out: list[FigureFields] = []
    for what, claims in groups.items():
        values = {(c.get("value"), c.get("value_max"), c.get("scope")) for c in claims}
        out.append(
            {
                "what": what,
                "differ": len(values) > 1,
                "claims": [
                    {
                        "as_stated": str(c.get("as_stated", "")),
                        "scope": text_or_none(c.get("scope")),
                        "by": str(c["claimed_by"]) if present(c.get("claimed_by")) else "claimant not named",
                        "official": bool(c.get("official")),
                        "grade": grade_of[id(c)],
                    }
                    for c in claims
                ],
            }
        )
    return out


#: The site columns :func:`exercise_fields` reads: a row holding only these (those present) gives the same fields.
EXERCISE_COLUMNS: tuple[str, ...] = (
    "exercise_id",
    "exercise_name",
    "alliance",
    "start",
    "end",
    "ongoing",
    "date_precision",
    "announced",
    "participants",
    "disputed",
    "withdrawn",
    "observers",
    "figures",
    "citations",
    "figures_hidden",
)


def exercise_fields(row: Mapping[str, Any]) -> ExerciseFields:
    """Return the exercise part of a popup as plain text fields.

    Parameters
    ----------
    row
        A site row: ``exercise_id``, ``exercise_name``, ``alliance``, dates, ``date_precision``, ``announced``,
        ``participants``, ``observers``, ``figures``.

    Returns
    -------
    ExerciseFields
        Figures are grouped by what they count, in catalog order; ``differ`` marks groups whose
        claims disagree (value or scope). Nothing is merged or averaged.
    """
    notes = [f"date precision: {row['date_precision']}"] if present(row.get("date_precision")) else []
    if present(row.get("announced")) and present(row.get("start")):
        notes.append(f"announced {row['announced']}")
    return {
        "id": str(row.get("exercise_id") or ""),
        "name": str(row["exercise_name"]),
        "alliance": str(row["alliance"]),
        "when": row_period_text(row),
        "when_note": "; ".join(notes),
        # The disputed and the withdrawn follow the participants, never mixed in with them.
        "participants": participants_text(row),
        "observers": _countries(row.get("observers") or []),
        "figures": _figure_fields(row.get("figures") or [], row.get("citations") or []),
        "figures_note": figures_note(row),
    }


def figures_note(row: Mapping[str, Any]) -> str:
    """Return what a face says when a site shows no figure: none reported, or hidden by the grade filter."""
    hidden = int(row.get("figures_hidden") or 0)
    if hidden:
        return f"{hidden} figure(s) hidden: no source behind them meets the grade filter."
    return "No troop or equipment figures reported."


#: The site columns :func:`place_fields` reads: equal values give an equal place description.
PLACE_COLUMNS: tuple[str, ...] = (
    "place_text",
    "resolve_as",
    "site_role",
    "site_note",
    "site_kind",
    "precision",
    "precision_km",
    "confidence",
    "geocode_explanation",
    *NATO_DISTANCE_COLUMNS,
    *OTHER_SIDE_COLUMNS,
)


def place_fields(row: Mapping[str, Any]) -> PlaceFields:
    """Return the place part of a popup as plain text fields.

    Parameters
    ----------
    row
        A site row holding the :data:`PLACE_COLUMNS`.

    Returns
    -------
    PlaceFields
        The phrase as written and the reviewer's reading, the geocoder's kind, precision (with its
        radius), confidence and explanation, and the distance to the other side
        (:func:`geo.catalog.sites.other_side_text`).
    """
    kind = row.get("site_kind")
    precision = str(row.get("precision") or "unresolved")
    if present(kind):
        radius: Any = row.get("precision_km")
        within = f", within ±{float(radius):g} km" if present(radius) else ""
        confidence = f", {row['confidence']} confidence" if present(row.get("confidence")) else ""
        geocoded = f"{KIND_LABELS.get(str(kind), str(kind))} · precision {precision}{within}{confidence}"
    else:
        geocoded = "unresolved (not drawn)"
    role = row.get("site_role")
    return {
        "place": str(row["place_text"]),
        "read_as": reading_text(str(row["resolve_as"])) if present(row.get("resolve_as")) else None,
        "role": str(role) if present(role) and role != "site" else None,
        "note": text_or_none(row.get("site_note")),
        "geocoded": geocoded,
        "explanation": text_or_none(row.get("geocode_explanation")),
        "nearest": other_side_text(row),
    }


def citation_fields(citation: Mapping[str, Any]) -> CitationFields:
    """Return one source entry (``{"id", "source", "quote", "claimed_by"?, "via"?}``) as plain text fields."""
    return {
        "quote": str(citation.get("quote", "")),
        "source": str(citation.get("source", "")),
        "claimed_by": text_or_none(citation.get("claimed_by")),
        "via": via_text(v) if (v := text_or_none(citation.get("via"))) else None,
        "grade": str(citation.get("grade") or NOT_GRADED),
        "grade_text": str(citation.get("grade_text") or NOT_GRADED),
    }


def grade_html(grade: str, title: str | None = None) -> str:
    """Return the escaped grade chip shown beside a quote or a figure: ``<span class='dm-grade'>B2</span>``.

    ``title`` (the grade's meaning and origin) is the hover text; the browser draws the same markup.
    """
    hover = title or f"Admiralty grade of the supporting source: {grade}"
    return f" <span class='dm-grade' title='{_text(hover)}'>{_text(grade)}</span>"


# --- HTML (the browser renders the same fields with the same markup: geo/maps/site_index.py) -------


def tooltip_html(row: Mapping[str, Any]) -> str:
    """Return the escaped tooltip of an exercise: name, dates and alliance on one line."""
    return f"<b>{_text(row['exercise_name'])}</b> · {_text(row_period_text(row))} · {_text(row['alliance'])}"


def _figures_html(figures: Sequence[FigureFields], note: str) -> str:
    if not figures:
        return f"<p class='dm-none'>{_text(note)}</p>"
    rows = []
    for fig in figures:
        boxes = []
        for claim in fig["claims"]:
            scope = f"<div class='dm-scope'>{_text(claim['scope'])}</div>" if claim["scope"] else ""
            badge = " <span class='dm-official'>official</span>" if claim["official"] else ""
            badge += grade_html(claim["grade"])
            boxes.append(
                f"<div class='dm-claim'><b>{_text(claim['as_stated'])}</b>{scope}"
                f"<div class='dm-by'>— {_text(claim['by'])}{badge}</div></div>"
            )
        flag = " <span class='dm-differ'>sources differ</span>" if fig["differ"] else ""
        rows.append(
            f"<div class='dm-fig'><div class='dm-fig-what'>{_text(fig['what'])}{flag}</div>"
            f"<div class='dm-claims'>{''.join(boxes)}</div></div>"
        )
    return f"<div class='dm-figures'>{''.join(rows)}</div>"


def exercise_link(base: str, exercise_id: str) -> str:
    """Return the URL of an exercise's detail view, ``<base>?exercise=<id>`` (the id percent-encoded)."""
    return f"{base}?exercise={quote(exercise_id, safe=_URI_SAFE)}"


def _name_html(fields: ExerciseFields, link: str | None) -> str:
    if link is None:
        return f"<span class='dm-name'>{_text(fields['name'])}</span>"
    href = _text(exercise_link(link, fields["id"]))
    return (
        f"<a class='dm-name' href='{href}' target='_blank' rel='noopener' "
        f"title='Open in the Exercises page (new tab)'>{_text(fields['name'])}</a>"
    )


def exercise_html(fields: ExerciseFields, *, link: str | None = None) -> str:
    """Return the escaped exercise part of a popup (see :func:`exercise_fields`).

    Parameters
    ----------
    fields
        The exercise's fields.
    link
        Base URL of the exercise detail view; the name links to it (see :func:`exercise_link`). None: no link.
    """
    observers = (
        f"<div><span class='dm-key'>Observers</span> {_text(fields['observers'])}</div>" if fields["observers"] else ""
    )
    note = f" <span class='dm-muted'>({_text(fields['when_note'])})</span>" if fields["when_note"] else ""
    return (
        f"<div class='dm-head'>{_name_html(fields, link)}"
        f"<span class='dm-chip'>{_text(fields['alliance'])}</span></div>"
        f"<div class='dm-when'>{_text(fields['when'])}{note}</div>"
        f"<div><span class='dm-key'>Participants</span> {_text(fields['participants'])}</div>{observers}"
        "<div class='dm-section'>Troops and equipment, as claimed</div>"
        f"{_figures_html(fields['figures'], fields['figures_note'])}"
    )


def place_html(fields: PlaceFields) -> str:
    """Return the escaped place part of a popup (see :func:`place_fields`)."""
    read_as = f" <span class='dm-muted'>read as {_text(fields['read_as'])}</span>" if fields["read_as"] else ""
    role = f"<div><span class='dm-key'>Role</span> {_text(fields['role'])}</div>" if fields["role"] else ""
    note = f"<div class='dm-muted'>{_text(fields['note'])}</div>" if fields["note"] else ""
    explanation = f"<div class='dm-explain'>{_text(fields['explanation'])}</div>" if fields["explanation"] else ""
    return (
        f"<div class='dm-section'>Place</div>"
        f"<div><span class='dm-key'>As written</span> “{_text(fields['place'])}”{read_as}</div>{role}{note}"
        f"<div><span class='dm-key'>Geocoded</span> {_text(fields['geocoded'])}</div>{explanation}"
        f"<div><span class='dm-key'>Other side</span> {_text(fields['nearest'])}</div>"
    )


def source_html(source: str) -> str:
    """Return the escaped HTML of a source: a link for an ``http(s)`` URL (its text the host), else the name.

    Parameters
    ----------
    source
        A URL or a seed reference (``seed:<file>.txt``).

    Returns
    -------
    str
        ``<a href="...">host</a>`` (double-quoted, so that :func:`geo.maps.offline.remote_urls` recognises it
        as a link, not a request) or ``<span class="dm-seed">seed:...</span>``.
    """
    host = source_host(source)
    if host is None:
        return f'<span class="dm-seed">{_text(source)}</span>'
    return f'<a href="{_text(source)}" target="_blank" rel="noopener noreferrer">{_text(host)}</a>'


def citation_html(fields: CitationFields) -> str:
    """Return one escaped source entry, an ``<li>`` (see :func:`citation_fields`)."""
    src = source_html(fields["source"])
    extra = [f"claimed by {fields['claimed_by']}"] if fields["claimed_by"] else []
    if fields["via"]:
        extra.append(f"via {fields['via']}")
    tail = f" <span class='dm-muted'>· {_text(' · '.join(extra))}</span>" if extra else ""
    grade = grade_html(fields["grade"], fields["grade_text"])
    return f"<li><q class='dm-quote'>{_text(fields['quote'])}</q> <span class='dm-src'>— {src}</span>{grade}{tail}</li>"


def _entry_html(
    fields: ExerciseFields, places: Sequence[PlaceFields], citations: Sequence[CitationFields], link: str | None
) -> str:
    cited = [citation_html(c) for c in citations]
    return (
        f"{exercise_html(fields, link=link)}{''.join(place_html(p) for p in places)}"
        f"<div class='dm-section'>Sources ({len(cited)})</div><ul class='dm-sources'>{''.join(cited)}</ul>"
    )


#: One exercise at a place: its fields, the place descriptions of its sites there, the sources they cite.
SpotEntry = tuple[ExerciseFields, Sequence[PlaceFields], Sequence[CitationFields]]


def spot_popup_html(name: str, entries: Sequence[SpotEntry], *, link: str | None = None) -> str:
    """Return the complete escaped popup of one place: every exercise there, in the order given.

    Parameters
    ----------
    name
        The place's name (:func:`geo.catalog.sites.place_name`).
    entries
        One entry per exercise at the place, newest first (the caller's order is kept).
    link
        Base URL of the exercise detail view (see :func:`exercise_html`).

    Returns
    -------
    str
        ``<div class='dm-popup'>``: for one exercise, its facts, its places and sources; for several, a
        heading ("<place> — N exercises, newest first") and one ``dm-entry`` block per exercise.
    """
    if len(entries) == 1:
        return f"<div class='dm-popup'>{_entry_html(*entries[0], link)}</div>"
    blocks = "".join(f"<div class='dm-entry'>{_entry_html(*entry, link)}</div>" for entry in entries)
    return (
        f"<div class='dm-popup'><div class='dm-spot'>{_text(name)} — {len(entries)} exercises, newest first</div>"
        f"{blocks}</div>"
    )


def popup_html(row: Mapping[str, Any], *, link: str | None = None) -> str:
    """Return the complete escaped popup of one site.

    Parameters
    ----------
    row
        A row of :func:`geo.catalog.sites.sites_frame`.
    link
        Base URL of the exercise detail view (see :func:`exercise_html`).

    Returns
    -------
    str
        ``<div class='dm-popup'>`` holding the exercise, the place and every cited source with its quote.
    """
    entry = (exercise_fields(row), [place_fields(row)], [citation_fields(c) for c in row.get("citations") or []])
    return spot_popup_html(str(row["place_text"]), [entry], link=link)
