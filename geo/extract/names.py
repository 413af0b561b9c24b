"""Exercise names as written, and their normalised form.

A name is found when it is

* a known exercise family (:data:`FAMILIES`, plus every proper-noun name and alternate name of the
  catalog): "Combat Brotherhood 2023", "Unbreakable Brotherhood", "Indestructible Brotherhood",
  "‘West-2025’". Families whose name is a common word (West, Interaction, Search) need a year,
  quotes or "called" to count;
* introduced by "called", "named", "dubbed", "code-named" or "under the name": "called Slavic
  Brotherhood-2020";
* quoted and followed by an exercise word or carrying a year: "‘Interaction-2025’", "the ‘West-2025’ drills";
* capitalised words with a year before an exercise word: "the Iron Wolf 2017 exercises".

Normalisation maps spelling and translation variants to one family name (West → Zapad,
Indestructible → Unbreakable Brotherhood, Allied → Union Resolve) and writes the year after a hyphen:
"Zapad-2025", "Combat Brotherhood-2023". A name without a year stays without one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from geo import gazetteer
from geo.catalog_schema import Exercise
from geo.extract.lexicon import iso3_of
from geo.gazetteer import normalize_name

#: Known exercise families: (normalised name, variants as written, needs a year/quotes/"called").
FAMILIES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("Zapad", ("Zapad", "West", "Запад"), True),
    ("Union Shield", ("Union Shield", "Shield of the Union", "Щит Союза"), False),
    ("Union Resolve", ("Union Resolve", "Allied Resolve", "Союзная решимость"), False),
    ("Combat Brotherhood", ("Combat Brotherhood", "Боевое братство"), False),
    ("Unbreakable Brotherhood", ("Unbreakable Brotherhood", "Indestructible Brotherhood", "Нерушимое братство"), False),
    ("Slavic Brotherhood", ("Slavic Brotherhood", "Slavonic Brotherhood", "Славянское братство"), False),
    ("Interaction", ("Interaction", "Vzaimodeistvie", "Взаимодействие"), True),
    ("Search", ("Search", "Poisk", "Поиск"), True),
    ("Echelon", ("Echelon", "Эшелон"), True),
    ("Cooperation", ("Cooperation", "Взаимодействие"), True),
    ("Rubezh", ("Rubezh", "Frontier", "Рубеж"), True),
    ("Iron Wolf", ("Iron Wolf", "Geležinis Vilkas"), False),
    ("Saber Strike", ("Saber Strike", "Sabre Strike"), False),
    ("Defender Europe", ("Defender Europe", "Defender-Europe"), False),
    ("Steadfast Defender", ("Steadfast Defender",), False),
    ("Anakonda", ("Anakonda", "Anaconda"), True),
    ("BALTOPS", ("BALTOPS", "Baltops"), False),
    ("Dragon", ("Dragon",), True),
)

EXERCISE_WORDS = r"(?:exercises?|drills?|maneuvers|manoeuvres|war\s+games|wargames|games|training)"
_YEAR = r"(?:19[89]\d|20\d\d)"
_QUOTES_OPEN = "‘'\"“«"
_QUOTES_CLOSE = "’'\"”»"
_CALLED = re.compile(
    r"(?i:\b(?:called|named|dubbed|code-?named|codenamed|titled|under\s+the\s+(?:code\s*)?name))\s+"
    r"[‘'\"“«]?(?P<name>[A-Z][\w’]*(?:[\s-](?:[A-Z][\w’]*|" + _YEAR + r"))*)"
)
_QUOTED = re.compile(r"[‘\"“«](?P<name>[A-Z][\w’-]*(?:\s(?:of|the|and|[A-Z0-9][\w’-]*)){0,4})[’\"”»]")
_CAP_YEAR = re.compile(r"(?P<name>(?:[A-Z][a-z]+[\s-]){1,3}" + _YEAR + r")\b")
_STOP_WORDS = frozenset(
    [
        "the",
        "in",
        "on",
        "at",
        "of",
        "for",
        "by",
        "from",
        "since",
        "until",
        "during",
        "after",
        "before",
        "this",
        "that",
        "these",
        "those",
        "a",
        "an",
        "and",
        "or",
        "joint",
        "military",
        "combined",
        "strategic",
        "tactical",
        "command",
        "staff",
        "snap",
        "naval",
        "air",
        "large",
        "major",
        "new",
        "annual",
        "exercise",
        "exercises",
        "drill",
        "drills",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "nato",
        "csto",
        "eu",
        "un",
        "according",
        "kazakhstan",
        "says",
    ]
)
_DISTINCT = re.compile(r"\b(?:another|separate|second|different|other|previously\s+planned|next|further)\b", re.I)


@dataclass(frozen=True)
class NameMention:
    """An exercise name found in a sentence.

    Attributes
    ----------
    text
        The name as written, quotes removed ("Combat Brotherhood 2023", "West-2025").
    start, end
        Offsets in the sentence.
    base
        The normalised family name without the year ("Zapad", "Unbreakable Brotherhood").
    year
        The year written in the name, if any.
    distinct
        Whether the sentence introduces it as another exercise ("another set of exercises called …").
    """

    text: str
    start: int
    end: int
    base: str
    year: int | None
    distinct: bool = False

    @property
    def normalized(self) -> str:
        """The normalised name: family name, then ``-YYYY`` when the name carries a year."""
        return f"{self.base}-{self.year}" if self.year else self.base

    @property
    def key(self) -> str:
        """Folded family name for matching (``"zapad"``)."""
        return name_key(self.base)


def name_key(base: str) -> str:
    """Fold a family name for comparison: case, dashes and the word "exercise" dropped."""
    key = normalize_name(base).replace("-", " ")
    key = re.sub(r"\b(?:exercises?|drills?|the)\b", " ", key)
    return re.sub(r"\s+", " ", key).strip()


def split_year(name: str) -> tuple[str, int | None]:
    """Split "Zapad-2025" / "Combat Brotherhood 2023" into ("Zapad", 2025)."""
    match = re.match(r"^(?P<base>.*?)[\s\-–]*(?P<year>" + _YEAR + r")$", name.strip())
    if match and match.group("base"):
        return match.group("base").strip(" -–"), int(match.group("year"))
    return name.strip(), None


def _proper(name: str) -> bool:
    words = name.replace("-", " ").split()
    if not 1 <= len(words) <= 6 or "(" in name:
        return False
    return all(w[:1].isupper() or w.isdigit() or w in ("of", "the") for w in words)


@dataclass
class NameLexicon:
    """Variant spellings of known exercise names mapped to their normalised family name.

    Build it once with :meth:`from_catalog` (the built-in :data:`FAMILIES` plus every proper-noun name
    and alternate name of the catalog) and reuse it for every article.
    """

    variants: dict[str, str] = field(default_factory=dict)
    needs_year: set[str] = field(default_factory=set)

    @classmethod
    def from_catalog(cls, exercises: Iterable[Exercise] = ()) -> NameLexicon:
        """Return the lexicon of the built-in families and the catalog's names."""
        lexicon = cls()
        for base, variants, needs_year in FAMILIES:
            for variant in variants:
                lexicon.variants[variant] = base
                if needs_year:
                    lexicon.needs_year.add(variant)
        for exercise in exercises:
            for name in (exercise.name, *exercise.alt_names):
                base, _ = split_year(name)
                if _proper(base) and base not in lexicon.variants:
                    known = next((b for v, b in lexicon.variants.items() if name_key(v) == name_key(base)), None)
                    lexicon.variants[base] = known or base
        return lexicon

    def canonical(self, base: str) -> str:
        """Return the normalised family name of a base name as written (itself if unknown)."""
        if base in self.variants:
            return self.variants[base]
        key = name_key(base)
        for variant, canonical in self.variants.items():
            if name_key(variant) == key:
                return canonical
        return " ".join(base.split())

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Regex of every variant, longest first, with an optional year."""
        ordered = sorted(self.variants, key=len, reverse=True)
        alternation = "|".join(re.escape(v).replace(r"\ ", r"[\s-]") for v in ordered)
        return re.compile(rf"(?<![\w-])(?P<base>{alternation})(?:(?:\s*[-–]\s*|\s+)(?P<year>{_YEAR})(?!\d))?(?![\w])")


def _is_place_or_country(text: str) -> bool:
    key = normalize_name(text)
    return bool(iso3_of(text)) or key in gazetteer.town_index() or key in gazetteer.site_index()


def _title_case_sentence(sentence: str) -> bool:
    words = re.findall(r"[A-Za-z]+", sentence)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def find_names(sentence: str, lexicon: NameLexicon) -> list[NameMention]:
    """Return the exercise names of a sentence, in text order, without overlaps.

    Parameters
    ----------
    sentence
        One sentence.
    lexicon
        Known names (:meth:`NameLexicon.from_catalog`).
    """
    found: list[NameMention] = []

    def add(text: str, start: int, end: int) -> None:
        text = text.strip().strip(_QUOTES_OPEN + _QUOTES_CLOSE).strip()
        base, year = split_year(text)
        words = [w.lower() for w in re.findall(r"[\w’]+", base)]
        if not words or all(w in _STOP_WORDS for w in words) or words[0] in _STOP_WORDS:
            return
        if _is_place_or_country(base) or (any(iso3_of(w) for w in base.split()) and base not in lexicon.variants):
            return
        if any(start < f.end and f.start < end for f in found):
            return
        canonical = lexicon.canonical(base)
        before = sentence[max(0, start - 60) : start]
        found.append(NameMention(text, start, end, canonical, year, bool(_DISTINCT.search(before))))

    for match in lexicon.pattern.finditer(sentence):
        variant = match.group("base")
        quoted = match.start() > 0 and sentence[match.start() - 1] in _QUOTES_OPEN
        called = bool(re.search(r"(?i:called|named|dubbed|name)\s+[‘'\"“«]?$", sentence[: match.start()]))
        if variant in lexicon.needs_year and not (match.group("year") or quoted or called):
            continue
        add(match.group(0), match.start(), match.end())
    for match in _CALLED.finditer(sentence):
        add(match.group("name"), match.start("name"), match.end("name"))
    for match in _QUOTED.finditer(sentence):
        name = match.group("name")
        after = sentence[match.end() : match.end() + 30]
        if re.search(_YEAR + r"$", name) or re.match(rf"\s+(?:\w+\s+)?{EXERCISE_WORDS}\b", after, re.I):
            add(name, match.start("name"), match.end("name"))
    if not _title_case_sentence(sentence):
        for match in _CAP_YEAR.finditer(sentence):
            after = sentence[match.end() : match.end() + 30]
            if re.match(rf"[’'\"”»]?\s+(?:\w+\s+)?{EXERCISE_WORDS}\b", after, re.I):
                add(match.group("name"), match.start("name"), match.end("name"))
        for match in re.finditer(rf"(?P<name>(?:[A-Z][a-z]+\s+){{1,3}}){EXERCISE_WORDS}\b", sentence):
            name = match.group("name").strip()
            if name in lexicon.variants or (len(name.split()) >= 2 and _unknown_proper(name)):
                add(name, match.start("name"), match.start("name") + len(name))
    return sorted(found, key=lambda m: m.start)


def _unknown_proper(name: str) -> bool:
    """Whether capitalised words before "exercises" look like a name ("Unbreakable Brotherhood")."""
    words = name.split()
    return not any(w.lower() in _STOP_WORDS or iso3_of(w) for w in words)
