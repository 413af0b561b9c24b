"""Pure helpers of the review page: escaped evidence HTML, small maps, and reviewer edits.

Everything that ends up in HTML passes through :func:`html.escape` here (article text, names, place
phrases, tooltips), so the page can hand the result to Streamlit as is. No Streamlit import.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import folium
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.catalog.schema import Exercise
from geo.core.countries import all_iso3
from geo.core.crs import latlon
from geo.core.errors import IngestError
from geo.core.symbology import ALLIANCES
from geo.extract.places import geocode_cached
from geo.maps.offline import folium_text, make_map
from geo.reference.layers import layer

#: Readable names of the evidence keys shown beside a highlighted sentence.
FIELD_LABELS = {
    "name": "name",
    "alliance": "alliance",
    "start": "start",
    "end": "end",
    "announced": "announced",
    "undated": "no date",
    "troops": "troops",
}
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: Height of the scrolling evidence box on the review page (pixels).
EVIDENCE_MAX_HEIGHT_PX = 360
#: Map colours by role: a site, or a place the exercise was only planned for.
ROLE_COLOURS = {"site": "#c0392b", "planned": "#7f8c8d"}
#: Polygons are simplified for the small maps (degrees, about 500 m): the page stays light.
MAP_SIMPLIFY_DEG = 0.005


def event_summary(event: dict[str, Any]) -> list[str]:
    """Return plain-text lines describing a draft event (for a read-only view once it is decided)."""
    when = event.get("start") or event.get("announced") or "no date"
    if event.get("end"):
        when += f" to {event['end']}"
    lines = [
        f"Alliance: {event.get('alliance') or 'not stated'}",
        f"Dates: {when} (precision {event.get('date_precision')})",
        f"Participants: {', '.join(event.get('participants') or []) or 'none found'}",
    ]
    if event.get("observers"):
        lines.append(f"Observers: {', '.join(event['observers'])}")
    if event.get("non_participants"):
        lines.append(f"Not taking part: {', '.join(event['non_participants'])}")
    lines += [f"Figure: {f['as_stated']} ({f['qualifier']})" for f in event.get("figures") or []]
    for loc in event.get("locations") or []:
        where = ", ".join(x for x in (loc.get("kind"), loc.get("admin1"), loc.get("country")) if x) or "unresolved"
        lines.append(f"Location: {loc['text']} ({where}{'; planned' if loc.get('role') == 'planned' else ''})")
    return lines


def _field_label(key: str) -> str:
    head, _, tail = key.partition(".")
    if head in ("participants", "observers", "non_participants"):
        return f"{head.replace('_', '-')[:-1] if head.endswith('s') else head}: {tail}"
    if head in ("equipment", "figures", "locations"):
        return head[:-1] if head != "equipment" else f"equipment: {tail}"
    return FIELD_LABELS.get(key, key)


def evidence_html(text: str, sentences: Sequence[Sequence[int]], event: dict[str, Any]) -> str:
    """Return the event's sentences as escaped HTML, evidence sentences highlighted and labelled.

    Parameters
    ----------
    text
        The cleaned article text.
    sentences
        ``[start, end]`` offsets of every sentence of the article.
    event
        A draft event (``sentences``: indexes of its sentences; ``evidence_spans``: field → offsets).

    Returns
    -------
    str
        HTML: a scrolling box with one paragraph per sentence; evidence sentences in ``<mark>``
        followed by the fields they support. All text is escaped.
    """
    by_start: dict[int, list[str]] = {}
    for key, span in (event.get("evidence_spans") or {}).items():
        by_start.setdefault(int(span[0]), []).append(_field_label(key))
    indexes = sorted(set(event.get("sentences") or []) | {i for i, s in enumerate(sentences) if s[0] in by_start})
    parts = []
    for i in indexes:
        start, end = sentences[i][0], sentences[i][1]
        body = html.escape(text[start:end])
        labels = list(dict.fromkeys(by_start.get(start, [])))
        if labels:
            tags = html.escape(", ".join(labels))
            parts.append(
                f'<p class="ev"><mark style="background:#fff3b0">{body}</mark> '
                f'<small style="color:#666">[{tags}]</small></p>'
            )
        else:
            parts.append(f'<p class="ev" style="color:#555">{body}</p>')
    body = "\n".join(parts) or "<p><em>No sentence.</em></p>"
    style = f"max-height:{EVIDENCE_MAX_HEIGHT_PX}px;overflow-y:auto;font-size:0.9rem"
    return f'<div class="evidence" style="{style}">{body}</div>'


def _geometry(location: dict[str, Any]) -> BaseGeometry | None:
    query = location.get("query") or location.get("text") or ""
    result = geocode_cached(query, location.get("context") or "BLR")
    return result.geometry


def _add_place(m: folium.Map, geometry: BaseGeometry, label: str, role: str, radius_km: float | None) -> None:
    colour = ROLE_COLOURS.get(role, ROLE_COLOURS["site"])
    tooltip = folium.Tooltip(folium_text(label))
    if geometry.geom_type == "Point":
        folium.CircleMarker(
            latlon(geometry),
            radius=7,
            color=colour,
            fill=True,
            fill_opacity=0.8,
            tooltip=tooltip,
        ).add_to(m)
        if radius_km:
            folium.Circle(latlon(geometry), radius=radius_km * 1000, color=colour, weight=1, fill=False).add_to(m)
    else:
        shape = geometry.simplify(MAP_SIMPLIFY_DEG, preserve_topology=True)
        style = {"color": colour, "weight": 1, "fillColor": colour, "fillOpacity": 0.25}
        folium.GeoJson(mapping(shape), style_function=lambda _f, s=style: s, tooltip=tooltip).add_to(m)


#: Area of the small maps' basemap (west, south, east, north; degrees) and its simplification tolerance.
BASEMAP_BOUNDS = (12.0, 44.0, 44.0, 61.0)
BASEMAP_SIMPLIFY_DEG = 0.03


@cache
def _basemap() -> tuple[dict[str, Any], dict[str, Any]]:
    """Country outlines around Belarus and Belarus's oblasts, light enough for a small map (GeoJSON, lon/lat)."""
    from shapely.geometry import box

    area = box(*BASEMAP_BOUNDS)
    countries = layer("countries_display")
    countries = countries[countries.intersects(area)].copy()
    countries["geometry"] = countries.geometry.intersection(area).simplify(BASEMAP_SIMPLIFY_DEG)
    oblasts = layer("admin1_display")
    oblasts = oblasts[oblasts["iso3"] == "BLR"].copy()
    oblasts["geometry"] = oblasts.geometry.simplify(BASEMAP_SIMPLIFY_DEG / 3)
    return (
        json.loads(countries[["name", "geometry"]].to_json()),
        json.loads(oblasts[["name", "geometry"]].to_json()),
    )


