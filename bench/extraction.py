"""Extraction on real reports: the issue-14 table for the dev and test parts of ``tests/extract/realdev``.

Each article is read as ``python -m geo ingest`` reads a file (:func:`geo.extract.read_article`) and
extracted with its publication date by :class:`geo.extract.Extractor` over the catalog's exercises — the
extractor :mod:`geo.extract.ingest` builds (there over the catalog and the analysts' store). The scoring
(:mod:`tests.support.extraction_score`) matches events by name, or by year and place when unnamed, and
checks alliance, participants, start date and every site phrase's country and admin-1 region.

Usage: ``python bench/extraction.py [--split dev|test|all] [--ids FIRST-LAST] [--misses]`` (``--misses`` lists
every miss; ``--ids 160-169`` scores only those articles, e.g. a new blind batch before any tuning).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.catalog.load import load_exercises
from geo.extract import Extractor
from tests.support.extraction_score import load_articles, run


def _id_range(text: str) -> frozenset[str]:
    """Parse ``FIRST-LAST`` (three-digit ids, inclusive) into the set of ids."""
    first, _, last = text.partition("-")
    try:
        low, high = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected FIRST-LAST such as 160-169, got {text!r}") from None
    return frozenset(f"{n:03d}" for n in range(low, high + 1))


def main(argv: list[str] | None = None) -> int:
    """Print the table of each split (and, with ``--misses``, what was missed); return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--misses", action="store_true", help="list every miss under each table (dev only)")
    parser.add_argument("--ids", type=_id_range, default=None, help="only ids FIRST-LAST, e.g. 160-169")
    args = parser.parse_args(argv)
    if args.misses and args.split != "dev":
        # A miss quotes the sealed test part's gold, and what is seen of it cannot measure generalisation.
        parser.error("--misses lists the dev part's misses only: add --split dev (the test part stays sealed)")
    extractor = Extractor(load_exercises())
    extractor.extract("Belarus held drills in the Brest region.")  # load the gazetteers outside the timing
    for split in ("dev", "test") if args.split == "all" else (args.split,):
        articles = [a for a in load_articles(split=split) if args.ids is None or a.id in args.ids]
        tally = run(articles, extractor)
        print(tally.table(f"{split} ({tally.articles} articles)"))
        if args.misses:
            print("\n".join(f"- {m}" for m in tally.misses))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
