"""Named seas and corridors as documented geometries computed from the reference layers.

* **Seas** (:data:`SEAS`) — "the Baltic Sea": the water of a stated lon/lat frame, i.e. the part of the
  frame that no country polygon of ``countries.geojson`` covers (the coasts bound it), keeping its
  largest connected piece. The frame is the only hand-set part and is stated with the sea.
* **Corridors** (:data:`CORRIDORS`) — "the Suwałki Gap": the land border between two countries, as
  the two border strips on either side of it (``border_strip_depth_km`` deep, EPSG:3035 buffers).
* **Rivers** (:func:`river_rule`) — "the Neman river", "the river Nemunas", "the Neman": the river's course
  in ``river_courses.geojson`` (Natural Earth) within the context country, widened by ``river_corridor_km``
  either side (the banks where crossings are built); admin-1 only when that band lies in one region. A
  river the layer lacks, or one that does not cross the context country, stays unresolved. Without the
  word "river" a name is read as a river only with its article ("the Neman"), which English gives rivers
  and not towns: plain "Neman" stays the town in Kaliningrad.

All are approximate areas (confidence ``low``), never points.
"""

from __future__ import annotations

import re
from functools import cache

import geopandas as gpd
import shapely
from rapidfuzz import fuzz
from shapely.geometry.base import BaseGeometry

from geo.core import settings
from geo.core.crs import to_metric, to_storage
from geo.core.settings import setting
from geo.geocode import areas, gazetteer
from geo.geocode.result import GeocodeResult, area_result, unresolved
from geo.geocode.romanisation import romanisation_skeleton
from geo.reference.layers import country_polygon, layer

#: Sea name (normalised key pattern) -> (display name, lon/lat frame, what the frame stands for).
#: The Baltic's frame runs from 10°E (the reference layers' western edge, in the Bay of Kiel) to the head
#: of the Gulf of Finland and of the Gulf of Bothnia; west of 13°E it stops at 56.1°N, the latitude of
#: the Øresund/Great Belt entrances, so the Kattegat and Skagerrak (IHO: not Baltic) stay out.
SEAS: dict[str, tuple[str, tuple[tuple[float, float, float, float], ...], str]] = {
    r"^baltic(?: sea)?$": (
        "Baltic Sea",
        ((10.0, 53.0, 30.5, 66.0),),
        "lon 10-30.5°E, lat 53-66°N, without the Kattegat and Skagerrak (west of 13°E, north of 56.1°N)",
    ),
}
_SEA_EXCLUDED: dict[str, tuple[tuple[float, float, float, float], ...]] = {
    "Baltic Sea": ((10.0, 56.1, 13.0, 66.0),),
}
#: Corridor name pattern -> (display name, the two countries whose shared border it follows, source).
CORRIDORS: dict[str, tuple[str, tuple[str, str], str]] = {
    r"^suwa[lł]ki(?:[- ]gap| corridor)$": (
        "Suwałki Gap",
        ("LTU", "POL"),
        "the Poland-Lithuania land border, which runs from Kaliningrad (Russia) to Belarus",
    ),
}


@cache
def sea_area(name: str) -> BaseGeometry:
    """Return the water of sea ``name``'s frame not covered by any country (EPSG:4326), largest piece."""
    _, frames, _ = next(v for v in SEAS.values() if v[0] == name)
    frame = shapely.union_all([shapely.box(*f) for f in frames])
    excluded = _SEA_EXCLUDED.get(name, ())
    if excluded:
        frame = frame.difference(shapely.union_all([shapely.box(*f) for f in excluded]))
    countries = layer("countries")
    land = shapely.union_all(countries.geometry.values[countries.sindex.query(frame, predicate="intersects")])
    water = shapely.make_valid(frame.difference(land))
    parts = shapely.get_parts(water)
    metric = gpd.GeoSeries(parts, crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS)
    return parts[int(metric.area.to_numpy().argmax())]


def named_feature_rule(phrase: str, key: str) -> GeocodeResult | None:
    """Return the sea or corridor a phrase names ("the Baltic Sea", "Suwałki-gap"), or None."""
    for pattern, (name, _frames, frame_text) in SEAS.items():
        if re.search(pattern, key):
            explanation = (
                f"sea: {name} = the water of the frame {frame_text} that no country of the reference layer "
                f"covers (largest connected piece); approximate, from Natural Earth 1:10m coasts"
            )
            return area_result(phrase, "region", sea_area(name), None, explanation, confidence="low")
    for pattern, (name, pair, described) in CORRIDORS.items():
        if re.search(pattern, key):
            depth = setting("border_strip_depth_km")
            first, second = pair
            strip = areas.border_strip(first, (second,), depth).union(areas.border_strip(second, (first,), depth))
            explanation = (
                f"corridor: {name} = {described}, with {depth:g} km either side (border_strip_depth_km, "
                f"EPSG:3035); approximate"
            )
            line = areas.shared_border(first, (second,))
            return area_result(phrase, "border_zone", strip, None, explanation, confidence="low", border_line=line)
    return None


#: "river neman", "neman river" (keys are normalised, without a leading "the").
_RIVER = re.compile(r"^(?:river (?P<after>[^\W\d][\w' -]*)|(?P<before>[^\W\d][\w' -]*?) river)$")
#: Names reports use that are neither Natural Earth's name nor its English name nor a romanisation of
#: them: the riparian countries' own names and old exonyms -> the layer's name.
RIVER_EXONYMS: dict[str, str] = {
    "nemunas": "Neman",
    "nyoman": "Neman",
    "niemen": "Neman",
    "memel": "Neman",
    "viliya": "Neris",
    "vilia": "Neris",
    "western dvina": "Daugava",
    "dvina": "Daugava",
    "western bug": "Bug",
    "buh": "Bug",
    "wisla": "Vistula",
    "narova": "Narva",
    "odra": "Oder",
}


