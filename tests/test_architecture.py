"""Project invariants: a pure geo/ core, documented settings, no remote assets in runtime code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from geo.core import settings

ROOT = settings.ROOT


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_geo_never_imports_streamlit() -> None:
    offenders = [p.name for p in (ROOT / "geo").rglob("*.py") if {"streamlit", "streamlit_folium"} & _imports(p)]
    assert offenders == []


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, spec in settings.SETTINGS.items():
        assert name in readme, f"README.md does not document setting {name}"
        assert spec.help


def test_no_cdn_urls_in_runtime_code() -> None:
    cdn = re.compile(r"https?://(cdn|unpkg|cdnjs|code\.jquery|netdna|d3js|fonts\.googleapis)")
    files = [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "geo").rglob("*.py")]
    for path in files:
        if not path.exists():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            # geo/offline.py maps CDN URLs to vendored files: those are patterns, not requests.
            if cdn.search(code) and path.name != "offline.py":
                raise AssertionError(f"{path.relative_to(ROOT)}:{n}: remote asset URL")


def test_readme_quick_start_is_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^\s*(make \w+)\s*$", quick, flags=re.MULTILINE)
    assert commands == ["make run", "make test"]
