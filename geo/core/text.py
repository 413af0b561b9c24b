"""Encoding untrusted text for the sinks that are not HTML: Markdown and the terminal.

HTML goes through :func:`html.escape` (and :func:`geo.maps.offline.folium_text` for folium templates).
"""

from __future__ import annotations

import re
from typing import Any, Final

_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")


def md_escape(text: Any) -> str:
    """Escape text for Streamlit's Markdown (headings, captions, notices): no markup, links, images or HTML.

    Every Markdown metacharacter gets a backslash; line breaks become spaces so that a value cannot
    start a heading, list or block of its own.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\r", " ").replace("\n", " ")
