"""Read an article safely and cut it into paragraphs and sentences.

:func:`read_article` turns uploaded bytes into plain text or raises :class:`~geo.core.errors.IngestError`
with one clear message (empty, binary, too large, not UTF-8, Russian). HTML is reduced to its visible
text with the standard library's tokenizer: the content of ``<script>``, ``<style>`` and other
non-text elements is dropped, never executed or shown. Markdown markup is stripped.

:func:`split_sentences` returns :class:`Sentence` objects carrying character offsets into the text,
so that the review page can highlight exactly the sentence a field came from.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from geo.core import settings
from geo.core.errors import IngestError
from geo.core.text import strip_controls

#: Elements whose content is never text: dropped with everything inside them.
_SKIPPED_ELEMENTS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head",
     "nav", "footer", "aside", "form", "button", "select", "textarea"}
)  # fmt: skip
#: Elements that end a line of text.
_BLOCK_ELEMENTS = frozenset(
    {"p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "section", "article",
     "header", "main", "blockquote", "pre", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "title"}
)  # fmt: skip
_VOID_ELEMENTS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "source", "wbr"})

_HTML_HINT = re.compile(r"<\s*(?:!doctype\s+html|html|body|p|div|script|style|br|span|article|h[1-6])\b", re.I)
# Every pattern below runs on untrusted text and takes linear time: a repeated part never spans a
# line break when a line start anchors it (``[^\S\n]`` is "a space on this line"), and a run between
# two delimiters excludes the opening delimiter, so the runs tried from different starts never overlap
# (``tests/extract/test_linear_time.py`` checks it on hostile inputs).
_MARKDOWN_HINT = re.compile(r"^(?:#{1,6}\s|[^\S\n]*[-*+]\s|[^\S\n]*>\s)|\[[^\[\]]+\]\([^()]+\)|\*\*[^*]+\*\*", re.M)
#: Markdown markup removed by :func:`markdown_to_text`, in order: (pattern, replacement).
_MARKDOWN_STRIP: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"```.*?```", re.S), "\n"),  # code blocks are not prose
    (re.compile(r"!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)"), ""),  # images (a URL may hold one pair of parens)
    (re.compile(r"\[([^\[\]]+)\]\((?:[^()]|\([^()]*\))*\)"), r"\1"),  # links -> their words
    (re.compile(r"^[^\S\n]{0,3}#{1,6}[^\S\n]*", re.M), ""),  # headings
    (re.compile(r"^[^\S\n]{0,3}>[^\S\n]?", re.M), ""),  # block quotes
    (re.compile(r"^[^\S\n]*(?:[-*+]|\d+[.)])[^\S\n]+", re.M), ""),  # list markers
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold: a failed start has no closer after it on its line
    (re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics, up to the next star
    (re.compile(r"`([^`]*)`"), r"\1"),
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
#: Share of Cyrillic among the letters above which an article counts as Russian/Belarusian text.
_CYRILLIC_MAX_SHARE = 0.3
#: A dateline opening the article, like ``date 2023-09-01`` or ``Published: 2023-09-01`` (seed 000
#: starts with one, followed by its first sentence on the same line).
_DATELINE = re.compile(r"^\s*(?:date|published|publication date|dated)\s*:?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
_WIRE_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A news-agency dateline opening a paragraph: "VILNIUS, Oct 8 (Reuters) - ", "MINSK, 28 February (BelTA) – ",
#: "VLADIVOSTOK, September 1. /TASS/. ", "NUR-SULTAN -- ". Its date is when the report was filed.
#: A wire dateline with a full date ("MINSK, 12 September 2023", "RIGA, Oct 8, 2024"): a publication date.
_WIRE_DATED = re.compile(
    r"^[A-Z][A-Z'’.-]{2,}(?:[ /][A-Z][A-Z'’.-]+)*,\s*"
    rf"(?:(?P<m1>{_WIRE_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_WIRE_MONTH})),?\s+(?P<y>\d{{4}})\b"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: How many opening lines (title, standfirst, first paragraph) may carry the wire dateline.
_WIRE_DATELINE_LINES = 4
#: A city in title case with a full date and the outlet in brackets: "Orenburg, 22 September 2021 (TDI): "
#: (nineteenth pass; the full date and the bracketed outlet tell it from a sentence opening on a place).
_TITLE_DATELINE = (
    rf"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?,\s*(?:{_WIRE_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_WIRE_MONTH}),?\s+\d{{4}}\s*"
    r"\([A-Z][\w .-]{1,24}\)\s*(?::|--|[-–—])\s*"
)
_WIRE_DATELINE = re.compile(
    rf"^(?:{_TITLE_DATELINE})|"
    r"^[A-Z][A-Z'’.-]{2,}(?:[ /][A-Z][A-Z'’.-]+)*"
    rf"(?:(?:,\s*|(?<=\.)\s+)(?:{_WIRE_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_WIRE_MONTH})(?:,?\s+\d{{4}})?)?\.?\s*"
    r"(?:(?:\([A-Z][\w .-]{1,24}\)|/\s*[A-Z][A-Za-z-]+\s*/\.?)\s*(?:--|[-–—])?|--|[-–—])\s*"
)


#: A wire city closed by a full stop before the filing date: "MINSK. Aug 14 (Interfax) - " is one dateline, not a
#: sentence "MINSK." and another (seventeenth pass).
_CITY_STOP = re.compile(
    r"^[A-Z][A-Z'’-]{2,}(?:[ /][A-Z][A-Z'’-]+)*\.(?=\s+"
    rf"(?:{_WIRE_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_WIRE_MONTH})(?:,?\s+\d{{4}})?\.?\s*\([A-Z])"
)


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML document; drop non-text elements with their content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []  # open non-text elements, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self._skipping:  # an unclosed <head> ends where <body> starts
            del self._skipping[self._skipping.index("head") :]
        if tag in _SKIPPED_ELEMENTS and tag not in _VOID_ELEMENTS:
            self._skipping.append(tag)
        elif tag in _BLOCK_ELEMENTS and not self._skipping:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_ELEMENTS and not self._skipping:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag) :]
        elif tag in _BLOCK_ELEMENTS and not self._skipping:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` is (or contains) HTML markup."""
    return bool(_HTML_HINT.search(text[:20_000]))


