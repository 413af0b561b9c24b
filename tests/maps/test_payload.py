"""The size of the map's site payload: linear in the number of sites, and packed above a threshold.

Sizes come from synthetic catalogs (:mod:`tests.support.synthetic`: every copy's quotes and sources are
its own, so nothing is shared that a real catalog would not share). Build times are the bench's business
(``bench/map_payload.py``); here only bytes, which do not depend on the machine.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os

import pytest

from geo.catalog.sites import sites_frame
from geo.maps.build import build_map
from geo.maps.datastore import delta_geometry, script_json
from geo.maps.offline import remote_urls
from geo.maps.popup import EXERCISE_COLUMNS, exercise_fields
from geo.maps.site_index import PACK_ABOVE_SITES, SiteIndex
from geo.maps.site_pack import PACK_ALPHABET, pack_text, packed_json
from geo.maps.sites import SiteTables, site_tables
from tests.support.map_args import parsed
from tests.support.synthetic import synthetic_sites

#: The digits of :func:`base64.b85encode` (RFC 1924), in order.
B85_STANDARD = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~"
#: Sizes measured: all above PACK_ABOVE_SITES, so one code path.
SIZES = (3_000, 6_000, 9_000)
#: The whole map of 20,000 sites is about 19 MB with plain tables; packed about 2.93 MB: each citation's markup
#: (grade, claimant, channel) once per distinct frame, a link as its URL and host, and before gzip the quotes
#: as indexes into a table of their words (geo/maps/site_pack.py). Issue 12's goal for 20,000 sites is 3 MB.
MAX_BYTES_20K = 3_000_000


@pytest.fixture(scope="module")
def real():
    return sites_frame()


def _payload_bytes(sites) -> int:
    index = SiteIndex(site_tables(sites))
    assert index.packed
    return len(index.payload.encode("utf-8"))


def test_the_packed_payload_grows_linearly_and_stays_small(real):
    sizes = {n: _payload_bytes(synthetic_sites(real, n)) for n in SIZES}
    (n0, n1, n2) = SIZES
    first, second = (sizes[n1] - sizes[n0]) / (n1 - n0), (sizes[n2] - sizes[n1]) / (n2 - n1)
    assert 0.85 < second / first < 1.15, (first, second)  # bytes per added site do not grow with the map
    assert sizes[n2] / sizes[n0] < n2 / n0  # nor does the payload grow faster than the sites
    empty = len(build_map(real.iloc[:0], period_end=dt.date(2025, 12, 31)).get_root().render().encode("utf-8"))
    at_20k = empty + sizes[n2] + second * (20_000 - n2)
    assert at_20k < MAX_BYTES_20K, at_20k


def test_the_real_catalog_ships_plain_tables(real):
    index = SiteIndex(site_tables(real))
    assert len(real) < PACK_ABOVE_SITES and not index.packed
    assert parsed(index.payload)["v"]  # what the browser draws at once, as before (parsed, not a literal)


def test_packed_text_is_base85_that_nothing_escapes_and_no_url_scanner_reads_as_a_request():
    data = os.urandom(200_003) + b"\xff" * 7  # a partial last group, and the largest digits
    text = pack_text(data)
    assert len(text) == -(-len(data) * 5 // 4)  # 5 characters per 4 bytes, the last group's padding dropped
    standard = text.translate(str.maketrans(PACK_ALPHABET, B85_STANDARD))
    assert base64.b85decode(standard) == data
    assert script_json(text) == json.dumps(text)  # nothing in it is escaped in a script or srcdoc
    assert remote_urls(f'<script>var a = ({{"gz85":"{text}"}});</script>') == []
    assert "//" not in text


def test_delta_coded_geometry_is_exact_or_left_as_it_is():
    polygon = {"type": "Polygon", "coordinates": [[[24.383, 55.05], [24.4, 55.061], [24.39, 55.0], [24.383, 55.05]]]}
    coded = delta_geometry(polygon)
    assert coded == {"type": "Polygon", "dq": [[24383, 55050, 17, 11, -10, -61, -7, 50]]}
    finer = {"type": "LineString", "coordinates": [[24.3831, 55.05], [24.4, 55.06]]}
    assert delta_geometry(finer) is finer  # not exact at 1/1000 degree: sent as it is, never moved
    point = {"type": "Point", "coordinates": [24.383, 55.05]}
    assert delta_geometry(point) is point


def _unpacked(data: dict) -> dict:
    """What UNPACK_JS does in the browser (geo/maps/site_pack.py), in Python."""
    words, flat, at, quotes = data["qw"], data["q"], 0, []
    for n in data["qn"]:
        quotes.append(" ".join(words[i] for i in flat[at : at + n]))
        at += n
    exercises = []
    for ex in data["ex"]:
        cits = ex[7]
        if isinstance(cits, dict):
            d, rows, q, s = cits["d"], [], 0, 0
            for i in range(0, len(d), 3):
                q, s = q + d[i + 1], s + d[i + 2]
                rows.append([d[i], q, s])
            cits = rows
        exercises.append([*ex[:7], cits, *ex[8:]])
    return {k: v for k, v in data.items() if k not in ("qw", "qn")} | {"q": quotes, "ex": exercises}


def test_packed_tables_decode_to_the_same_tables(real):
    tables = site_tables(synthetic_sites(real, 1_500))
    # Quotes with spaces where words split oddly: leading, doubled, trailing, and none at all.
    odd = [" lead", "double  space", "trail ", "", "one"]
    tables.quotes += odd
    tables.exercises[0][7].append([0, len(tables.quotes) - 1, 0])
    data = json.loads(json.dumps(packed_json(tables)))
    assert len(data["qw"]) < sum(data["qn"]) / 10  # words recur: each is sent once
    assert _unpacked(data) == json.loads(json.dumps(tables.to_json()))
    assert _unpacked(data)["q"][-len(odd) :] == odd
    assert packed_json(SiteTables())["q"] == []


class _ReadRow(dict):
    """A site row that notes every key read from it."""

    def __init__(self, row: dict) -> None:
        super().__init__(row)
        self.read: set[str] = set()

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)


def test_exercise_fields_read_only_the_exercise_columns(real):
    # site_tables hands exercise_fields each exercise's first row with only these columns (the build's speed).
    read: set[str] = set()
    for full in (
        real.drop(columns="geometry").assign(figures_hidden=[i % 2 for i in range(len(real))]).to_dict("records")
    ):
        row = _ReadRow(full)
        fields = exercise_fields(row)
        read |= row.read
        assert exercise_fields({c: full[c] for c in EXERCISE_COLUMNS}) == fields
    assert read <= set(EXERCISE_COLUMNS), read - set(EXERCISE_COLUMNS)
    assert {"figures", "citations", "participants", "figures_hidden"} <= read
