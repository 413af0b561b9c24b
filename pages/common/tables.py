"""How the dashboard's tables are shown: no "None" cells, and a height that fits the rows."""

from __future__ import annotations

from typing import Final

import pandas as pd

#: Streamlit's data grid rows and header are 35 px, plus a 3 px border.
ROW_PX: Final = 35
#: What a text cell with nothing to say shows (Streamlit writes "None" for a missing value).
BLANK: Final = "—"


def shown(frame: pd.DataFrame, blank: str = BLANK) -> pd.DataFrame:
    """Return ``frame`` with every missing value of a text column written as ``blank``.

    Numeric and date columns keep their missing values, so they still sort as numbers and dates.
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or isinstance(out[column].dtype, pd.StringDtype):
            out[column] = out[column].where(out[column].notna(), blank)
    return out


def table_height(n_rows: int, *, max_rows: int = 20) -> int:
    """Return the pixel height that shows ``n_rows`` rows (at most ``max_rows``, then the table scrolls)."""
    return ROW_PX * (min(n_rows, max_rows) + 1) + 3