def _add_basemap(m: folium.Map) -> None:
    countries, oblasts = _basemap()
    folium.GeoJson(
        countries,
        name="countries",
        style_function=lambda _f: {"color": "#888", "weight": 1, "fillColor": "#f2efe9", "fillOpacity": 1},
        interactive=False,
    ).add_to(m)
    folium.GeoJson(
        oblasts,
        name="oblasts",
        style_function=lambda _f: {"color": "#bbb", "weight": 0.6, "dashArray": "3", "fill": False},
        interactive=False,
    ).add_to(m)


def locations_map(locations: Iterable[dict[str, Any]], *, height: int = 320) -> folium.Map:
    """Return a small offline map of a draft event's resolved locations (unresolved ones are listed, not drawn)."""
    m = make_map(location=[53.7, 27.9], zoom_start=5, height=height, control_scale=True)
    _add_basemap(m)
    bounds: list[tuple[float, float, float, float]] = []
    for loc in locations:
        if loc.get("status") != "resolved":
            continue
        geometry = _geometry(loc)
        if geometry is None:
            continue
        label = f"{loc['text']} — {loc.get('kind') or ''}{', ' + loc['admin1'] if loc.get('admin1') else ''}"
        _add_place(m, geometry, label, loc.get("role") or "site", loc.get("precision_km"))
        bounds.append(geometry.bounds)
    _fit(m, bounds)
    return m


def exercises_map(exercises: Iterable[Exercise], *, height: int = 360) -> folium.Map:
    """Return a small offline map of the sites of stored exercises (the ones accepted this session)."""
    m = make_map(location=[53.7, 27.9], zoom_start=5, height=height, control_scale=True)
    _add_basemap(m)
    bounds: list[tuple[float, float, float, float]] = []
    for exercise in exercises:
        for site in exercise.sites:
            result = geocode_cached(site.resolve_as or site.place, site.country)
            if result.geometry is None:
                continue
            _add_place(m, result.geometry, f"{exercise.name}: {site.place}", site.role, result.precision_km)
            bounds.append(result.geometry.bounds)
    _fit(m, bounds)
    return m


def _fit(m: folium.Map, bounds: list[tuple[float, float, float, float]]) -> None:
    if bounds:
        west = min(b[0] for b in bounds)
        south = min(b[1] for b in bounds)
        east = max(b[2] for b in bounds)
        north = max(b[3] for b in bounds)
        m.fit_bounds([[south, west], [north, east]], padding=(20, 20), max_zoom=8)


