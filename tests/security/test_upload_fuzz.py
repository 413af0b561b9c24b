"""Upload fuzz of the ingest path: any bytes give a result or one clear IngestError, in linear time.

The path is the Review page's and ``python -m geo ingest``'s: :func:`geo.extract.ingest.article_text`
(size check, decoding, HTML/Markdown reduction, language check), then the extractor. Hypothesis sends
random bytes behind the prefixes that steer the reader (byte-order marks, an HTML or Markdown head, NULs);
fixed cases cover the limit, one huge line, invalid UTF-8 and UTF-16, and nested-tag HTML bombs, whose
time must grow linearly (ratio measured in the same run, as in ``tests/extract/test_linear_time.py``).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.catalog.load import load_exercises
from geo.core import settings as drillmap_settings
from geo.core.errors import IngestError
from geo.extract import Extractor
from geo.extract.ingest import article_text
from tests.support.hostile_text import MAX_RATIO, best_times

_PREFIXES = (
    b"",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    b"<!doctype html><html><body><p>",
    b"# Report\n\nBelarus held exercises near Brest on 2 May 2024. ",
    b"Belarus held exercises near Brest on 2 May 2024.\x00\x00",
    "Учения прошли у Бреста. ".encode(),
)
_NAMES = ("report.txt", "report.md", "report.html", "the article")


@cache
def _extractor() -> Extractor:
    return Extractor(load_exercises())


def _ingest(data: bytes, name: str = "report.txt") -> str | None:
    """Return the article's text after extraction, or None when it was refused with an IngestError."""
    try:
        text = article_text(data=data, name=name)
    except IngestError as exc:
        assert str(exc), "an IngestError must say why"
        return None
    extraction = _extractor().extract(text)
    assert extraction.text == text
    return text


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.binary(max_size=3000),
    tail=st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    name=st.sampled_from(_NAMES),
)
def test_random_bytes_give_a_result_or_one_ingest_error(prefix: bytes, body: bytes, tail: bytes, name: str) -> None:
    text = _ingest(prefix + body + tail, name)
    if text is not None:
        assert "\x00" not in text and "\x1b" not in text


def test_a_file_over_the_limit_is_refused_with_the_limit():
    limit = drillmap_settings.MAX_ARTICLE_BYTES
    with pytest.raises(IngestError, match=f"over the {limit:,}-byte limit"):
        article_text(data=b"a" * (limit + 1), name="big.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Belarus \xff\xfe\xfa held exercises", "UTF-8"),
        (codecs.BOM_UTF16_LE + b"B\x00e\x00l\x00\x00\xdc", "UTF"),  # a lone low surrogate
        (codecs.BOM_UTF16_BE + b"\x00B\x00", "UTF"),  # an odd number of bytes
        (b"\x00" * 5000, "binary"),
        (b"   \n\t  ", "empty"),
    ],
    ids=["invalid utf-8", "utf-16 lone surrogate", "utf-16 odd length", "nuls", "blank"],
)
def test_unreadable_files_get_one_clear_message(data, message):
    with pytest.raises(IngestError, match=f"(?i){message}"):
        article_text(data=data, name="report.txt")


def test_one_huge_line_under_the_limit_is_read():
    line = b"Belarus held exercises near Brest on 2 May 2024 " + b"word " * 300_000
    assert len(line) < drillmap_settings.MAX_ARTICLE_BYTES
    text = _ingest(line)
    assert text is not None and text.startswith("Belarus held exercises")


#: HTML that nests or repeats tags without end: the reader's stack and its text joining must stay linear.
BOMBS: dict[str, Callable[[int], str]] = {
    "nested divs": lambda n: "<html><body>" + "<div>" * (n // 5) + "Brest",
    "nested inline tags": lambda n: "<html><body><p>" + "<b><i>" * (n // 6) + "Brest",
    "unclosed scripts": lambda n: "<html><body>" + "<script>" * (n // 8) + "Brest",
    "closing tags only": lambda n: "<html><body><p>Brest" + "</div>" * (n // 6),
    "attributes": lambda n: "<html><body><p " + 'a="1" ' * (n // 6) + ">Brest",
    # Each of these took quadratic time in the standard library's parser (4 s for 20,000 unclosed "<a "):
    "unclosed comments": lambda n: "<html><body><p>Brest" + "<!--" * (n // 4),
    "unclosed comments with >": lambda n: "<html><body><p>Brest" + "<!-- >" * (n // 6),
    "unclosed start tags": lambda n: "<html><body><p>Brest" + "<a " * (n // 3),
    "unclosed quoted attributes": lambda n: "<html><body><p>Brest" + "<a b='" * (n // 6),
    "unclosed end tags": lambda n: "<html><body><p>Brest" + "</" * (n // 2),
    "processing instructions": lambda n: "<html><body><p>Brest" + "<?" * (n // 2),
    "marked sections with >": lambda n: "<html><body><p>Brest" + "<![CDATA[>" * (n // 10),
}
SIZE = 100_000
#: Below this a ratio measures the machine's noise, not the parser (the quadratic cases took seconds at SIZE).
NOISE_S = 0.02


def test_unclosed_markup_keeps_the_text_before_it():
    html = b"<html><body><p>Belarus held exercises near Brest.</p><!-- never closed <p>hidden <a href"
    assert _ingest(html, "report.html") == "Belarus held exercises near Brest."
    html = b"<html><body><p>Zapad began.</p><?php x ?><!DOCTYPE y><p>a < b and c > d</p><p>tail <a href"
    assert _ingest(html, "report.html") == "Zapad began.\n\na < b and c > d\n\ntail <a href"


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_html_bombs_take_linear_time(bomb):
    make = BOMBS[bomb]

    def work(html: str) -> None:
        _ingest(html.encode("utf-8"), "bomb.html")

    work(make(1_000))  # warm-up: loads the gazetteers
    for _attempt in range(2):  # a shared machine may stall one measurement; a quadratic parse fails both
        small, large = best_times(work, make(SIZE), make(2 * SIZE), 3)
        if large <= MAX_RATIO * small or large < NOISE_S:
            break
    assert large <= MAX_RATIO * small or large < NOISE_S, (
        f"{bomb}: {small * 1000:.1f} ms at n, {large * 1000:.1f} ms at 2n"
    )


def test_no_article_says_what_to_give_with_the_limit():
    with pytest.raises(IngestError, match=r"upload a file \(at most 2 MB\) first"):
        article_text(pasted="  \n")