#: Markup that is never visible text and that the standard library's parser re-scans to the end of the input
#: once per occurrence when it is not closed (quadratic time): comments, ``<![…]]>`` sections, processing
#: instructions and declarations. Each alternative ends at its closer or at the end of the input (HTML's rule
#: for an unclosed comment), so every match succeeds and the scan is linear.
_INVISIBLE_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<!\[.*?(?:\]\]>|\Z)|<\?[^>]*(?:>|\Z)|<![^>]*(?:>|\Z)", re.S)


def _defuse(html: str) -> str:
    """Return ``html`` without the markup the parser would take quadratic time on, and no other change.

    Removes :data:`_INVISIBLE_MARKUP`; a ``<`` after the last ``>`` cannot open a complete tag, so it is
    written ``&lt;`` (the parser would otherwise search the rest of the input once per ``<``).
    """
    html = _INVISIBLE_MARKUP.sub(" ", html)
    last = html.rfind(">") + 1
    return html[:last] + html[last:].replace("<", "&lt;")


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML document, one block element per line.

    The content of ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, ``<svg>``, ``<iframe>``,
    ``<head>`` (``<title>`` included) and navigation elements is dropped; entities are decoded.
    """
    parser = _TextExtractor()
    parser.feed(_defuse(html))
    parser.close()
    return _tidy("".join(parser.parts))


def markdown_to_text(markdown: str) -> str:
    """Return the text of a Markdown document: links keep their words, images and markup go."""
    text = markdown
    for pattern, replacement in _MARKDOWN_STRIP:
        text = pattern.sub(replacement, text)
    return _tidy(text)


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decode(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            msg = f"{name!r} starts like UTF-16 text but does not decode as UTF-16: {exc.reason}"
            raise IngestError(msg) from exc
    if b"\x00" in data[:8192]:
        msg = f"{name!r} is a binary file (it holds NUL bytes), not a text, HTML or Markdown article"
        raise IngestError(msg)
    if data.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        msg = f"{name!r} is a binary file (PDF, ZIP/Office or image), not a text, HTML or Markdown article"
        raise IngestError(msg)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = (
            f"{name!r} is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start}); "
            "save the article as UTF-8 and try again"
        )
        raise IngestError(msg) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        msg = f"{name!r} looks binary ({controls} control characters in its first 8 KB), not like an article"
        raise IngestError(msg)
    return text


def check_language(text: str, *, name: str = "the article") -> None:
    """Raise :class:`IngestError` unless ``text`` is mostly Latin script (English reports).

    Raises
    ------
    IngestError
        If more than 30 % of the letters are Cyrillic (a Russian or Belarusian report).
    """
    sample = text[:50_000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic and cyrillic > _CYRILLIC_MAX_SHARE * (cyrillic + latin):
        msg = (
            f"{name!r} is written in Cyrillic script (Russian or Belarusian): extraction reads English reports "
            "only; paste an English translation and keep the original URL as the source"
        )
        raise IngestError(msg)


def read_article(data: bytes, *, name: str = "the article", max_bytes: int | None = None) -> str:
    """Decode an uploaded article and reduce it to plain text.

    Parameters
    ----------
    data
        The file's bytes (text, HTML or Markdown; UTF-8, or UTF-16 with a byte-order mark).
    name
        File name used in messages.
    max_bytes
        Size limit; default :data:`geo.core.settings.MAX_ARTICLE_BYTES`.

    Returns
    -------
    str
        The visible text, one paragraph per line.

    Raises
    ------
    IngestError
        If the file is empty, over the limit, binary, not UTF-8, in Russian, or has no text left
        once markup is removed.
    """
    limit = settings.MAX_ARTICLE_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        msg = f"{name!r} is {len(data):,} bytes, over the {limit:,}-byte limit for one article"
        raise IngestError(msg)
    if not data.strip():
        msg = f"{name!r} is empty"
        raise IngestError(msg)
    return clean_text(_decode(data, name), name=name)


def clean_text(text: str, *, name: str = "the article", max_chars: int | None = None) -> str:
    """Reduce pasted text, HTML or Markdown to plain text and check it (see :func:`read_article`)."""
    limit = settings.MAX_ARTICLE_BYTES if max_chars is None else max_chars
    if len(text) > limit:
        msg = f"{name!r} has {len(text):,} characters, over the {limit:,}-character limit for one article"
        raise IngestError(msg)
    text = strip_controls(text)  # an ESC or a bidi override in a report is never content
    if looks_like_html(text):
        text = html_to_text(text)
    if _MARKDOWN_HINT.search(text) or name.lower().endswith((".md", ".markdown")):
        text = markdown_to_text(text)
    text = _tidy(text)
    if not text:
        msg = f"{name!r} has no text (nothing is left once markup, scripts and styles are removed)"
        raise IngestError(msg)
    check_language(text, name=name)
    return text


#: A capital letter, Latin-1 and Latin Extended-A included ("Žukauskas", "Ādaži"): the start of a name in every
#: place and list pattern of the extractor.
UPPER = "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]"

#: What stands between two items of one written list (names, countries, ranges): a comma, "and", ", and", "&" or
#: "as well as", with the items' quotes and a "the" around it ("“Zapad”, “Union Shield” and the …"). The one
#: pattern every list reader of the extractor matches with ``fullmatch`` between two items.
LIST_GAP = re.compile(r"[\"”»’']?\s*(?:,\s*(?:and\s+)?|\s*and\s+|\s*&\s*|\s+as\s+well\s+as\s+)(?:the\s+)?[\"“«‘']?")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article with its place in the text.

    Attributes
    ----------
    index
        Position among the article's sentences (0-based).
    text
        The sentence as written.
    start, end
        Character offsets of the sentence in the cleaned article text (``text[start:end]``).
    paragraph
        Index of the paragraph (line) holding the sentence.
    """

    index: int
    text: str
    start: int
    end: int
    paragraph: int


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "st",
        "jr",
        "sr",
        "prof",
        "rep",
        "sen",
        "gov",
        "pres",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