def _date(value: str, field: str, label: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not _ISO_DATE.match(value):
        msg = f"{label}: {field} {value!r} is not a date like 2025, 2025-09 or 2025-09-06"
        raise IngestError(msg)
    return value


def apply_edits(draft: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of a draft event with a reviewer's edits applied and checked.

    Parameters
    ----------
    draft
        The extracted draft.
    edits
        Any of ``name``, ``alliance``, ``start``, ``end``, ``announced``, ``participants``,
        ``observers``, ``non_participants``, ``figures_keep`` (positions of the figures to keep),
        ``troops`` (corrected value of the troop figure), ``summary`` and ``use_match`` (False: save
        as a new exercise instead of adding to the matched one).

    Returns
    -------
    dict
        The edited draft. A country the reviewer adds is cited with the sentence that introduces the
        event and listed in ``reviewer_added``, so that its citation says the value is the reviewer's
        (:data:`geo.extract.records.REVIEWER_CLAIM`); a removed one loses its evidence.

    Raises
    ------
    IngestError
        If a date is not ISO (YYYY, YYYY-MM, YYYY-MM-DD), the alliance is unknown, or a country is
        not an ISO3 code.
    """
    out = dict(draft)
    label = str(draft.get("name") or draft.get("label") or "event")
    if "name" in edits:
        name = (edits["name"] or "").strip()
        if name != (draft.get("name") or ""):
            out["name"] = name or None
            out["name_normalized"] = name or None
    if "alliance" in edits:
        alliance = edits["alliance"] or None
        if alliance is not None and alliance not in ALLIANCES:
            msg = f"{label}: unknown alliance {alliance!r}; choose one of {', '.join(ALLIANCES)}"
            raise IngestError(msg)
        out["alliance"] = alliance
    for field in ("start", "end", "announced"):
        if field in edits:
            out[field] = _date(edits[field], field, label)
    if "announced" in edits and out.get("announced") and len(out["announced"]) != 10:
        msg = f"{label}: the announcement date must be a day (YYYY-MM-DD), got {out['announced']!r}"
        raise IngestError(msg)
    if any(f in edits for f in ("start", "announced")):
        if out.get("start"):
            out["date_precision"] = ("year", "month", "day")[out["start"].count("-")]
        elif out.get("announced") or draft.get("date_precision") == "announced":
            out["date_precision"] = "announced"
        else:
            out["date_precision"] = "unknown"
    codes = set(all_iso3())
    evidence = dict(out.get("evidence") or {})
    added = list(out.get("reviewer_added") or [])
    defining = evidence.get("name") or next(iter(evidence.values()), "")
    for field in ("participants", "observers", "non_participants"):
        if field in edits:
            bad = [c for c in edits[field] if c not in codes]
            if bad:
                msg = f"{label}: {field} {bad} are not ISO3 country codes"
                raise IngestError(msg)
            out[field] = list(edits[field])
            for code in out[field]:
                key = f"{field}.{code}"
                if key not in evidence and defining:  # the reviewer's value: cited as such (REVIEWER_CLAIM)
                    evidence[key] = defining
                    added.append(key)
            for key in [k for k in evidence if k.startswith(field + ".") and k.split(".", 1)[1] not in out[field]]:
                del evidence[key]
    out["evidence"] = evidence
    out["reviewer_added"] = added
    if "troops" in edits or "figures_keep" in edits:
        out = _edit_figures(out, edits.get("figures_keep"), edits.get("troops"))
    if edits.get("summary"):
        out["summary"] = str(edits["summary"]).strip()
    if edits.get("use_match") is False:
        out["match"] = None
    return out


def _edit_figures(out: dict[str, Any], keep: Iterable[int] | None, troops: Any) -> dict[str, Any]:
    """Keep the chosen figures (by position) and let the reviewer correct the troop figure's value.

    A figure the report does not state cannot be added here: every figure cites its sentence.
    """
    figures = [dict(f) for f in out.get("figures", [])]
    evidence = dict(out.get("evidence") or {})
    troops_at = next((i for i, f in enumerate(figures) if f["what"] == "troops"), None)
    if troops_at is not None and troops not in (None, "") and int(troops) != figures[troops_at]["value"]:
        figures[troops_at]["value"] = int(troops)
        figures[troops_at]["value_max"] = None
        figures[troops_at]["as_stated"] += f" (reviewer: {int(troops):,})"
    kept = range(len(figures)) if keep is None else sorted(set(keep) & set(range(len(figures))))
    new_figures, new_evidence = (
        [],
        {k: v for k, v in evidence.items() if not k.startswith(("figures.", "equipment.", "troops"))},
    )
    out["troops"], out["equipment"] = None, {}
    for n, i in enumerate(kept):
        figure = figures[i]
        new_figures.append(figure)
        quote = evidence.get(f"figures.{i}")
        if quote:
            new_evidence[f"figures.{n}"] = quote
        if figure["what"] == "troops" and out["troops"] is None:
            out["troops"] = figure
            new_evidence["troops"] = quote or ""
        elif figure["what"] != "troops" and figure["what"] not in out["equipment"]:
            out["equipment"][figure["what"]] = figure
            new_evidence[f"equipment.{figure['what']}"] = quote or ""
    out["figures"] = new_figures
    out["evidence"] = {k: v for k, v in new_evidence.items() if v}
    return out
