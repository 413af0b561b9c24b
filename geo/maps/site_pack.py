"""The packed form of the site tables: what a large map ships gzipped, and how the browser reads it back.

Above :data:`geo.maps.site_index.PACK_ABOVE_SITES` sites the tables of :func:`geo.maps.sites.site_tables`
ship as gzipped JSON (the browser's native ``DecompressionStream`` inflates it) in base 85
(:func:`pack_text`). Before gzip, two re-codings make the JSON smaller and faster to compress, each undone
by :data:`UNPACK_JS` once, right after inflating, so that the popups read the same tables as an unpacked map:

* the quotes, most of the text of a large map, as indexes into one table of their words: ``"qw"`` holds
  each distinct word once (split on single spaces, most frequent first), ``"q"`` every quote's word
  indexes one after the other and ``"qn"`` each quote's number of words;
* each exercise's citations ``[[frame, quote, source], ...]`` as one flat list ``{"d": [frame, dq, ds,
  ...]}``, quote and source as the difference from the previous citation's (mostly 0 or 1: an
  exercise's quotes and sources are stored in the order it cites them).

Nothing is lost: joining a quote's words with spaces gives back its escaped text, and the citations their
indexes (tests/maps/test_payload.py).
"""

from __future__ import annotations

from typing import Any, Final

import deflate
import numpy as np
import orjson

from geo.maps.sites import SiteTables

__all__ = ["PACK_ALPHABET", "PACK_LEVEL", "UNPACK_JS", "pack_tables", "pack_text", "packed_json"]

#: gzip level of the packed tables (libdeflate's, :mod:`deflate`). Measured on 20,000 synthetic sites
#: (bench/map_payload.py): level 6 makes them 6 % smaller than 4 for 0.05 s more (0.15 s against 0.1 s);
#: zlib's level 6 took 0.48 s for a result 4 % larger, and level 8 or 9 would cost three times as much again.
PACK_LEVEL: Final = 6
#: The 85 digits of the packed text: printable ASCII (the space included) without the characters that
#: :func:`geo.maps.datastore.script_json` or an HTML attribute (streamlit-folium's ``srcdoc``) would escape
#: (``" & ' < > \\``), a backtick or brace, nor ``/``: with no ``//`` the text can never look like a URL the
#: page would fetch (:func:`geo.maps.offline.remote_urls` finds ``(//host`` or ``=http://`` wherever they occur).
PACK_ALPHABET: Final = "".join(c for c in map(chr, range(0x20, 0x7F)) if c not in "\"&'<>\\`{}/")


def pack_text(data: bytes | bytearray) -> str:
    """Return ``data`` in base 85 (:data:`PACK_ALPHABET`): 5 characters per 4 bytes, 6 % less than base64.

    Big-endian groups of 4 bytes, the last one padded with zero bytes and its padding characters dropped
    (the scheme of :func:`base64.b85encode`, whose alphabet holds ``< > & { }``); ``unpack`` in the map
    script reverses it. Vectorised: the packed tables of 100,000 sites are megabytes of text.
    """
    pad = -len(data) % 4
    words = np.frombuffer(data + b"\0" * pad, dtype=">u4").astype(np.uint64)
    digits = np.empty((len(words), 5), dtype=np.uint8)
    for i in range(4, -1, -1):
        words, digits[:, i] = np.divmod(words, 85)
    text = np.frombuffer(PACK_ALPHABET.encode("ascii"), dtype=np.uint8)[digits].tobytes()
    return text[: len(text) - pad].decode("ascii")


def _quote_words(quotes: list[str]) -> dict[str, Any]:
    """``{"qw": words, "q": word indexes, "qn": words per quote}`` (see the module docstring).

    Split on single spaces and numbered by first occurrence in Arrow (:mod:`pyarrow`, already a dependency,
    imported only here): no Python string per word, four times faster than ``str.split`` and
    :func:`pandas.factorize` on the hundreds of thousands of words of a large map.
    """
    if not quotes:
        return {"qw": [], "q": [], "qn": []}
    import pyarrow as pa  # type: ignore[import-untyped]  # only packed maps need it: imported here
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    words = pc.split_pattern(pa.array(quotes, type=pa.string()), " ")
    encoded = pc.list_flatten(words).dictionary_encode()
    codes = encoded.indices.to_numpy()
    order = np.argsort(-np.bincount(codes), kind="stable")  # most frequent first: shorter indexes
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return {
        "qw": np.asarray(encoded.dictionary.to_pylist(), dtype=object)[order].tolist(),
        "q": rank[codes].tolist(),
        "qn": pc.list_value_length(words).to_numpy().tolist(),
    }


def _citation_deltas(citations: list[list[int]]) -> Any:
    """An exercise's citations as ``{"d": [frame, dq, ds, ...]}``, or as they are if one is ``[html]``."""
    if any(len(c) != 3 for c in citations):
        return citations
    flat: list[int] = []
    q0 = s0 = 0
    for f, q, s in citations:
        flat += (f, q - q0, s - s0)
        q0, s0 = q, s
    return {"d": flat}


def packed_json(tables: SiteTables) -> dict[str, Any]:
    """Return :meth:`geo.maps.site_text.SiteTables.to_json` re-coded for packing (see the module docstring)."""
    data = tables.to_json()
    data["ex"] = [[*ex[:7], _citation_deltas(ex[7]), *ex[8:]] for ex in data["ex"]]
    return data | _quote_words(tables.quotes)


def pack_tables(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``{"gz85": <data as gzipped JSON, pack_text>, "n": <its bytes>}``.

    The JSON is :mod:`orjson`'s (compact UTF-8, the text of ``json.dumps(..., ensure_ascii=False,
    separators=(",", ":"))`` for these tables) and the gzip libdeflate's (:mod:`deflate`, no time stamp):
    six and three times faster than the standard library's, which were half of a large map's build. The
    tables hold no NaN (their floats are coordinates of drawn geometries); orjson would write one as null.
    """
    packed = deflate.gzip_compress(orjson.dumps(data, option=orjson.OPT_SERIALIZE_NUMPY), PACK_LEVEL)
    return {"gz85": pack_text(packed), "n": len(packed)}


#: The browser side of :func:`packed_json`: ``unpackTables(D)`` restores the quotes and citations in place.
UNPACK_JS: Final = """function unpackTables(D) {
    if (D.qw) {
        var at = 0, flat = D.q;
        D.q = D.qn.map(function (n) {
            var words = new Array(n);
            for (var k = 0; k < n; k++) { words[k] = D.qw[flat[at + k]]; }
            at += n;
            return words.join(" ");
        });
        delete D.qw; delete D.qn;
    }
    D.ex.forEach(function (ex) {
        var c = ex[7];
        if (Array.isArray(c)) { return; }
        var rows = [], q = 0, s = 0;
        for (var i = 0; i < c.d.length; i += 3) { q += c.d[i + 1]; s += c.d[i + 2]; rows.push([c.d[i], q, s]); }
        ex[7] = rows;
    });
    return D;
}"""
