"""Ingestion throughput: articles per second through :class:`geo.extract.Extractor`, on one core.

The five seed reports (2–6 KB each, the size of the reports Drillmap ingests) are read once, the
extractor is built once (catalog names, matcher) and warmed up once (that run loads the gazetteers,
region polygons and border strips; its time is printed as "first"). Then, pinned to one CPU core,
``--rounds`` passes over the seeds are timed in two settings:

warm
    the geocoder's phrase cache kept between articles, as in a running server (reports about the same
    exercises repeat their place phrases);
cold
    the phrase cache cleared before every article, so every place phrase is geocoded again (the
    gazetteers stay loaded). This is the headline figure.

Target: at least 50 articles/s (cold). Each setting prints articles/s and its ratio to the target.

Usage: ``python bench/ingest.py [--rounds 20] [--check]`` (``--check`` exits 1 when the target is missed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.catalog.load import load_exercises
from geo.core import settings
from geo.extract import Extractor, read_article
from geo.extract.places import geocode_cached

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import Row, record  # bench/ is not a package

TARGET_ARTICLES_PER_S = 50.0
#: Publication dates of the seeds (seed 000 states its own), so relative dates are resolved as in use.
PUBLISHED = {
    "000": None,
    "001": dt.date(2025, 9, 1),
    "002": dt.date(2020, 9, 17),
    "003": dt.date(2022, 10, 17),
    "004": dt.date(2021, 11, 29),
}


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity on this platform)"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 with ``--check`` when the cold rate misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the five seeds per setting")
    parser.add_argument("--check", action="store_true", help="exit 1 when the cold rate is below the target")
    args = parser.parse_args(argv)

    pinned = _pin_to_one_core()
    seeds = sorted(settings.SEEDS_DIR.glob("*.txt"))
    articles = [(read_article(p.read_bytes(), name=p.name), PUBLISHED.get(p.name[:3])) for p in seeds]
    sizes = [len(p.read_bytes()) for p in seeds]
    start = time.perf_counter()
    extractor = Extractor(load_exercises())
    built = time.perf_counter() - start
    start = time.perf_counter()
    events = sum(len(extractor.extract(text, published=published).events) for text, published in articles)
    first = time.perf_counter() - start
    print(f"{len(articles)} seed articles, {min(sizes):,}-{max(sizes):,} bytes, {events} events; {pinned}")
    print(f"extractor built in {built:.2f} s; first pass (loads the gazetteers) {first:.2f} s")

    rates: dict[str, float] = {}
    for setting in ("warm", "cold"):
        per_article: list[float] = []
        for _ in range(args.rounds):
            for text, published in articles:
                if setting == "cold":
                    geocode_cached.cache_clear()
                t0 = time.perf_counter()
                extractor.extract(text, published=published)
                per_article.append(time.perf_counter() - t0)
        rate = len(per_article) / sum(per_article)
        rates[setting] = rate
        print(
            f"{setting:>4}: {rate:7.1f} articles/s (median {statistics.median(per_article) * 1000:.1f} ms, "
            f"max {max(per_article) * 1000:.1f} ms per article); {rate / TARGET_ARTICLES_PER_S:.1f}x the "
            f"target of {TARGET_ARTICLES_PER_S:g}/s"
        )
    ok = rates["cold"] >= TARGET_ARTICLES_PER_S
    target = f">= {TARGET_ARTICLES_PER_S:g}/s"
    measured = f"{rates['cold']:.1f} articles/s"
    record(
        "ingest",
        [Row("extraction, cold", target, measured, f"{rates['cold'] / TARGET_ARTICLES_PER_S:.1f}x", target, ok)],
    )
    print(f"target {'met' if ok else 'MISSED'}: cold rate {rates['cold']:.1f} articles/s")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
