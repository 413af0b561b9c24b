"""Troop numbers and equipment counts as a report states them.

:func:`find_figures` reads "An estimated 2,500 troops", "up to 9,000 military personnel", "some 170
tanks", "up to 100 artillery pieces and mortars", "between 3,000 and 5,000 soldiers" and returns
:class:`FigureMention` objects whose qualifier uses the catalog's vocabulary
(:data:`geo.catalog.schema.Qualifier`). Nothing is averaged or rounded: a range keeps both ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Qualifier words → the catalog's qualifier. Longest first when matching.
QUALIFIERS: dict[str, str] = {
    "an estimated": "estimated", "estimated": "estimated", "an approximate": "about", "approximately": "about",
    "about": "about", "around": "about", "roughly": "about", "some": "about", "nearly": "about", "almost": "about",
    "close to": "about", "circa": "about", "~": "about", "up to": "up to", "as many as": "up to",
    "a maximum of": "up to", "more than": "more than", "over": "more than", "in excess of": "more than",
    "just over": "more than", "upwards of": "more than", "at least": "at least", "no fewer than": "at least",
    "not less than": "at least", "no more than": "up to", "not more than": "up to", "fewer than": "fewer than",
    "less than": "fewer than", "a little less than": "fewer than", "just under": "fewer than", "under": "fewer than",
}  # fmt: skip

#: Nouns counted as troops (the catalog's ``what: troops``).
TROOP_NOUNS = (
    "troops", "soldiers", "servicemen", "servicewomen", "service members", "military personnel", "personnel",
    "paratroopers", "marines", "sailors", "reservists", "conscripts", "participants", "men",
    "fighters", "officers", "airmen",
)  # fmt: skip
#: Equipment nouns; the words before them (armored, combat …) stay in the ``what``.
EQUIPMENT_NOUNS = (
    "tanks", "vehicles", "armored vehicles", "armoured vehicles", "artillery pieces", "artillery systems", "guns",
    "mortars", "howitzers", "aircraft", "planes", "jets", "fighter jets", "helicopters", "drones", "UAVs",
    "ships", "warships", "vessels", "boats", "submarines", "missile launchers", "launchers", "missile systems",
    "air defense systems", "air defence systems", "rocket launchers", "pieces of equipment", "units of equipment",
    "pieces of military equipment", "units of military equipment", "items of equipment", "trains",
    *(
        f"{count} of {military}{what}"
        for count in ("pieces", "units", "items")
        for military in ("", "military ")
        for what in ("hardware", "weapons", "weaponry", "armament", "arms")
    ),
    *(
        f"{count} of {arms} and {military}{what}"
        for count in ("pieces", "units", "items")
        for arms in ("weapons", "weaponry", "armament", "arms")
        for military in ("", "military ")
        for what in ("equipment", "hardware")
    ),
)  # fmt: skip

_WORD_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100,
    "a thousand": 1000, "one thousand": 1000, "dozens": 0,
}  # fmt: skip
_SCALE = {"thousand": 1_000, "million": 1_000_000}

#: Thousands grouped by a comma, a space or, as continental European copy writes them, a full stop ("12.000 soldiers").
_NUM = r"(?:\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:thousand|million))?"
_WORDNUM = "|".join(sorted((k for k in _WORD_NUMBERS if k != "dozens"), key=len, reverse=True))
_ANYNUM = rf"(?:{_NUM}|(?i:{_WORDNUM})(?:\s+(?:thousand|hundred))?)"


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_QUAL = _alt(list(QUALIFIERS))
#: A cheap test before the long pattern: a digit or a number word.
_MAYBE_NUMBER = re.compile(rf"\d|\b(?i:{_WORDNUM})\b")
_UNIT = _alt(TROOP_NOUNS + EQUIPMENT_NOUNS)
_FIGURE = re.compile(
    rf"(?:(?P<qual>(?i:{_QUAL}))\s+)?"
    rf"(?:(?i:between)\s+(?P<lo>{_ANYNUM})\s+and\s+(?P<hi>{_ANYNUM})|(?P<n>{_ANYNUM})(?:\s*(?:-|–|to)\s*(?P<n2>{_ANYNUM}))?)"
    rf"\s+(?P<filler>(?:(?!(?:{_UNIT})\b)[A-Za-z][\w-]*\s+){{0,3}}?)(?P<unit>(?i:{_UNIT}))"
    rf"(?P<more>\s+and\s+(?!\d)(?:(?i:{_UNIT})))?\b"
)
#: Words that may sit between a number and its noun ("2,500 Russian troops", "200 armored combat vehicles").
_FILLER_OK = re.compile(
    r"^(?:(?:[A-Z][a-z]+|armou?red|combat|military|heavy|light|main|battle|infantry|fighting|self-propelled|"
    r"artillery|air|naval|transport|attack|multiple|rocket|special|foreign|additional|more|new|modern|reserve|"
    r"contract|active|airborne|mechanized|of|military-technical|tactical|strategic)\s+)*$"
)
#: Numbers followed by these are not troop counts even if a troop noun follows later.
_NOT_TROOPS = re.compile(r"^(?:years?|days?|km|kilometers?|kilometres?|miles?|percent|%|per\s+cent)\b", re.I)


@dataclass(frozen=True)
class FigureMention:
    """A figure as stated: value, optional upper end, qualifier and the words as written.

    Attributes
    ----------
    what
        ``troops``, or the equipment noun phrase as written without nationality words
        ("tanks", "armored combat vehicles", "artillery pieces and mortars").
    value, value_max
        The number (the lower end of a range) and the upper end of a range.
    qualifier
        ``exact``, ``about``, ``up to``, ``more than``, ``at least``, ``fewer than``, ``estimated`` or ``range``.
    as_stated
        The words as written ("An estimated 2,500 troops").
    start, end
        Offsets in the sentence.
    """

    what: str
    value: int
    value_max: int | None
    qualifier: str
    as_stated: str
    start: int
    end: int

    @property
    def is_troops(self) -> bool:
        """Whether the figure counts people rather than equipment."""
        return self.what == "troops"


def parse_number(text: str) -> int | None:
    """Return the integer a number phrase states ("2,500", "9 000", "12.000", "1.5 million", "two thousand") or None."""
    raw = re.sub(r"\s+", " ", text.strip().lower())
    scale = 1
    for word, factor in _SCALE.items():
        if raw.endswith(word):
            scale, raw = factor, raw[: -len(word)].strip()
    if raw.endswith(" hundred"):
        scale, raw = scale * 100, raw[: -len(" hundred")].strip()
    if raw in _WORD_NUMBERS:
        return _WORD_NUMBERS[raw] * scale or None
    digits = re.sub(r"[,\u00a0\u202f ]", "", raw)
    if scale == 1 and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
        digits = digits.replace(".", "")  # "12.000 soldiers": a full stop grouping thousands, not a decimal point
    if not re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return None
    value = float(digits) * scale
    return int(value) if value == int(value) else None


def _what(filler: str, unit: str, more: str | None) -> str:
    words = [w for w in filler.split() if not w[:1].isupper() or w.lower() in ("armored", "armoured")]
    noun = re.sub(r"\s+", " ", unit.strip())
    if noun.lower() in (n.lower() for n in TROOP_NOUNS):
        return "troops"
    phrase = " ".join([*(w.lower() for w in words), noun])
    if more:
        phrase += " " + re.sub(r"\s+", " ", more.strip())
    return phrase


def find_figures(sentence: str) -> list[FigureMention]:
    """Return the troop and equipment figures of a sentence, in text order.

    A figure is a number (digits with thousands separators, or words), optionally qualified ("an
    estimated", "up to", "some", "more than", "at least") or a range ("between 3,000 and 5,000",
    "3,000-5,000"), followed within three descriptive words by a troop or equipment noun. Years and
    numbers of days or kilometres are not figures.
    """
    out: list[FigureMention] = []
    if not _MAYBE_NUMBER.search(sentence):
        return out
    for match in _FIGURE.finditer(sentence):
        filler = match.group("filler") or ""
        if not _FILLER_OK.match(filler) or _NOT_TROOPS.match(filler):
            continue
        lo_text = match.group("lo") or match.group("n")
        hi_text = match.group("hi") or match.group("n2")
        value = parse_number(lo_text)
        if value is None:
            continue
        value_max = parse_number(hi_text) if hi_text else None
        if re.fullmatch(r"(?:19|20)\d\d", lo_text.strip()) and value_max is None and not match.group("qual"):
            continue  # "2014 troops" is far likelier a year followed by a noun than a count
        unit = match.group("unit")
        if unit.lower() in ("men", "officers") and not match.group("qual") and value < 10:
            continue
        qual_text = (match.group("qual") or "").lower()
        qualifier = QUALIFIERS.get(re.sub(r"\s+", " ", qual_text), "exact") if qual_text else "exact"
        if value_max is not None:
            if value_max < value:
                continue
            qualifier = "range" if qualifier == "exact" else qualifier
        out.append(
            FigureMention(
                what=_what(filler, unit, match.group("more")),
                value=value,
                value_max=value_max,
                qualifier=qualifier,
                as_stated=match.group(0).strip(),
                start=match.start(),
                end=match.end(),
            )
        )
    return out
