"""Named seas and corridors as documented geometries computed from the reference layers.

* **Seas** (:data:`SEAS`) — "the Baltic Sea": the water of a stated lon/lat frame, i.e. the part of the
  frame that no country polygon of ``countries.geojson`` covers (the coasts bound it), keeping its
  largest connected piece. The frame is the only hand-set part and is stated with the sea.
* **Corridors** (:data:`CORRIDORS`) — "the Suwałki Gap": the land border between two countries, as
  the two border strips on either side of it (``border_strip_depth_km`` deep, EPSG:3035 buffers).
* **Rivers** (:func:`river_rule`) — "the Neman", "the Neman river", "the river Nemunas": a report that says
  an exercise crossed a river rarely says where. The site is the river's course in the context country
  (``rivers.geojson``, Natural Earth centre lines), ``river_corridor_km`` either side (EPSG:3035). A river
  is read only when the phrase says "river" or carries the article ("the Neman"), which English gives
  rivers and not towns: plain "Neman" stays the town.

All are approximate areas (confidence ``low``), never points.
"""

from __future__ import annotations

import re
from functools import cache

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.core import settings
from geo.core.crs import to_metric, to_storage
from geo.core.settings import setting
from geo.geocode import areas
from geo.geocode.result import GeocodeResult, area_result
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

#: Names reports use for the rivers of ``rivers.geojson`` (normalised, lower case) -> the layer's names.
#: English exonyms and the riparian countries' own names; a layer name always matches itself.
RIVER_NAMES: dict[str, tuple[str, ...]] = {
    "neman": ("Neman",),
    "nemunas": ("Neman",),
    "nyoman": ("Neman",),
    "niemen": ("Neman",),
    "memel": ("Neman",),
    "neris": ("Neris",),
    "viliya": ("Neris",),
    "vilia": ("Neris",),
    "daugava": ("Daugava",),
    "western dvina": ("Daugava",),
    "dvina": ("Daugava",),
    "dnieper": ("Dnepre", "Dnipro"),
    "dnepr": ("Dnepre", "Dnipro"),
    "dnipro": ("Dnepre", "Dnipro"),
    "pripyat": ("Pripyat",),
    "prypiat": ("Pripyat",),
    "pripet": ("Pripyat",),
    "prypyat": ("Pripyat",),
    "bug": ("Bug",),
    "western bug": ("Bug",),
    "buh": ("Bug",),
    "vistula": ("Vistula",),
    "wisla": ("Vistula",),
    "narva": ("Narva",),
    "narova": ("Narva",),
    "mukhavets": ("Mukhavyets",),
    "mukhavyets": ("Mukhavyets",),
    "velikaya": ("Velikaya",),
    "desna": ("Desna",),
    "oder": ("Oder",),
    "odra": ("Oder",),
}
_RIVER_PHRASE = re.compile(r"^(?:river |the river )?(?P<name>[a-z][a-z -]*?)(?: river)?$")


@cache
def river_corridor(layer_names: tuple[str, ...], country: str | None, half_width_km: float) -> BaseGeometry:
    """Return the corridor along the named rivers, within ``country`` when given (EPSG:4326).

    The centre lines are clipped to the country's polygon and buffered by ``half_width_km`` in EPSG:3035.
    """
    rivers = layer("rivers")
    line = shapely.union_all(rivers.geometry[rivers["name"].isin(layer_names)].to_numpy())
    territory = None if country is None else country_polygon(country).iloc[0]
    if territory is not None:
        line = line.intersection(territory)
    if line.is_empty:
        return line
    area = to_storage(to_metric(line).buffer(half_width_km * 1000.0))
    return area if territory is None else shapely.make_valid(area.intersection(territory))


def river_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    """Return the river a phrase names ("the Neman", "the river Nemunas") as a corridor, or None.

    Parameters
    ----------
    phrase
        The phrase as written; its article or the word "river" marks it as a river rather than a town.
    key
        The normalised phrase (:func:`geo.geocode.gazetteer.clean_phrase`).
    context
        ISO3 of the context country: the corridor is the river's course there. A river whose course in
        the layer does not reach it gives None (the phrase is then left to the other rules): the layer
        keeps Natural Earth's larger rivers only, so the Berezina, and the Neman's Belarusian course, are
        not in it.
    """
    said_river = "river" in key.split()
    if not said_river and not re.match(r"(?i)\s*the\s", phrase):
        return None
    match = _RIVER_PHRASE.match(key)
    names = RIVER_NAMES.get(match.group("name")) if match else None
    if match is None or names is None:
        return None
    half_width = setting("river_corridor_km")
    area = river_corridor(names, context, half_width)
    if area.is_empty:
        return None
    where = f"its course in {context}" if context else "its course"
    explanation = (
        f"river: {match.group('name').title()} = {where} (Natural Earth 1:10m centre line {', '.join(names)!s}) "
        f"with {half_width:g} km either side "
        f"(river_corridor_km, EPSG:3035); the report does not say where along it"
    )
    return area_result(phrase, "region", area, context, explanation, confidence="low")


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
