"""Project invariants: documented settings, no remote assets in runtime code, small modules and functions.

The import layering (geo/core at the bottom, no Streamlit in geo/, no drawing libraries in the data core)
is checked by import-linter's contracts in pyproject.toml (``make lint``), not here.
"""

from __future__ import annotations

import ast
import re

from geo.core import settings

ROOT = settings.ROOT


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


#: Written at the top of a module's or function's docstring to say why it is longer than the limits below.
LONG_BECAUSE = "Long because"
MAX_MODULE_LINES = 520
MAX_FUNCTION_LINES = 60


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring does not count
    return 0 if not body else (body[-1].end_lineno or 0) - body[0].lineno + 1


def test_modules_and_functions_stay_small() -> None:
    """No module over ~500 lines, no function over 60 lines of code, unless its docstring says why."""
    too_long = []
    for path in [*(ROOT / "geo").rglob("*.py"), *(ROOT / "pages").rglob("*.py"), ROOT / "app.py"]:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        name = str(path.relative_to(ROOT))
        if source.count("\n") > MAX_MODULE_LINES and LONG_BECAUSE not in (ast.get_docstring(tree) or ""):
            too_long.append(f"{name}: {source.count(chr(10))} lines")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and _code_lines(node) > MAX_FUNCTION_LINES
                and LONG_BECAUSE not in (ast.get_docstring(node) or "")
            ):
                too_long.append(f"{name}:{node.lineno} {node.name}() {_code_lines(node)} lines")
    assert too_long == []
