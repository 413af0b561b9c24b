"""A tiny sites frame whose citations carry Admiralty grades (for the grade filter and export tests)."""

from __future__ import annotations

import geopandas as gpd

from geo.core.grading import graded
from tests.support.export_panel_app import tiny_sites

#: Own grade of each exercise's citations: Zapad-2021 is B2 (meets B2), the others are below or unknown.
GRADES: dict[str, tuple[str | None, int | None]] = {
    "zapad-2021": ("B", 2),
    "iron-wolf-2022": ("C", 1),
}


def graded_sites() -> gpd.GeoDataFrame:
    """Return :func:`tiny_sites` with graded citations; Zapad-2021 gets a second figure cited only by a C3 source."""
    frame = tiny_sites()
    citations, figures = [], []
    for ex_id, cits, figs in zip(frame["exercise_id"], frame["citations"], frame["figures"], strict=True):
        rel, cred = GRADES.get(ex_id, (None, None))
        own = [graded({**c, "reliability": rel, "credibility": cred}) for c in cits]
        figs = [{**f, "cite": [c["id"] for c in own]} for f in figs]
        if ex_id == "zapad-2021":
            weak = {"id": "weak", "source": "https://x.example/a", "quote": "A weak claim"}
            own.append(graded({**weak, "reliability": "C", "credibility": 3}))
            figs.append({"what": "tanks", "value": 500, "as_stated": "500 tanks", "cite": ["weak"]})
        citations.append(own)
        figures.append(figs)
    frame["citations"] = citations
    frame["figures"] = figures
    frame["sources"] = [list(dict.fromkeys(c["source"] for c in cits)) for cits in citations]  # citation order
    return frame