@cache
def _river_lines() -> dict[str, tuple[str, BaseGeometry]]:
    """Return the river lines of ``river_courses.geojson`` keyed by name and English name, all parts united.

    Keys are :func:`geo.geocode.romanisation.romanisation_skeleton` folds, so that Byarezina (Natural Earth's
    Belarusian romanisation) and Berezina meet. Natural Earth spells one river differently along its course
    ("Pripyat" and "Prypyat", "Dnepre" and "Dnipro"): spellings whose skeletons are alike (rapidfuzz ratio
    >= :data:`_ALIKE`) and whose lines meet (within :data:`_JOIN_M`) are one river, every key of theirs naming the
    whole course. A key two different rivers share is dropped.
    """
    rivers = layer("river_courses")
    keys: dict[str, set[str]] = {}
    parts: dict[str, list[BaseGeometry]] = {}
    for name, name_en, geom in zip(rivers["name"], rivers["name_en"], rivers.geometry, strict=True):
        if isinstance(name, str) and name:
            keys.setdefault(name, set()).update(romanisation_skeleton(n) for n in (name, name_en) if isinstance(n, str))
            parts.setdefault(name, []).append(geom)
    courses = {name: shapely.union_all(lines) for name, lines in parts.items()}
    river_of = {name: name for name in courses}  # each spelling -> the first spelling of its river
    for a, b in _stretches(keys, courses):
        old, new = river_of[b], river_of[a]
        river_of = {n: new if r == old else r for n, r in river_of.items()}
    rivers_of_key: dict[str, set[str]] = {}
    for name, skeletons in keys.items():
        for key in skeletons:
            rivers_of_key.setdefault(key, set()).add(river_of[name])
    out: dict[str, tuple[str, BaseGeometry]] = {}
    for key, found in rivers_of_key.items():
        if len(found) == 1:
            (river,) = found
            names = sorted(n for n, r in river_of.items() if r == river)
            longest = max(names, key=lambda n: to_metric(courses[n]).length)
            out[key] = (longest, shapely.union_all([courses[n] for n in names]))
    return out


#: Skeletons at least this alike (rapidfuzz ratio) may be one river's spellings ("dnepr" and "dneper": 91).
_ALIKE = 80.0
#: How close (m, EPSG:3035) two spellings' lines must come to be read as one river's stretches.
_JOIN_M = 1000.0


def _stretches(keys: dict[str, set[str]], courses: dict[str, BaseGeometry]) -> list[tuple[str, str]]:
    """Pairs of layer names that are one river's stretches (alike skeletons, lines that meet)."""
    names = sorted(keys)
    metric = {n: to_metric(courses[n]) for n in names}
    alike = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if _alike(keys[a], keys[b])]
    return [(a, b) for a, b in alike if metric[a].distance(metric[b]) <= _JOIN_M]


def _alike(skeletons: set[str], others: set[str]) -> bool:
    return max(fuzz.ratio(x, y) for x in skeletons for y in others) >= _ALIKE


def _river_line(name: str) -> tuple[str, BaseGeometry] | None:
    """The layer's name and united course of the river called ``name`` (any romanisation or exonym), or None."""
    name = RIVER_EXONYMS.get(name.lower(), name)
    return _river_lines().get(romanisation_skeleton(name))


def is_river(name: str) -> bool:
    """Whether ``name`` is a river of the reference layer ("Berezina", "Byarezina", "Neman"), in any country."""
    return _river_line(name) is not None


def river_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    """Return a river's course within the context country as a band along it, or None if no river is named.

    "build crossings over the Neman river": the band of ``river_corridor_km`` either side of the Neman's
    Natural Earth course, clipped to the context country; its admin-1 region when the band lies in one
    (:func:`geo.geocode.areas.regions_within`). Never a point, and never a river outside the layer.
    """
    match = _RIVER.match(key)
    said_river = match is not None
    if match is not None:
        name = (match["after"] or match["before"]).strip()
    elif re.match(r"(?i)\s*the\s", phrase) and _river_line(key) is not None:
        name = key  # "the Neman": the article makes it the river
    else:
        return None
    found = _river_line(name)
    if found is None:
        return unresolved(phrase, f"no river called {name!r} in the reference rivers layer (Natural Earth)")
    name, line = found
    if context is None:  # "the Narva" with no country: maybe the town; "the Narva river" needs a country
        return (
            unresolved(phrase, "a river is located within a context country, and there is none") if said_river else None
        )
    if not (layer("countries")["iso3"] == context).any():  # "the Vistula river" read in France: not in the layers
        return unresolved(phrase, f"{context} is not in the reference countries layer")
    half_width_km = setting("river_corridor_km")
    band = to_storage(to_metric(line).buffer(half_width_km * 1000.0))
    band = shapely.make_valid(band.intersection(country_polygon(context).iloc[0]))
    if band.is_empty:
        if not said_river:  # "the Neman" in a country it does not cross: maybe not the river at all
            return None
        return unresolved(phrase, f"the {name} river of the reference layer does not cross {context}")
    codes = areas.regions_within(band, context)
    admin1 = gazetteer.admin1_names()[codes[0]] if len(codes) == 1 else None
    explanation = (
        f"river: the {name}'s course (Natural Earth river_courses) within {context}, {half_width_km:g} km either "
        "side (river_corridor_km)"
        + (f"; all in {admin1}" if admin1 else f"; across {len(codes)} admin-1 regions, so none is named")
    )
    return area_result(phrase, "region", band, context, explanation, confidence="low", admin1=admin1)
