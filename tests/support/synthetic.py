"""A synthetic catalog of any size made of renamed copies of the real one (map benches and the 100,000-site test).

Every real exercise is copied with a new id and name and keeps its number of sites, its facts and its
sources, and its point sites are moved by up to ±0.25° so that no two markers coincide. So that the copies
cannot share text the way no real catalog would, each copy's quotes, figures as stated and source URLs are
made unique (a ``[syn k]`` suffix, a ``#syn-k`` fragment). Places keep their description and areas their
geometry, as real places recur across exercises (the same ranges, the same border strips).
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely


def _unique_citation(citation: dict[str, str], k: int) -> dict[str, str]:
    source = citation["source"]
    source = f"{source}#syn-{k}" if source.startswith("http") else f"seed:syn{k}-{source.removeprefix('seed:')}"
    return {**citation, "quote": f"{citation['quote']} [syn {k}]", "source": source}


def synthetic_sites(real: gpd.GeoDataFrame, n_sites: int, *, seed: int = 20261121) -> gpd.GeoDataFrame:
    """Return ``n_sites`` rows made of renamed copies of the real catalog's exercises (see module doc)."""
    rng = np.random.default_rng(seed)
    copies = math.ceil(n_sites / len(real))
    frames = []
    for k in range(copies):
        copy = real.copy()
        copy["exercise_id"] = copy["exercise_id"] + f"-syn{k}"
        copy["exercise_name"] = copy["exercise_name"] + f" (synthetic {k})"
        copy["citations"] = [[_unique_citation(c, k) for c in cits] for cits in copy["citations"]]
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
