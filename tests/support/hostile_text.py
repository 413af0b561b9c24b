"""Hostile article texts for the linear-time checks (``tests/extract/test_linear_time.py``, ``bench/linear_time.py``).

Each family is a function of a size in characters; each repeats one unit that a backtracking pattern
could take many ways: blank lines with spaces, runs of Markdown markers that never close, very long
words, abbreviations that never end a sentence, hard-wrapped lines that keep joining one paragraph.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from geo.core.errors import IngestError
from geo.extract.text import clean_text

if TYPE_CHECKING:
    from geo.extract import Extractor

#: Every text opens as a Markdown report with one real sentence, so the Markdown path and the extractor run.
_HEAD = "# Report\n\nBelarus held exercises near Brest on 2 May 2024. "
#: The unit repeated by each family.
UNITS: dict[str, str] = {
    "blank lines with spaces": " \n",
    "blank lines, tabs and spaces": " \t \n\n",
    "hashes": "#",
    "heading markers": "# \n",
    "stars": "*",
    "opening brackets": "[",
    "bracket-paren pairs": "[a](",
    "image openers": "![",
    "opening parens": "(",
    "backticks": "`",
    "fences": "```\n",
    "dashes": "-",
    "list markers": "- \n",
    "quote markers": "> ",
    "underscores": "__a",
    "lone stars": "*a ",
    "exclamation marks": "!",
    "one long word": "a",
    "abbreviations": "Gen. ",
    "wrapped lines": "belarus\n",
    "capitalised words": "Brest ",
    "known exercise names": "Zapad ",
    "numbers": "1,000 ",
    "month names": "May ",
    "quotes": '"',
    # full stops inside and outside «…» runs: the sentence splitter and the guillemet name lists
    "guillemet name lists": "«a. b» Zapad c. «",
    "mixed markup": " # * [ ( ` - > ** __ ! \n",
}


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return _HEAD + unit * (size // len(unit))

    return make


FAMILIES: dict[str, Callable[[int], str]] = {name: _repeat(unit) for name, unit in UNITS.items()}
#: Families whose every sentence names an exercise, so that grouping, dates and places work per sentence:
#: seconds per size, so only ``bench/linear_time.py`` runs them (their quadratic terms, since removed, only
#: showed past ~50,000 characters, beyond what the suite can afford to time).
BENCH_FAMILIES: dict[str, Callable[[int], str]] = {
    **FAMILIES,
    "a quoted known name in every sentence": _repeat('"Zapad" b. '),
}

#: Largest time ratio allowed between 2n and n characters (linear work gives about 2, quadratic 4).
MAX_RATIO = 3.0


def process(extractor: Extractor) -> Callable[[str], None]:
    """Return the work an upload gets: clean the text, then extract its events."""

    def run(text: str) -> None:
        try:
            cleaned = clean_text(text, name="hostile.md")
        except IngestError:  # refused with a message: that is handled input too
            return
        extractor.extract(cleaned)

    return run


def best_times(work: Callable[[str], None], small: str, large: str, repeat: int) -> tuple[float, float]:
    """Return the fastest of ``repeat`` runs of ``work`` on ``small`` and on ``large`` (seconds).

    The runs alternate (small, large, small, …) with the garbage collector paused, so that a load from
    other processes slows both sizes alike instead of one of them.
    """
    times: tuple[list[float], list[float]] = ([], [])
    collecting = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            for text, out in zip((small, large), times, strict=True):
                start = time.perf_counter()
                work(text)
                out.append(time.perf_counter() - start)
    finally:
        if collecting:
            gc.enable()
    return min(times[0]), min(times[1])
