"""Wait for the Map page's background warming (:mod:`pages.common.warm`) to end."""

from __future__ import annotations

import threading


def warming_done(timeout_s: float = 180) -> None:
    """Join every running warming thread (at most ``timeout_s`` seconds each)."""
    for thread in threading.enumerate():
        if thread.name == "drillmap-warm-maps":
            thread.join(timeout=timeout_s)