# Starts only where a run of stops starts: a run of 100,000 "!" is read once, not once per "!".
#: A sentence end: a stop before a space and a capital, or a stop glued between a lower-case word and a word
#: that opens sentences ("… he noted.In the first half …"), not a web address ("Delfi.Lt reports").
_SENTENCE_END = re.compile(
    r"(?<![.!?])[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|"
    r"(?<=[a-z]{2})\.(?=(?:In|On|At|The|A|An|It|He|She|They|We|This|These|That|According|Earlier|Later|Meanwhile)\s)"
)
#: The word before a full stop is looked for in this many characters: longer than any abbreviation, so a
#: longer word is never one, and a very long line is not searched again at every full stop.
_WORD_WINDOW = 32
_LAST_WORD = re.compile(r"[\w.]+$")
_ENDS_SENTENCE = frozenset('.!?:"”’)')
#: A short run in guillemets, whose full stops end no sentence: names listed as «Interaction. Search. Echelon».
_GUILLEMETS = re.compile(r"«[^«»\n]{1,80}»")
_GUILLEMET_REACH = 80


def in_guillemets(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a short «…» run (looked for within a few dozen characters)."""
    opened = text.rfind("«", max(0, start - _GUILLEMET_REACH), start)
    closed = text.find("»", end, end + _GUILLEMET_REACH)
    return opened >= 0 and closed >= 0 and "»" not in text[opened:start] and "«" not in text[end:closed]


def dateline(text: str) -> tuple[dt.date | None, str | None]:
    """Return the publication date the article states, and the text stating it.

    Either a dateline opening the article (``date 2023-09-01``) or a news-agency dateline with a full
    date opening one of its first paragraphs ("MINSK, 12 September 2023 — ", "RIGA, Oct 8, 2024 (LETA) -").
    """
    match = _DATELINE.match(text)
    if match:
        try:
            return dt.date.fromisoformat(match.group(1)), match.group(0).strip()
        except ValueError:
            return None, None
    for line in [line for line in text[:4000].split("\n") if line.strip()][:_WIRE_DATELINE_LINES]:
        wire = _WIRE_DATED.match(line.strip())
        if wire:
            month = _MONTHS.index((wire["m1"] or wire["m2"])[:3].casefold()) + 1
            try:
                return dt.date(int(wire["y"]), month, int(wire["d1"] or wire["d2"])), wire.group(0)
            except ValueError:
                return None, None
    return None, None


def wire_dateline(sentence: str) -> int:
    """Return the length of a news-agency dateline opening ``sentence`` ("VILNIUS, Oct 8 (Reuters) - "), or 0."""
    match = _WIRE_DATELINE.match(sentence)
    return match.end() if match else 0


#: The end of a hard-wrapped line that cannot end a sentence or a headline: a comma, or an article, preposition or
#: conjunction; the line after it goes on with the same sentence.
_OPEN_LINE_END = re.compile(r"(?:,|\b(?:the|a|an|of|and|or|in|on|at|from|to|with|by|for|as|than)\b)[^\S\n]*$")


def _paragraph_lines(text: str) -> list[tuple[int, str]]:
    """Split into (offset, line) paragraphs, joining hard-wrapped lines that continue a sentence.

    A line continues the paragraph above when it starts in lower case, or the line above ends in a comma or a
    word that never ends a sentence ("from Belarus, Kazakhstan,⏎Kyrgyzstan", "have commenced the⏎“Interaction”"),
    and the line above does not end a sentence; only that last line is looked at, and each paragraph is cut from
    ``text`` once.
    """
    spans: list[list[int]] = []  # [start, end] of each paragraph in text
    last = ""  # the last line added to the last paragraph
    previous = ""  # the line just above, blank or not
    offset = 0
    for line in text.split("\n"):
        lower = line[:1].islower() and last.rstrip()[-1:] not in _ENDS_SENTENCE
        if spans and (lower or (line.strip() and previous.strip() and _OPEN_LINE_END.search(last))):
            spans[-1][1] = offset + len(line)
            last = line
        elif line.strip():
            spans.append([offset, offset + len(line)])
            last = line
        previous = line
        offset += len(line) + 1
    return [(start, text[start:end]) for start, end in spans]


#: A grave or acute accent or a modifier letter standing for an apostrophe: between letters ("Russia`s") or after a
#: final s ("Belarus´ north"); a grave accent closing a quoted word ("`Range` 7") stays.
_APOSTROPHE_STANDINS = re.compile(r"(?<=[^\W\d_])[`´ʼ](?=[^\W\d_])|(?<=s)[`´ʼ](?=\s)")


def normalize_apostrophes(text: str) -> str:
    """Return ``text`` with apostrophe stand-ins written as ’ ("Russia`s exclave" → "Russia’s exclave").

    One character for one, so offsets into the text stay valid.
    """
    return _APOSTROPHE_STANDINS.sub("’", text)


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned article text into sentences, one paragraph per line.

    A full stop ends a sentence unless it follows a known abbreviation (``Gen.``, ``U.S.``) or a
    single capital (an initial); closing quotes stay with their sentence. A dateline opening
    the article (see :func:`dateline`) is not part of any sentence.
    """
    sentences: list[Sentence] = []
    lines = _paragraph_lines(text)
    head = _DATELINE.match(lines[0][1]) if lines else None
    if head:  # the dateline is not part of the first sentence
        offset, line = lines[0]
        rest = line[head.end() :]
        lines = ([(offset + head.end(), rest)] if rest.strip() else []) + lines[1:]
    for paragraph, (offset, line) in enumerate(lines):
        begin = 0
        quoted = iter([m.span() for m in _GUILLEMETS.finditer(line)] if "«" in line else [])
        span = next(quoted, None)
        city = _CITY_STOP.match(line)
        for match in _SENTENCE_END.finditer(line):
            if city is not None and match.start() < city.end():
                continue  # "MINSK. Aug 14 (Interfax) - …": the dateline's city, not a sentence
            while span is not None and span[1] <= match.start():  # both run left to right: one pass
                span = next(quoted, None)
            if span is not None and span[0] < match.start():
                continue
            before = line[max(begin, match.start() - _WORD_WINDOW) : match.start()]
            found = _LAST_WORD.search(before)
            word = found.group() if found else ""
            if word.lower().rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word):
                continue
            _add(sentences, text, offset, line, begin, match.end(), paragraph)
            begin = match.end()
        _add(sentences, text, offset, line, begin, len(line), paragraph)
    return sentences


def _add(out: list[Sentence], text: str, offset: int, line: str, begin: int, end: int, paragraph: int) -> None:
    chunk = line[begin:end]
    stripped = chunk.strip()
    if not stripped:
        return
    start = offset + begin + (len(chunk) - len(chunk.lstrip()))
    out.append(Sentence(len(out), stripped, start, start + len(stripped), paragraph))
