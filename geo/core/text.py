"""Encoding untrusted text for the sinks that are not HTML: Markdown, CSV cells and the terminal.

HTML goes through :func:`html.escape` (and :func:`geo.maps.offline.folium_text` for folium templates).
Each sink has one rule here, used by every writer of that sink:

* :func:`md_escape` — Streamlit Markdown (titles, captions, notices): no markup, link, image or HTML;
* :func:`csv_cell` — a spreadsheet cell: text cannot start a formula (OWASP's CSV injection rule);
* :func:`terminal_safe` — a terminal line: no escape sequence, carriage return or other control character.

YAML has no helper on purpose: YAML files are written by the YAML emitter only (``yaml.safe_dump``),
never assembled by hand from data.
"""

from __future__ import annotations

import re
from typing import Any, Final

_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")
#: Places where GitHub-flavoured Markdown finds a bare link in plain text ("literal autolinks"): after
#: the ``:`` of ``http://``, between ``www`` and its dot, after the ``@`` of an e-mail address. A
#: backslash does not stop them (Streamlit's renderer looks for them in the unescaped text), so an
#: invisible WORD JOINER (U+2060) is put there: the text reads the same, and no link is made.
_AUTOLINK_SEAMS: Final = re.compile(r"(?<=:)(?=//)|(?i:(?<=www))(?=\.)|(?<=@)")
_WORD_JOINER: Final = "\u2060"

#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")

#: C0 controls (newline and tab included: the CLI adds its own line breaks), DEL, C1 controls, the
#: Unicode line and paragraph separators and the bidirectional overrides that reorder what is shown.
_TERMINAL_UNSAFE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT_ESCAPES: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def md_escape(text: Any) -> str:
    """Escape text for Streamlit's Markdown (headings, captions, notices): no markup, links, images or HTML.

    Every Markdown metacharacter gets a backslash (``[`` ``]`` ``(`` ``)`` ``!`` backticks ``<`` ``>``
    among them, so no link, image or tag can be written); a word joiner breaks the places where a bare
    address would become a link (``http:⁠//``, ``www⁠.``, ``@⁠``); line breaks become spaces so that a
    value cannot start a heading, list or block of its own.

    Parameters
    ----------
    text
        Any value; it is converted with :class:`str`.

    Returns
    -------
    str
        Markdown that renders as ``text``, on one line.
    """
    plain = _AUTOLINK_SEAMS.sub(_WORD_JOINER, str(text))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain).replace("\r", " ").replace("\n", " ")


def csv_cell(value: Any) -> Any:
    """Return a CSV cell value that a spreadsheet cannot run as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote
    (``'=HYPERLINK(…)``), as OWASP recommends. Only text is guarded: numbers (``-12.5``), missing values
    and other non-text values are returned unchanged, so numeric columns stay numeric.

    Parameters
    ----------
    value
        One cell's value.

    Returns
    -------
    Any
        ``value``, or the guarded text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: Any) -> str:
    r"""Return text that prints on a terminal as written: control characters become visible escapes.

    ESC (``\x1b``), carriage return, backspace, every other C0 and C1 control character, newline and tab
    become their ``repr``-style escapes (``\x1b``, ``\r``, ``\n``), and the Unicode line separators and
    bidirectional overrides become ``\uXXXX``: stored names and URLs cannot clear the screen, move the
    cursor, overwrite or reorder a line, or start a line of their own.

    Parameters
    ----------
    text
        Any value; it is converted with :class:`str`.

    Returns
    -------
    str
        Printable text on one line.
    """
    return _TERMINAL_UNSAFE.sub(_escape_control, str(text))


# XML 1.0 allows tab, newline and carriage return among the controls; nothing else below U+0020, no
# surrogates, and neither U+FFFE nor U+FFFF.
_XML_INVALID: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Return text that an XML 1.0 document may hold: each forbidden character becomes U+FFFD (�).

    Escaping ``<`` and ``&`` is the XML writer's job; this removes what no escaping can express (a NUL or
    an ESC in a report would otherwise make a KML file ill-formed), and leaves a visible mark where it was.
    """
    return _XML_INVALID.sub("\ufffd", text)


# Control characters (C0 but tab, line feed, carriage return; DEL; C1) and the bidirectional overrides and
# isolates that reorder what a reader sees: nothing a report, a name or a URL needs.
_INPUT_CONTROLS: Final = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Return untrusted input text without control characters or bidirectional overrides.

    Applied where text enters (pasted or uploaded articles); line breaks and tabs are kept. A field that
    must not hold them at all (a reviewer's name, a source URL) is checked with :func:`has_controls`.
    """
    return _INPUT_CONTROLS.sub("", text)


def has_controls(text: str) -> bool:
    """Return True when ``text`` holds a control character, a line break or a bidirectional override."""
    return bool(_INPUT_CONTROLS.search(text)) or any(ch in text for ch in "\t\n\r\u2028\u2029")
