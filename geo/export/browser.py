"""The Chromium the as-seen screenshot drives, and whether it can run here (light: imports no browser code).

Kept apart from :mod:`geo.export.snapshot` so that the dashboard can say "no browser here" without loading
matplotlib and the briefing basemap into its server.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Final

#: Debian's Chromium (``playwright install`` cannot download a browser on an offline machine).
CHROMIUM: Final = Path(os.environ.get("DRILLMAP_CHROMIUM", "/usr/bin/chromium"))
#: Launch flags: headless, and nothing that phones home.
CHROMIUM_ARGS: Final[tuple[str, ...]] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def browser_problem(executable: str | Path | None = None) -> str | None:
    """Return why the as-seen screenshot cannot run here, or None when Chromium and Playwright are present."""
    exe = Path(executable) if executable is not None else CHROMIUM
    if not os.access(exe, os.X_OK):
        return (
            f"the as-seen screenshot needs Chromium, which is not installed at {str(exe)!r} "
            "(apt-get install chromium); the static PNG, PDF, SVG and PPTX exports work without it"
        )
    if importlib.util.find_spec("playwright") is None:  # found, not imported: the check stays light
        return "the as-seen screenshot needs the playwright package; the static exports work without it"
    return None
