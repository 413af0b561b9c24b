"""The sites frame: one row per exercise x site, geocoded, with the distance to NATO as of its start."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import pandas as pd
import shapely

from geo.catalog.other_side import OTHER_SIDE_COLUMNS, other_side_fields, other_side_of
from geo.core import settings
from geo.core.countries import country_name
from geo.core.dates import latest_date
from geo.core.grading import figure_grade, grade_label, graded
from geo.core.values import present

# Reading a sites frame (located, place_name, the texts) needs none of the catalog parser, the geocoder or
# the distance measures: those are imported by the functions that build the frame.
if TYPE_CHECKING:
    from geo.catalog.schema import Exercise, Site
    from geo.geocode.geocoder import GeocodeResult

#: The distance-to-NATO columns of :func:`sites_frame` (see :func:`nato_distance_fields`), in order.
NATO_DISTANCE_COLUMNS: tuple[str, ...] = (
    "distance_to_nato_km",
    "nearest_nato_country",
    "distance_measured_from",
    "distance_to_nato_from_centre_km",
    "nearest_nato_country_from_centre",
    "nato_relation",
    "nato_shared_border_km",
    "nato_touch_countries",
)

# --- One row per exercise x site ---------------------------------------------------------------

#: Columns of :func:`sites_frame`, in order (the GeoJSON/CSV exports follow this order).
SITE_COLUMNS: tuple[str, ...] = (
    "exercise_id",
    "exercise_name",
    "alt_names",
    "family",
    "alliance",
    "start",
    "end",
    "ongoing",
    "date_precision",
    "announced",
    "year",
    "start_date",
    "end_date",
    "participants",
    "observers",
    "non_participants",
    "withdrawn",
    "disputed",
    "summary",
    "figures",
    "site_index",
    "place_text",
    "resolve_as",
    "site_role",
    "site_note",
    "site_status",
    "site_kind",
    "precision",
    "precision_km",
    "site_country",
    "admin1",
    "confidence",
    "geocode_explanation",
    "gazetteer_id",
    *NATO_DISTANCE_COLUMNS,
    *OTHER_SIDE_COLUMNS,
    "sources",
    "citations",
)


def nato_distance_fields(result: GeocodeResult, on: dt.date) -> dict[str, Any]:
    """Return the :data:`NATO_DISTANCE_COLUMNS` of one geocoded site, NATO membership as of ``on``.

    Parameters
    ----------
    result
        The geocoder's answer; its geometry is EPSG:4326 (lon, lat).
    on
        Membership date (the exercise's start).

    Returns
    -------
    dict
        ``distance_to_nato_km`` (geodesic km from the site's nearest point; what the "within N km of NATO"
        filter uses), ``nearest_nato_country`` (ISO3; the member holding the site when it is inside one),
        ``distance_measured_from``, ``distance_to_nato_from_centre_km`` (geodesic km from the site's
        representative point, ``point_on_surface``; equal to the first for a point site),
        ``nearest_nato_country_from_centre`` (ISO3), ``nato_relation`` (``inside``, ``shares_border``,
        ``touches_at_point``, ``outside``; rule in :mod:`geo.geocode.distance`), ``nato_shared_border_km``
        (km, EPSG:3035) and ``nato_touch_countries`` (ISO3 list, member first, for ``touches_at_point``).
        All None (the list empty) for a site without geometry.
    """
    from geo.geocode.distance import distance_to_nato

    dist = None if result.geometry is None else distance_to_nato(result.geometry, on, border_line=result.border_line)
    if dist is None:
        return {**dict.fromkeys(NATO_DISTANCE_COLUMNS), "nato_touch_countries": []}
    return {
        "distance_to_nato_km": dist.distance_km,
        "nearest_nato_country": dist.nearest_country,
        "distance_measured_from": dist.measured_from,
        "distance_to_nato_from_centre_km": dist.centre_distance_km,
        "nearest_nato_country_from_centre": dist.centre_nearest_country,
        "nato_relation": dist.relation,
        "nato_shared_border_km": dist.shared_border_km,
        "nato_touch_countries": list(dist.touch_countries),
    }


def geocode_site(site: Site) -> GeocodeResult:
    """Return the geocoder's answer for one catalog site: the reviewer's reading if any, else the phrase.

    The sites frame and the store's site geometries (:mod:`geo.store.sites`) both use this.
    """
    from geo.geocode.geocoder import geocode

    return geocode(site.resolve_as or site.place, country=site.country)


def _site_rows(ex: Exercise) -> list[dict[str, Any]]:
    rows = []
    for i, site in enumerate(ex.sites):
        result = geocode_site(site)
        nato = nato_distance_fields(result, ex.as_of)
        side = other_side_of(ex.alliance, ex.participants, result.country, ex.as_of)
        end_date = None if ex.ongoing else (latest_date(ex.end) if ex.end else None)
        if end_date is None and not ex.ongoing:
            end_date = latest_date(ex.start) if ex.start else ex.announced
        rows.append(
            {
                "exercise_id": ex.id,
                "exercise_name": ex.name,
                "alt_names": list(ex.alt_names),
                "family": ex.family,
                "alliance": ex.alliance,
                "start": ex.start,
                "end": ex.end,
                "ongoing": ex.ongoing,
                "date_precision": ex.date_precision,
                "announced": ex.announced.isoformat() if ex.announced else None,
                "year": ex.year,
                "start_date": ex.as_of,
                "end_date": end_date,
                "participants": list(ex.participants),
                "observers": list(ex.observers),
                "non_participants": list(ex.non_participants),
                "withdrawn": list(ex.withdrawn),
                "disputed": list(ex.disputed),
                "summary": ex.summary,
                "figures": [f.model_dump(exclude_none=True) for f in ex.figures],
                "site_index": i,
                "place_text": site.place,
                "resolve_as": site.resolve_as,
                "site_role": site.role,
                "site_note": site.note,
                "site_status": result.status,
                "site_kind": result.kind,
                "precision": result.precision,
                "precision_km": result.precision_km,
                "site_country": result.country,
                "admin1": result.admin1,
                "confidence": result.confidence,
                "geocode_explanation": _explanation(result, site),
                "gazetteer_id": result.gazetteer_id,
                **nato,
                **other_side_fields(result, side, ex.as_of, nato),
                "sources": ex.sources,
                "citations": [
                    graded({"id": cid, **c.model_dump(exclude_none=True)})
                    for cid, c in ex.citations.items()
                    if cid in set(site.cite) | {x for ids in ex.evidence.values() for x in ids}
                    or any(cid in f.cite for f in ex.figures)
                ],
                "geometry": result.geometry,
            }
        )
    return rows


def _explanation(result: GeocodeResult, site: Site) -> str:
    """The geocoder's reason, and for an unlocated site the reviewer's account of why it stays so."""
    if result.status == "unresolved" and site.unlocated_because:
        return f"{result.explanation}; reviewer: {site.unlocated_because}"
    return result.explanation


def sites_frame(exercises: list[Exercise] | None = None) -> gpd.GeoDataFrame:
    """Return one row per exercise x site, geocoded, with the distance to NATO as of the start.

    Parameters
    ----------
    exercises
        Exercises to expand; default: the whole catalog (:func:`load_exercises`).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`SITE_COLUMNS` plus ``geometry`` (EPSG:4326). Unresolved sites are kept with an
        empty geometry and ``site_status == "unresolved"``. List-valued columns hold Python lists.
    """
    from geo.catalog.load import load_exercises

    exercises = load_exercises() if exercises is None else exercises
    rows = [row for ex in exercises for row in _site_rows(ex)]
    gdf = gpd.GeoDataFrame(rows, columns=[*SITE_COLUMNS, "geometry"], geometry="geometry", crs=settings.STORAGE_CRS)
    return gdf.sort_values(["start_date", "exercise_id", "site_index"], kind="stable").reset_index(drop=True)


#: Decimals of point coordinates (about 10 m): points closer than that are one place on the map.
POINT_DECIMALS = 4


def place_keys(sites: gpd.GeoDataFrame) -> pd.Series:
    """Return the key of each site's place, as the map aggregates places (None for unresolved sites).

    A point is its coordinates rounded to :data:`POINT_DECIMALS` (``"pt:27.5600,53.9000"``); any other
    geometry is its exact shape (``"ar:"`` and a digest of its WKB), so two exercises on one range, district
    or country share a key whichever frame they come from. :func:`geo.maps.sites.site_tables` draws one
    symbol per place (and alliance) by the same rule.
    """
    keys: list[str | None] = []
    for geom in sites.geometry:
        if geom is None or geom.is_empty:
            keys.append(None)
        elif geom.geom_type == "Point":
            x, y = round(geom.x, POINT_DECIMALS), round(geom.y, POINT_DECIMALS)
            keys.append(f"pt:{x:.{POINT_DECIMALS}f},{y:.{POINT_DECIMALS}f}")
        else:
            keys.append("ar:" + hashlib.sha1(shapely.to_wkb(geom), usedforsecurity=False).hexdigest()[:16])
    return pd.Series(keys, index=sites.index, dtype=object)


def located(sites: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the sites that have a geometry (resolved); the others are listed, never drawn."""
    geoms = sites.geometry
    keep = geoms.notna() & ~geoms.is_empty
    return sites[keep.to_numpy()]


def figures_text(figures: list[dict[str, Any]], citations: list[dict[str, Any]] | None = None) -> str:
    """Render figures as stated, each with who claimed it; contradicting numbers are all listed.

    With the row's ``citations`` each figure also carries the Admiralty grades of the citations behind it
    (``[grade B2]`` or ``[not graded]``, :func:`geo.core.grading.figure_grade`).
    """
    parts = []
    for fig in figures:
        claimant = fig.get("claimed_by") or ""
        official = ", official" if fig.get("official") and "official" not in claimant.lower() else ""
        who = f" ({claimant}{official})" if claimant else (" (official)" if fig.get("official") else "")
        scope = f" [{fig['scope']}]" if fig.get("scope") else ""
        grade = f" [{grade_label(figure_grade(fig, citations))}]" if citations is not None else ""
        parts.append(f"{fig['as_stated']}{scope}{who}{grade}")
    return "; ".join(parts)


def _km(value: Any) -> str:
    return f"{float(value):,.0f} km"


def nato_distance_text(row: Mapping[str, Any]) -> str:
    """Return what a reader is told about a site's distance to NATO: the one text of popups, tables and exports.

    Parameters
    ----------
    row
        A site row with :data:`NATO_DISTANCE_COLUMNS` (kilometres; ISO3 codes).

    Returns
    -------
    str
        Plain text, for example ``inside NATO territory (North Macedonia)``, ``12 km from NATO (Lithuania);
        centre 85 km``, ``shares a border with NATO territory (Poland); centre 95 km`` or ``touches NATO
        territory only at the Poland–Belarus–Ukraine tripoint; centre 285 km from NATO (Poland)``. An area's
        centre is its representative point; the centre's member is named when it differs from the first one
        (always after a touch). A row without ``nato_relation`` reads as its nearest-point distance.
    """
    values = [row.get(c) for c in NATO_DISTANCE_COLUMNS]
    return _distance_words(dict(zip(_MEASURE_KEYS, values, strict=True)), "NATO", "NATO territory")


def other_side_text(row: Mapping[str, Any]) -> str:
    """Return the distance line of a site: to the other side (:mod:`geo.catalog.other_side`), in words.

    A Russia–Belarus or CSTO site reads as :func:`nato_distance_text`; a NATO site as, for example,
    ``15 km from the Union State (Belarus)`` or ``shares a border with the Union State (Belarus); centre
    40 km``; a site without another side (a mixed national exercise) as its distance to NATO.
    """
    side = row.get("other_side")
    if side != "Union State":
        return nato_distance_text(row)
    measure = {
        "km": row.get("other_side_distance_km"),
        "nearest": row.get("other_side_nearest"),
        "measured_from": row.get("distance_measured_from"),
        "centre_km": row.get("other_side_centre_km"),
        "centre_iso3": row.get("other_side_centre_nearest"),
        "relation": row.get("other_side_relation"),
        "touch": row.get("other_side_touch_countries"),
    }
    return _distance_words(measure, "the Union State", "the Union State")


#: The keys :func:`_distance_words` reads, in the order of :data:`NATO_DISTANCE_COLUMNS`.
_MEASURE_KEYS: tuple[str, ...] = (
    "km",
    "nearest",
    "measured_from",
    "centre_km",
    "centre_iso3",
    "relation",
    "shared_km",
    "touch",
)


def _distance_words(m: Mapping[str, Any], side: str, territory: str) -> str:
    """Word one measure (``km``, ``nearest``, ``relation``, ``touch``, ``measured_from``, ``centre_*``)."""
    km, nearest = m.get("km"), m.get("nearest")
    if not present(km) or not present(nearest):
        return "not measured (no geometry)"
    name, relation = country_name(str(nearest)), m.get("relation")
    if relation == "inside":
        return f"inside {territory} ({name})"
    if relation == "shares_border":
        head = f"shares a border with {territory} ({name})"
    elif relation == "touches_at_point":
        touching = [country_name(str(c)) for c in m.get("touch") or []]
        tripoint = f"the {'–'.join(touching)} tripoint" if len(touching) == 3 else f"a point ({name})"
        head = f"touches {territory} only at {tripoint}"
    else:
        head = f"{_km(km)} from {side} ({name})"
    centre_km, centre_iso3 = m.get("centre_km"), m.get("centre_iso3")
    if m.get("measured_from") == "point" or not present(centre_km):
        return head
    named = present(centre_iso3) and (centre_iso3 != nearest or relation == "touches_at_point")
    return f"{head}; centre {_km(centre_km)}" + (f" from {side} ({country_name(str(centre_iso3))})" if named else "")


def site_kind(geom_type: str, site_kind_value: Any, precision: Any) -> str:
    """Return the drawing kind of a site, the same letter on the dashboard and on the briefing map.

    ``p`` precise point, ``a`` proxy point, ``t`` town, ``b`` border strip, ``c`` country, ``r`` region.

    Parameters
    ----------
    geom_type
        ``Point``, ``Polygon`` or ``MultiPolygon``.
    site_kind_value
        The geocoder's kind (``town``, ``training_ground`` …).
    precision
        The geocoder's precision (``point``, ``area``, ``region``, ``border_zone``, ``country``).
    """
    if geom_type == "Point":
        if site_kind_value == "town":
            return "t"
        return "p" if precision == "point" else "a"
    if precision == "border_zone":
        return "b"
    if precision == "country":
        return "c"
    return "r"


_GAZETTEER_KINDS = ("training_ground", "airfield", "town")
_LEADING_WORDS = re.compile(r"^(?:the|in|near|around|along|its)\s+", re.IGNORECASE)


def place_name(row: Mapping[str, Any]) -> str:
    """Return the name of the place a site was resolved to, for labels, tooltips and popup headings.

    The gazetteer's name for a training ground, airfield or town (``gazetteer_id``), the country's name for
    a whole-country site (its geometry is the country, whatever the phrase), else the phrase as written.
    Parenthesised asides, alternatives after " / " and a leading "the/in/near/around/along/its" are dropped
    (``"Losvido training ground (103rd Air Assault Brigade)"`` -> ``"Losvido training ground"``).

    Parameters
    ----------
    row
        A site row: ``site_kind``, ``gazetteer_id``, ``site_country``, ``place_text``.

    Returns
    -------
    str
        The name (never empty when ``place_text`` is not).
    """
    name = ""
    ident = row.get("gazetteer_id")
    if row.get("site_kind") in _GAZETTEER_KINDS and isinstance(ident, str) and ident:
        from geo.geocode import gazetteer  # its name tables: only for sites that name a gazetteer entry

        if ident.startswith("geonames:"):
            town = gazetteer.towns().get(ident.removeprefix("geonames:"))
            name = town.name if town else ""
        else:
            site = gazetteer.sites().get(ident)
            name = site.name if site else ""
    elif row.get("site_kind") == "country" and isinstance(row.get("site_country"), str):
        name = country_name(str(row["site_country"]))
    if not name:
        name = str(row.get("place_text") or "")
    name = re.sub(r"\s*\([^)]*\)", "", name).split(" / ")[0].strip(" ,;")
    return _LEADING_WORDS.sub("", name)
