"""The sources behind the map's popups: which report supports which exercise, and the data credits.

Used by the dashboard's "Sources & data" page; no Streamlit here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import geopandas as gpd
import pandas as pd

from geo.core.citations import SEED_PREFIX, source_host

__all__ = ["SEED_PREFIX", "seed_reports", "sources_frame"]

_DATE_LINE: Final = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*")


def sources_frame(sites: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return one row per cited source with the exercises it supports.

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame`.

    Returns
    -------
    pandas.DataFrame
        Columns ``source`` (URL or ``seed:<file>``), ``kind`` (``seed report`` or ``web``), ``host``,
        ``exercises`` (names, in catalog order), ``n_exercises`` and ``quotes`` (distinct quoted
        sentences); sorted by the number of exercises, then source.
    """
    supports: dict[str, dict[str, None]] = {}
    quotes: dict[str, set[str]] = {}
    for name, citations in zip(sites["exercise_name"], sites["citations"], strict=True):
        for citation in citations:
            source = str(citation["source"])
            supports.setdefault(source, {})[str(name)] = None
            quotes.setdefault(source, set()).add(str(citation["quote"]))
    rows = [
        {
            "source": source,
            "kind": "seed report" if source.startswith(SEED_PREFIX) else "web",
            "host": source_host(source) or "",
            "exercises": ", ".join(names),
            "n_exercises": len(names),
            "quotes": len(quotes[source]),
        }
        for source, names in supports.items()
    ]
    frame = pd.DataFrame(rows, columns=["source", "kind", "host", "exercises", "n_exercises", "quotes"])
    return frame.sort_values(["n_exercises", "source"], ascending=[False, True], kind="stable").reset_index(drop=True)


def seed_reports(folder: Path, sites: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return the seed reports in ``folder`` with their date, first line and the exercises citing them.

    Parameters
    ----------
    folder
        The folder of ``*.txt`` seed reports (:data:`geo.core.settings.SEEDS_DIR`); may be missing.
    sites
        Rows of :func:`geo.catalog.sites.sites_frame`.

    Returns
    -------
    pandas.DataFrame
        Columns ``file``, ``date`` (when the report starts with a ``date YYYY-MM-DD`` line), ``opening``
        (the first 160 characters), ``exercises`` and ``n_exercises``; empty when the folder is missing.
    """
    columns = ["file", "date", "opening", "exercises", "n_exercises"]
    if not folder.is_dir():
        return pd.DataFrame(columns=columns)
    by_source = {str(r["source"]): r for r in sources_frame(sites).to_dict("records")}
    rows = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        match = _DATE_LINE.match(text)
        opening = " ".join(text[match.end() if match else 0 :].split())[:160]
        key = f"{SEED_PREFIX}{path.name}"
        supported = by_source.get(key)
        rows.append(
            {
                "file": path.name,
                "date": match.group(1) if match else "",
                "opening": opening,
                "exercises": "" if supported is None else supported["exercises"],
                "n_exercises": 0 if supported is None else int(supported["n_exercises"]),
            }
        )
    return pd.DataFrame(rows, columns=columns)
