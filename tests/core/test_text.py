"""The output encoders of :mod:`geo.core.text`: Markdown, CSV cells and the terminal."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from geo.core.text import csv_cell, md_escape, terminal_safe
from tests.support.payloads import LITERAL_AUTOLINK

MARKDOWN_PAYLOADS = (
    "[log in](http://evil.example)",
    "![b](http://127.0.0.1:9/x.png)",
    "<http://evil.example>",
    "<img src=x onerror=alert(1)>",
    "[x][ref]\n\n[ref]: http://evil.example",
    "`code` **bold** _it_ # heading",
    "&#91;entity&#93;(http://evil.example)",
    ":red[coloured] :material/warning:",
)


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS)
def test_md_escape__renders_no_link_image_or_tag(payload):
    html = MarkdownIt("commonmark").render(md_escape(payload))
    assert "<a " not in html
    assert "<img" not in html
    assert "<code" not in html and "<strong" not in html and "<h1" not in html
    assert "\n" not in md_escape(payload)


@pytest.mark.parametrize(
    "text", ["see http://evil.example/x", "HTTPS://evil.example", "www.evil.example", "mail me: a.b@evil.example"]
)
def test_md_escape__breaks_literal_autolinks(text):
    escaped = md_escape(text)
    assert LITERAL_AUTOLINK.search(escaped.replace("\\", "")) is None
    assert escaped.replace("\u2060", "").replace("\\", "") == text  # the words read the same


def test_md_escape__escapes_link_punctuation():
    assert md_escape("[a](b)!`<c>") == r"\[a\]\(b\)\!\`\<c\>"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("@SUM(1)", "'@SUM(1)"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Zapad-2021", "Zapad-2021"),
        ("", ""),
        (-12.5, -12.5),
        (-3, -3),
        (None, None),
    ],
)
def test_csv_cell__guards_text_formulas_only(value, expected):
    assert csv_cell(value) == expected


def test_terminal_safe__escapes_control_characters():
    name = "x\x1b[2J\rforged\nline\x07\x9b\u202eevil\x00"
    out = terminal_safe(name)
    assert out == "x\\x1b[2J\\rforged\\nline\\x07\\x9b\\u202eevil\\x00"
    assert out.isprintable()


def test_terminal_safe__keeps_printable_text():
    text = "Zapad-2021 — Грodno, sqlite:///var/store.db"
    assert terminal_safe(text) == text


def test_strip_controls_keeps_line_breaks_and_drops_controls_and_overrides():
    from geo.core.text import has_controls, strip_controls

    assert strip_controls("Zapad\x1b[2J-2021\u202e\tbegins\r\nnow\x00") == "Zapad[2J-2021\tbegins\r\nnow"
    assert has_controls("eve\x1b") and has_controls("two\nlines") and has_controls("rtl\u202e")
    assert not has_controls("Anna-Maria O'Neill (J2), https://example.org/a?b=1")


def test_pasted_articles_lose_their_control_characters():
    from geo.extract.text import clean_text

    text = clean_text("Belarus held\x1b[31m snap\x07 exercises\u202e in the Brest region on May 2, 2024.")
    assert text == "Belarus held[31m snap exercises in the Brest region on May 2, 2024."
