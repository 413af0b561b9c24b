"""geo/extract builds no maps or HTML and imports no UI: those live in geo.maps and pages/."""

from __future__ import annotations

import ast

import pytest

from geo.core import settings

EXTRACT = settings.ROOT / "geo" / "extract"
BANNED = ("folium", "streamlit", "streamlit_folium", "matplotlib", "pptx", "altair", "geo.maps", "geo.briefing")


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


@pytest.mark.parametrize("path", sorted(EXTRACT.rglob("*.py")), ids=lambda p: str(p.relative_to(EXTRACT)))
def test_extract_imports_no_maps_or_ui(path):
    bad = sorted(m for m in _imports(path) if any(m == b or m.startswith(b + ".") for b in BANNED))
    assert not bad, bad
