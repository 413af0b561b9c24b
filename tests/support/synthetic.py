"""A synthetic catalog of any size made of renamed copies of the real one (map benches and the 100,000-site test).

Every real exercise is copied with a new id and name and keeps its number of sites, its facts and its
sources, and its point sites are moved by up to ±0.25° so that no two markers coincide. The copies keep
the real catalog's proportions (measured on ``data/catalog`` on 2026-12-06, printed by
:func:`profile` in ``bench/map_payload.py`` for the real and every synthetic catalog):

========================================  ========  ===================================
per real catalog                          value     in a synthetic copy
========================================  ========  ===================================
exercises / sites                         40 / 142  the same (3.55 sites per exercise)
citations per site                        13.5      the same (shared within an exercise)
distinct quotes                           312       the same: 7.8 per exercise, 2.2 per site
mean quote length                         92 chars  the same + a ``[syn k]`` tag (~9 chars)
distinct sources                          191       the same: 4.8 per exercise
========================================  ========  ===================================

A quote is shared by the sites of one exercise (and, as in the real catalog, by the exercises that cite
it), never across copies: a real catalog of 20,000 sites would not repeat one report's words thousands of
times. So that the copies cannot share text in a way no real catalog would -- not even with a compressor
that finds the previous copy's quote a few kilobytes back -- each copy's quote keeps its words and length
but in an order of its own (a stable shuffle per copy and quote), and ends with ``[syn k]`` (what the
browser test looks for); each copy's source keeps its site and path but shuffles the words of its last
path segment and adds a ``-syn-k`` tag. Figures as stated get the ``[syn k]`` tag. Places keep their
description and areas their geometry, as real places recur across exercises (the same ranges, the same
border strips).
"""

from __future__ import annotations

import math
import random
import re
import statistics
import zlib
from collections.abc import Callable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely


def _shuffled(words: list[str], k: int, text: str) -> list[str]:
    """``words`` in an order of their own for copy ``k`` and this text (stable across runs)."""
    rng = random.Random(zlib.crc32(f"{k}\0{text}".encode()))
    out = list(words)
    rng.shuffle(out)
    return out


def _unique_quote(quote: str, k: int) -> str:
    return " ".join(_shuffled(quote.split(), k, quote)) + f" [syn {k}]"


def _unique_source(source: str, k: int) -> str:
    if not source.startswith("http"):
        return f"seed:syn{k}-{source.removeprefix('seed:')}"
    head, _, last = source.rstrip("/").rpartition("/")
    words = re.split(r"([-_.])", last)[::2]
    return f"{head}/{'-'.join(_shuffled(words, k, source))}-syn-{k}"


def _citation_copier(k: int) -> Callable[[dict[str, str]], dict[str, str]]:
    """Copy ``k``'s version of a citation; each distinct quote and source is reworded once per copy.

    A real catalog repeats an exercise's few quotes on its many citations (13.5 citations, 2.2 distinct
    quotes per site): shuffling each string once, not once per citation, makes a 100,000-site catalog
    several times faster to build, with the same result (the shuffle depends only on the copy and text).
    """
    quotes: dict[str, str] = {}
    sources: dict[str, str] = {}

    def copy(citation: dict[str, str]) -> dict[str, str]:
        quote, source = citation["quote"], citation["source"]
        if quote not in quotes:
            quotes[quote] = _unique_quote(quote, k)
        if source not in sources:
            sources[source] = _unique_source(source, k)
        return {**citation, "quote": quotes[quote], "source": sources[source]}

    return copy


def profile(sites: gpd.GeoDataFrame) -> dict[str, float]:
    """The proportions the synthetic catalog copies (see the module docstring) of a sites frame."""
    quotes: set[tuple[str, str]] = set()
    sources: set[str] = set()
    n_cits = 0
    for ex, cits in zip(sites["exercise_id"], sites["citations"], strict=True):
        n_cits += len(cits)
        quotes.update((ex, c["quote"]) for c in cits)
        sources.update(c["source"] for c in cits)
    distinct = {q for _, q in quotes}
    n_ex = sites["exercise_id"].nunique()
    return {
        "sites": len(sites),
        "exercises": n_ex,
        "sites per exercise": len(sites) / n_ex,
        "citations per site": n_cits / len(sites),
        "distinct quotes per site": len(distinct) / len(sites),
        "mean quote chars": statistics.mean(map(len, distinct)) if distinct else 0.0,
        "sources per exercise": len(sources) / n_ex,
    }


def synthetic_sites(real: gpd.GeoDataFrame, n_sites: int, *, seed: int = 20261121) -> gpd.GeoDataFrame:
    """Return ``n_sites`` rows made of renamed copies of the real catalog's exercises (see module doc)."""
    rng = np.random.default_rng(seed)
    copies = math.ceil(n_sites / len(real))
    frames = []
    for k in range(copies):
        copy = real.copy()
        copy["exercise_id"] = copy["exercise_id"] + f"-syn{k}"
        copy["exercise_name"] = copy["exercise_name"] + f" (synthetic {k})"
        cite = _citation_copier(k)
        copy["citations"] = [[cite(c) for c in cits] for cits in copy["citations"]]
        copy["figures"] = [
            [{**f, "as_stated": f"{f['as_stated']} [syn {k}]"} for f in figs] for figs in copy["figures"]
        ]
        frames.append(copy)
    out = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=real.crs).iloc[:n_sites]
    geoms = out.geometry.to_numpy()
    is_point = np.array([g is not None and not g.is_empty and g.geom_type == "Point" for g in geoms])
    jitter = rng.uniform(-0.25, 0.25, size=(int(is_point.sum()), 2))
    moved = shapely.points(shapely.get_x(geoms[is_point]) + jitter[:, 0], shapely.get_y(geoms[is_point]) + jitter[:, 1])
    geoms = geoms.copy()
    geoms[is_point] = moved
    return out.set_geometry(gpd.GeoSeries(geoms, index=out.index, crs=real.crs))
