"""Named lakes as documented geometries from the reference lakes layer (ninth session's site probes).

"drills on Lake Peipus", "the Võrtsjärv lake", "Lake Usma": the lake of ``lakes.geojson`` (Natural Earth 1:10m)
with a shore band of ``river_corridor_km`` around it, clipped to the context country (a lake on a border, as
Peipus between Estonia and Russia, is read on the context country's side); admin-1 only when that band lies in
one region. The phrase must say "lake" (or a local lake word: ozero, ezers, jezioro, järv), so that a town named
like a lake (Drawsko) stays the town; a lake the layer lacks (most Belarusian lakes) is left to the geocoder's
other rules. An approximate area (confidence ``low``), never a point.
"""

from __future__ import annotations

import re
from functools import cache

import shapely
from shapely.geometry.base import BaseGeometry

from geo.core.crs import to_metric, to_storage
from geo.core.settings import setting
from geo.geocode import areas, gazetteer
from geo.geocode.result import GeocodeResult, area_result, unresolved
from geo.geocode.romanisation import romanisation_skeleton
from geo.reference.layers import country_polygon, layer

#: A lake word of English or a Baltic or Slavic language, as its own word or fused to the name ("Võrtsjärv").
_LAKE_WORD = r"(?:lake|lakes|ozero|ezers|ezeras|jezioro|jarv|järv|jarve|järve)"
_LAKE = re.compile(rf"^(?:{_LAKE_WORD}\s+(?P<after>.+)|(?P<before>.+?)\s+{_LAKE_WORD})$")
_FUSED = re.compile(r"(?:jarv|järv|jarve|järve)$")


def _lake_key(name: str) -> str:
    """The skeleton of a lake's name without its lake word ("Lake Peipus" and "Peipus lake" are one)."""
    text = name.casefold().strip()
    match = _LAKE.match(text)
    if match is not None:
        text = match["after"] or match["before"]
    return romanisation_skeleton(text)


@cache
def _lakes() -> dict[str, tuple[str, BaseGeometry]]:
    """Lakes of the layer by :func:`_lake_key` of their names (fused names also without the lake word)."""
    found: dict[str, list[tuple[str, BaseGeometry]]] = {}
    for name, geom in zip(layer("lakes")["name"], layer("lakes").geometry, strict=True):
        if isinstance(name, str) and name:
            for key in {_lake_key(name), romanisation_skeleton(_FUSED.sub("", name.casefold()))}:
                found.setdefault(key, []).append((name, geom))
    return {k: (v[0][0], shapely.union_all([g for _, g in v])) for k, v in found.items() if len({n for n, _ in v}) == 1}


def lake_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    """Return a lake with its shore band within the context country (module doc), or None if no lake is named."""
    if _LAKE.match(key) is None and not _FUSED.search(key):
        return None
    found = _lakes().get(_lake_key(key)) or _lakes().get(romanisation_skeleton(_FUSED.sub("", key)))
    if found is None:
        return None  # a lake the layer lacks: left to the other rules ("Lake Naroch" may be the resort town)
    name, water = found
    if context is None or not (layer("countries")["iso3"] == context).any():
        return unresolved(phrase, "a lake is located within a context country of the reference layer")
    shore_km = setting("river_corridor_km")
    band = to_storage(to_metric(water).buffer(shore_km * 1000.0))
    band = shapely.make_valid(band.intersection(country_polygon(context).iloc[0]))
    if band.is_empty:
        return unresolved(phrase, f"{name} of the reference layer does not touch {context}")
    codes = areas.regions_within(band, context)
    admin1 = gazetteer.admin1_names()[codes[0]] if len(codes) == 1 else None
    explanation = (
        f"lake: {name} (Natural Earth lakes) and its shore, {shore_km:g} km (river_corridor_km), within {context}"
        + (f"; all in {admin1}" if admin1 else f"; across {len(codes)} admin-1 regions, so none is named")
    )
    return area_result(phrase, "region", band, context, explanation, confidence="low", admin1=admin1)
