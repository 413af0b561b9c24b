"""The pure caches of a map build: each answer is that of the same input, and a different input is computed anew."""

from __future__ import annotations

import copy
import datetime as dt
import json

import shapely
from shapely.geometry import box, shape

from geo.maps import site_areas
from geo.maps.datastore import DataStore, coded_collection, delta_collection
from geo.maps.offline import make_map
from geo.maps.reference import border_rings, reference_layers
from tests.support.map_args import parsed


def _collection(lon: float) -> dict:
    ring = [[lon, 53.0], [lon + 1.0, 53.0], [lon + 1.0, 54.0], [lon, 53.0]]
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
        ],
    }


def test_a_collection_is_coded_as_before_and_once_per_object():
    collection = _collection(27.0)
    text = coded_collection(collection)
    assert json.loads(json.loads(f'"{text}"')) == delta_collection(collection)  # the inside of a string literal
    assert coded_collection(collection) is text  # the same object: the kept text
    twin = copy.deepcopy(collection)
    assert coded_collection(twin) == text  # an equal new object: coded anew, the same text
    other = _collection(28.0)
    assert coded_collection(other) != text


def test_the_data_store_payload_is_the_json_of_its_collections():
    ref = reference_layers()
    store = DataStore({"countries": ref.countries, "lakes": ref.lakes, "x": _collection(27.0)})
    assert parsed(store.payload) == {n: delta_collection(c) for n, c in store.collections.items()}
    assert parsed(store.payload)["lakes"] == delta_collection(ref.lakes)


def test_site_area_shapes_are_kept_per_geometry():
    a = shapely.to_wkb(box(26.0, 52.0, 28.0, 54.0))
    b = shapely.to_wkb(box(26.0, 52.0, 28.5, 54.0))
    first = site_areas.display_mappings([a], "EPSG:4326")
    again = site_areas.display_mappings([a, b], "EPSG:4326")
    assert again[0] is first[0]  # the same geometry: the same display shape
    assert again[1] != again[0]  # a different geometry: its own shape
    assert shape(again[1]).bounds[2] == 28.5
    site_areas._DISPLAY.clear()
    assert site_areas.display_mappings([a], "EPSG:4326")[0] == first[0]  # computed anew: the same answer


def test_rings_are_kept_per_distance_and_membership():
    after = dt.date(2024, 6, 1)  # Finland in NATO: its border with Russia faces it
    before = dt.date(2022, 6, 1)
    three = border_rings(after, (50.0, 100.0, 200.0))
    two = border_rings(after, (100.0, 50.0))
    assert [km for km, _ in two] == [50.0, 100.0]
    assert two[0][1] is three[0][1] and two[1][1] is three[1][1]
    older = dt.date(2021, 1, 1)  # the same members as `before`: the same rings
    assert not border_rings(before, (50.0,))[0][1].equals(three[0][1])  # another as-of date: other members
    assert border_rings(older, (50.0,))[0][1] is border_rings(before, (50.0,))[0][1]


def test_a_saved_page_still_holds_every_script():
    store = DataStore({"x": _collection(27.0)})
    m = make_map(location=[53.9, 27.6], zoom_start=6)
    store.add_to(m)
    html = m.get_root().render()
    assert store.payload in html and f"var {store.get_name()} =" in html
