"""Source grading with the Admiralty code (NATO STANAG 2511 / AJP-2.1): the one home of its rules.

A grade has two independent parts: the **reliability** of the source, ``A`` (completely reliable) to
``E`` (unreliable) and ``F`` (reliability cannot be judged), and the **credibility** of the information,
``1`` (confirmed by other sources) to ``5`` (improbable) and ``6`` (truth cannot be judged). Either part
may be "not graded" (None).

Rules every face uses (popups, tables, slides, exports, the site filter, the Review page):

* **Effective grade** (:func:`effective_grade`): each part is the citation's own value when an analyst set
  it (the override), else the outlet's default from ``data/source_grades.yaml`` (:func:`outlet_grade`,
  matched by seed file or by URL domain), else not graded. Reliability describes the outlet and
  credibility the one report, so an analyst may override one part and keep the other's default.
* **Threshold** (:func:`meets`): a grade meets "B2 or better" when its reliability is ``A`` or ``B`` *and*
  its credibility is ``1`` or ``2``. ``F``, ``6`` and "not graded" never meet a threshold (they say
  nothing about trust); neither does a grade with one part missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import yaml

from geo.core import settings

#: Source reliability, best first, with STANAG 2511's wording.
RELIABILITY: Final[dict[str, str]] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
#: Information credibility, best first, with STANAG 2511's wording.
CREDIBILITY: Final[dict[int, str]] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
#: What a reader sees for a citation with no grade at all.
NOT_GRADED: Final = "not graded"
#: The data file of outlet defaults.
GRADES_FILE: Final = "source_grades.yaml"
#: Thresholds offered by the dashboard's filter, strictest first (every A–E × 1–5 is accepted).
THRESHOLDS: Final[tuple[str, ...]] = tuple(f"{r}{c}" for r in "ABCDE" for c in range(1, 6))

_GRADE = re.compile(r"^\s*([A-Fa-f])\s*([1-6])\s*$")


def check_reliability(value: str | None) -> str | None:
    """Validate a reliability letter (``A``–``F``, any case); None is "not graded"."""
    if value is None:
        return None
    letter = value.strip().upper()
    if letter not in RELIABILITY:
        msg = f"reliability {value!r} is not an Admiralty letter: A (completely reliable) … F (cannot be judged)"
        raise ValueError(msg)
    return letter


def check_credibility(value: int | None) -> int | None:
    """Validate a credibility digit (1–6); None is "not graded"."""
    if value is None:
        return None
    if isinstance(value, bool) or value not in CREDIBILITY:
        msg = f"credibility {value!r} is not an Admiralty digit: 1 (confirmed) … 6 (truth cannot be judged)"
        raise ValueError(msg)
    return value


def parse_threshold(text: str) -> str:
    """Parse a threshold such as ``"B2"`` (any case); return it upper-case.

    Raises
    ------
    ValueError
        When the text is not a letter A–E followed by a digit 1–5 (F and 6 say nothing about trust, so
        "F6 or better" would not be a threshold).
    """
    match = _GRADE.match(text or "")
    if not match or match.group(1).upper() == "F" or match.group(2) == "6":
        msg = f"grade must be a letter A–E and a digit 1–5 such as B2, got {text!r}"
        raise ValueError(msg)
    return f"{match.group(1).upper()}{match.group(2)}"


@dataclass(frozen=True)
class Grade:
    """An Admiralty grade; either part may be None (not graded).

    ``origin`` says where each part came from: ``citation`` (an analyst's own grade), ``outlet``
    (the default of ``data/source_grades.yaml``) or ``mixed``; empty when not graded.
    """

    reliability: str | None = None
    credibility: int | None = None
    origin: str = ""

    @property
    def code(self) -> str:
        """``"B2"``; a missing part is ``-`` (``"B-"``); ``"not graded"`` when both are missing."""
        if self.reliability is None and self.credibility is None:
            return NOT_GRADED
        return f"{self.reliability or '-'}{self.credibility or '-'}"

    @property
    def text(self) -> str:
        """The grade with its meaning and origin, e.g. ``B2 (usually reliable; probably true; outlet default)``."""
        if self.code == NOT_GRADED:
            return NOT_GRADED
        parts = [
            RELIABILITY[self.reliability] if self.reliability else "reliability not graded",
            CREDIBILITY[self.credibility] if self.credibility else "credibility not graded",
            {"citation": "analyst's grade", "outlet": "outlet default", "mixed": "analyst's grade and outlet default"}[
                self.origin
            ],
        ]
        return f"{self.code} ({'; '.join(parts)})"


@dataclass(frozen=True)
class OutletGrade:
    """One entry of ``data/source_grades.yaml``: a default grade for an outlet, with the reasoning."""

    outlet: str
    reliability: str | None
    credibility: int | None
    reason: str


def load_outlet_grades(path: Path | None = None) -> dict[str, OutletGrade]:
    """Read and validate the outlet defaults: ``{domain or seed:<file>: OutletGrade}``.

    Raises
    ------
    ValueError
        Naming the entry when an outlet is repeated, a grade is not Admiralty, or the reasoning is missing.
    """
    path = path or settings.DATA_DIR / GRADES_FILE
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("outlets") or []
    grades: dict[str, OutletGrade] = {}
    for i, entry in enumerate(entries):
        outlet = str(entry.get("outlet") or "").strip().lower()
        where = f"{path.name}: outlet #{i + 1} ({outlet or 'no name'})"
        reason = str(entry.get("reason") or "").strip()
        if not outlet or outlet in grades or len(reason) < 20:
            problem = "has no name" if not outlet else "is repeated" if outlet in grades else "needs a reason"
            msg = f"{where} {problem}"
            raise ValueError(msg)
        try:
            rel, cred = check_reliability(entry.get("reliability")), check_credibility(entry.get("credibility"))
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from exc
        grades[outlet] = OutletGrade(outlet, rel, cred, reason)
    return grades


def _default_grades() -> dict[str, OutletGrade]:
    # A data folder without the file (DRILLMAP_DATA_DIR elsewhere) has no defaults; a broken file is an error.
    path = settings.DATA_DIR / GRADES_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        return {}
    return _grades_of(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _grades_of(path: Path, mtime_ns: int, size: int) -> dict[str, OutletGrade]:
    """The file's grades, read again when it changes (a long-running dashboard sees an edit, as its cache does)."""
    del mtime_ns, size  # the cache key only
    return load_outlet_grades(path)


def outlet_grades() -> list[OutletGrade]:
    """Return the outlet defaults of ``data/source_grades.yaml`` (read when it changes), best grade first."""
    return sorted(_default_grades().values(), key=lambda g: ((g.reliability or "Z"), g.credibility or 9, g.outlet))


def outlet_key(source: str) -> str:
    """Return the key a source is graded under: ``seed:<file>`` as is, a URL's host without ``www.`` and port."""
    if not source.startswith(("http://", "https://")):
        return source.strip()
    host = (urlsplit(source).hostname or "").lower()
    return host.removeprefix("www.")


def outlet_grade(source: str, grades: Mapping[str, OutletGrade] | None = None) -> OutletGrade | None:
    """Return the outlet default for a source: exact seed file or host, else its nearest parent domain."""
    grades = _default_grades() if grades is None else grades
    key = outlet_key(source)
    while key:
        if key in grades:
            return grades[key]
        if key.startswith("seed:") or "." not in key:
            return None
        key = key.split(".", 1)[1]
    return None


def effective_grade(citation: Mapping[str, Any], grades: Mapping[str, OutletGrade] | None = None) -> Grade:
    """Return a citation's effective grade: per part, its own value, else the outlet default, else None."""
    own_r, own_c = citation.get("reliability"), citation.get("credibility")
    default = outlet_grade(str(citation.get("source") or ""), grades)
    rel = own_r if own_r is not None else (default.reliability if default else None)
    cred = own_c if own_c is not None else (default.credibility if default else None)
    origins = {
        "citation" if own is not None else "outlet" for own, part in ((own_r, rel), (own_c, cred)) if part is not None
    }
    origin = "" if not origins else origins.pop() if len(origins) == 1 else "mixed"
    return Grade(rel, None if cred is None else int(cred), origin)


def graded(citation: dict[str, Any]) -> dict[str, Any]:
    """Return a citation mapping with its effective grade added: ``grade`` (code) and ``grade_text``."""
    grade = effective_grade(citation)
    return {**citation, "grade": grade.code, "grade_text": grade.text}


def meets(grade: Grade | str | None, threshold: str) -> bool:
    """Return True when a grade (or its code) is at least as good as ``threshold`` on both parts.

    >>> meets("A1", "B2"), meets("B3", "B2"), meets("F1", "B2"), meets("not graded", "B2")
    (True, False, False, False)
    """
    code = grade.code if isinstance(grade, Grade) else str(grade or "")
    match = _GRADE.match(code)
    if not match or match.group(1).upper() == "F" or match.group(2) == "6":
        return False
    want = parse_threshold(threshold)
    return match.group(1).upper() <= want[0] and int(match.group(2)) <= int(want[1])


def grade_label(code: str) -> str:
    """Return a grade code as a reader sees it beside a fact: ``"grade B2"``, or ``"not graded"``."""
    return code if code == NOT_GRADED else f"grade {code}"


def grade_order(code: str) -> tuple[str, str]:
    """Sort key of grade codes: best reliability first, then best credibility; "not graded" last."""
    return (code[0] if code[0] in RELIABILITY else "Z", code[1:] if code != NOT_GRADED else "9")


def figure_grade(figure: Mapping[str, Any], citations: Sequence[Mapping[str, Any]]) -> str:
    """Return the effective grades of the citations supporting a figure, best first: ``"B2"``, ``"B2, D4"``.

    ``citations`` are rows' citation mappings with ``id`` and ``grade`` (:func:`graded`).
    """
    return figure_grades([figure], citations)[0]


def figure_grades(figures: Sequence[Mapping[str, Any]], citations: Sequence[Mapping[str, Any]]) -> list[str]:
    """Return :func:`figure_grade` of each figure, reading the citations' grades once for all of them."""
    cites = [set(figure.get("cite") or ()) for figure in figures]
    wanted = set().union(*cites)
    by_id: dict[Any, set[str]] = {}
    for c in citations:  # only the cited ones: a large map reads this for thousands of exercises
        cid = c.get("id")
        if cid in wanted:
            by_id.setdefault(cid, set()).add(str(c.get("grade") or NOT_GRADED))
    out = []
    none: set[str] = set()
    for ids in cites:
        if len(ids) == 1:  # the usual case
            codes = by_id.get(next(iter(ids)), none)
        else:
            codes = set().union(*(by_id.get(cid, none) for cid in ids))
        out.append(", ".join(sorted(codes, key=grade_order)) if len(codes) > 1 else next(iter(codes), NOT_GRADED))
    return out


def best_grade(citations: Sequence[Mapping[str, Any]]) -> str:
    """Return the best effective grade code among citations (``grade`` keys), or ``"not graded"``.

    Best = the best reliability, then the best credibility (``B2`` before ``B3`` before ``C1``); a complete
    grade comes before a partial one (``B-``). Used by the tables' "best grade" columns.
    """
    codes = [str(c.get("grade") or NOT_GRADED) for c in citations]
    graded_codes = sorted((c for c in codes if c != NOT_GRADED), key=grade_order)
    return graded_codes[0] if graded_codes else NOT_GRADED


#: The export columns of a site's best grade (:func:`grade_columns`).
GRADE_COLUMNS: Final = ("grade", "source_reliability", "info_credibility")


def grade_columns(citations: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Return a site's grade export columns: ``grade`` (best code or "not graded"), its letter and digit.

    ``source_reliability`` (A–F) and ``info_credibility`` (1–6) are None when that part is not graded.
    """
    code = best_grade(citations)
    if code == NOT_GRADED:
        return {"grade": code, "source_reliability": None, "info_credibility": None}
    return {
        "grade": code,
        "source_reliability": code[0] if code[0] in RELIABILITY else None,
        "info_credibility": int(code[1]) if code[1].isdigit() else None,
    }


def figures_meeting(
    figures: Sequence[Mapping[str, Any]], citations: Sequence[Mapping[str, Any]], threshold: str
) -> list[Mapping[str, Any]]:
    """Return the figures with at least one supporting citation that :func:`meets` ``threshold``."""
    good = {c.get("id") for c in citations if meets(str(c.get("grade") or ""), threshold)}
    return [f for f in figures if good & set(f.get("cite") or [])]


def grade_changes(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Return ``{citation id: {"before": code, "after": code}}`` for citations whose own grade changed.

    Used by the store's audit record; the codes are the citation's own grade (not the outlet default).
    """
    old = (before or {}).get("citations") or {}
    changes = {}
    for cid, citation in (after.get("citations") or {}).items():
        prev = old.get(cid) or {}
        b = Grade(prev.get("reliability"), prev.get("credibility")).code
        a = Grade(citation.get("reliability"), citation.get("credibility")).code
        if before is not None and a != b:
            changes[cid] = {"before": b, "after": a}
    return changes
