"""Exercise names as written, and their normalised form.

A name is found when it is

* a known exercise family (:data:`geo.extract.series.FAMILIES`, plus every proper-noun name and alternate name of the
  catalog): "Combat Brotherhood 2023", "Unbreakable Brotherhood", "Indestructible Brotherhood",
  "‘West-2025’", "Shchit Soyuza-2023", "Dragon-24", "BALTOPS 22". Variants that are common words
  (West, Interaction, Search) need a four-digit year (two digits after a hyphen), quotes or "called" to
  count; the transliterations of such families (Zapad, Vostok) also count next to an exercise word
  ("the Zapad strategic exercise");
* introduced by "called", "named", "dubbed", "code-named" or "under the name": "called Slavic
  Brotherhood-2020", "drills dubbed Baltic Storm";
* quoted (curly or straight quotes) and next to an exercise word or carrying a year: "‘Interaction-2025’",
  "the ‘West-2025’ drills", "the 'Clear Sky' exercise";
* capitalised words with a year before an exercise word, modifiers allowed: "the Iron Wolf 2017
  exercises", "The Vostok-2022 strategic command and staff exercise";
* capitalised words with a year after an exercise word: "the joint exercise Northern Shield-2025".

Normalisation maps spelling, translation and transliteration variants to one family name (another
romanisation of a known name too, by rapidfuzz ratio on accent-folded keys or by romanisation skeleton:
"Slavianskoe Bratstvo", "Gelezinis Vilkas", "Shchyt Sayuza"; :mod:`geo.extract.name_romanisation`) (West →
Zapad, Indestructible → Unbreakable Brotherhood, Allied → Union Resolve, Poisk → Search) and writes the
year after a hyphen, then the edition if any: "Zapad-2025", "Combat Brotherhood-2023", "Iron
Wolf-2024-II". A name without a year stays without one. A name the sentence introduces as another
exercise ("another set of exercises called …", "Separately, …", "The last large-scale exercise, …") is
marked ``distinct``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from geo.catalog.schema import Exercise
from geo.extract.cues import IS_AN_EXERCISE, PREPARED_FOR
from geo.extract.lexicon import iso3_of
from geo.extract.name_forms import NOT_NAME_WORD, OBJECT_OF, any_case, more_name_forms, names_a_unit, written_variant
from geo.extract.name_glosses import GLOSS, drop_bracketed, glossed
from geo.extract.name_romanisation import romanised_family
from geo.extract.series import FAMILIES, SERIES_ALLIANCE
from geo.extract.text import in_guillemets
from geo.geocode import gazetteer
from geo.geocode.gazetteer import normalize_name

EXERCISE_WORDS = r"(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s+games|wargames|games|training)"
_YEAR = r"(?:19[89]\d|20\d\d)"
#: An edition after the year: "Iron Wolf 2024-II", "Union Resolve-2022 stage I" is not one.
_EDITION = r"(?:[-–](?P<edition>I{1,3}|IV|V))"
_QUOTES_OPEN = "‘'\"“«"
_QUOTES_CLOSE = "’'\"”»"
#: After a quoted name: its closing quote, also after the comma American style sets inside it ("'Interaction,'").
_NAME_CLOSES = re.compile(r"[,.]?[’'\"”»]| |$")
#: Lower-case words that may stand between a name and its exercise word ("Vostok-2022 strategic command
#: and staff exercise", "Zapad joint strategic exercises").
_MODIFIERS = r"(?:(?:[a-z][\w/-]*|and)\s+){0,4}?"  # "joint operational/strategic exercise"
_CALLED = re.compile(
    r"(?i:\b(?<!so-)(?<!so\s)(?:called|named|dubbed|code-?named|codenamed|titled|under\s+the\s+(?:code\s*)?name))\s+"
    r"[‘'\"“«]?(?P<name>[A-Z][\w’]*(?:[\s-](?:[A-Z][\w’]*|" + _YEAR + r"))*(?:[-–](?:I{1,3}|IV|V)\b)?)"
)
#: "called"/"named" just before a known name ("the so-called X" is none); looked for in the last few characters only,
#: so that a sentence naming an exercise many times is not searched from its start again for each one.
_CALLED_BEFORE = re.compile(r"(?i:(?<!so-)(?<!so\s)called|named|dubbed|name)\s+[‘'\"“«]?$")
_CALLED_WINDOW = 40
#: A quoted name; a translated one may keep a lower-case second word ("the NATO exercise “Summer shield”").
_QUOTED = re.compile(r"[‘\"“«](?P<name>[A-Z][\w’-]*(?:\s(?:of|the|and|[A-Z0-9][\w’-]*)){0,4}|[A-Z][\w’-]*\s[a-z][\w’-]+)[’\"”»]")  # noqa: E501  # fmt: skip
#: Straight single quotes around a name ("the 'Clear Sky' exercise"), not apostrophes.
_STRAIGHT_QUOTED = re.compile(
    r"(?:(?<=\s)|^)'(?P<name>[A-Z][\w’-]*(?:\s(?:of|the|and|[A-Z0-9][\w’-]*)){0,4})'(?=[\s,.;:!?)]|$)"
)
#: "Brotherhood of War 2023": a lower-case "of" may join the capitalised words.
_CAP_YEAR = re.compile(
    r"(?P<name>"
    + NOT_NAME_WORD
    + r"(?:[A-Z][a-z]+(?:\s+of(?=\s+[A-Z]))?[\s-]){1,3}"
    + _YEAR
    + _EDITION
    + r"?)(?![\w-])"
)
#: A name with a two-digit year ("Namejs 24"): beside an exercise word, before an apposition, by an event verb.
_CAP_SHORT_YEAR = re.compile(r"(?P<name>" + NOT_NAME_WORD + r"(?:[A-Z][a-z]+[\s-]){1,3}(?P<yy>[0-3]\d))(?![\w-])")
#: An apposition after a name: "Namejs 2018, the largest military training exercise since …"; a length may lead
#: it ("Eagle Strike 2024, an 11-day drill, began Monday").
_LENGTH = r"(?:\d+[-\s](?:day|week|month|hour)\s+)?"
_APPOSITION = re.compile(rf"\s*,\s+(?:the|an?|this\s+year['’]s)\s+{_LENGTH}{_MODIFIERS}{EXERCISE_WORDS}\b", re.I)
#: A known name right after its exercise word, ending the clause: "in the special exercise Cliff."
_KNOWN_AFTER_WORD = re.compile(rf"\b{EXERCISE_WORDS}\s+(?P<name>[A-Z][a-z]+)(?=\s*(?:[.,;:]|$))", re.I)
#: A name after its exercise word: "the joint exercise Northern Shield-2025", "exercise Eagle Assault-2024".
_AFTER_WORD = re.compile(
    r"\b(?i:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games|training)\s+[‘“«]?"
    r"(?P<name>(?:[A-Z][a-z]+[\s-]){1,3}" + _YEAR + _EDITION + r"?)(?![\w-])"
)
#: A name with a year as the subject of an event verb: "Thunder Storm 2024 will take place …", "Ember Gale 2023 began".
_SUBJECT_VERB = re.compile(
    r"[’'\"”»]?\s+(?:will\s+(?:take\s+place|be\s+(?:held|conducted)|begin|start|run|last)|is\s+(?:being\s+held|underway)|"
    r"(?:began|begins|started|starts|kicked\s+off|kicks\s+off|commenced|took\s+place|was\s+held|opened|runs)\b)"
)
#: An all-capitals name with a number beside its exercise word: "the TUMAK- 22 exercises", "exercise KOP-2". Two
#: digits are a year ("-22" → 2022); one digit is part of the name ("KOP-2" is the second of its series).
_ACRONYM = re.compile(
    r"(?<![\w-])(?P<base>[A-Z]{3,})(?:\s*[-–]\s*|\s)(?:(?P<year>" + _YEAR + r")|(?P<yy>\d\d)|(?P<n>\d))(?![\w-])"
)
#: A name without a year after a start verb and its exercise word: "began exercise Eager Leopard in Pabrade".
_BEGAN_EXERCISE = re.compile(
    r"\b(?i:began|begins|launched|launches|started|starts|opened|opens|kicked\s+off|commenced|held|holds|conducted|"
    r"conducts|hosted|hosts)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?i:exercise|drills?)\s+[‘“«]?"
    r"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})(?=[’”»]?(?:\s+(?:in|at|on|near|from|with|across)\b|\s*[,.;(]))"
)
#: A list of two or more names after an exercise word: "such drills as Interaction, Search, Echelon, Barrier and
#: Rock", "exercises including Iron Wolf and Saber Strike", "NATO's exercises this year include Steadfast Defender 24,
#: BALTOPS 24 and Ramstein Flag 24". Common-word names count here without a year; a two-digit year is 20YY.
_LIST_ITEM = r"[‘\"“«]?[A-Z][A-Za-z]+(?:[\s-][A-Z][A-Za-z]+)?(?:[\s-]+(?:" + _YEAR + r"|[0-3]\d(?!\d)))?[’\"”»]?"
_NAME_LIST = re.compile(
    rf"(?i:\bsuch\s+{EXERCISE_WORDS}\s+as|\b{EXERCISE_WORDS}\s*,?\s*(?:such\s+as|including|called|named|dubbed|:|"
    r"(?:(?:this|next|last)\s+year\s+)?(?:will\s+)?(?:include[sd]?|comprises?|comprised)))\s+"
    rf"(?P<list>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*(?:\s*,?\s+and\s+{_LIST_ITEM}))(?![\w-])"
)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_STOP_TEXT = """the in on at of for by from since until during after before this that these those a an and or joint
    military combined strategic tactical command staff snap naval air large major new annual exercise exercises drill
    drills january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday nato csto eu un according kazakhstan says program programme plan"""
_STOP_WORDS = frozenset(_STOP_TEXT.split())
#: A sentence opening on another topic ("Separately, …", "Meanwhile, …", "In a separate exercise, …").
_SENTENCE_DISTINCT = re.compile(r"\s*(?:Separately|Meanwhile|Elsewhere|In\s+a\s+separate\s+\w+)\b")
_DISTINCT = re.compile(
    r"\b(?:another|separate|separately|meanwhile|second|different|other|previously\s+planned|next|further)\b|"
    r"\b(?:last|previous|earlier|prior|past)\s+(?:[\w-]+\s+){0,2}(?:exercises?|drills?|maneuvers?|manoeuvres?)\b|"
    # "in preparation of the annual Spring Storm event": another exercise
    + PREPARED_FOR.pattern
    + "|"
    # The umbrella a part belongs to: "This operation is part of the annual training exercise Saber Strike",
    # "These drills are part of a broader NATO exercise, dubbed Saber Strike".
    # Not "The final phase of the exercise, dubbed X" (twelfth pass): "the exercise" alone is the one in focus, which
    # X names; its phase is part of it, not of another.
    r"\b(?:part|parts|element|component|phase|stage)\s+of\s+"
    r"(?!the\s+(?:exercises?|drills?|maneuvers?|manoeuvres?)\s*,?\s+(?:(?:dubbed|called|named|code-named)\s+)?$)"
    r"(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:(?:exercises?|drills?|series|maneuvers?|manoeuvres?)\s*,?\s+(?:(?:dubbed|called|named|code-named)\s+)?)?$",
    re.I,
)


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
    edition
        The edition after the year, as a Roman numeral ("II" in "Iron Wolf 2024-II"), if any.
    """

    text: str
    start: int
    end: int
    base: str
    year: int | None
    distinct: bool = False
    edition: str | None = None

    @property
    def normalized(self) -> str:
        """The normalised name: family name, then ``-YYYY`` (and ``-II``) when the name carries them."""
        if not self.year:
            return self.base
        return f"{self.base}-{self.year}-{self.edition}" if self.edition else f"{self.base}-{self.year}"

    @property
    def key(self) -> str:
        """Folded family name for matching (``"zapad"``)."""
        return name_key(self.base)


def name_key(base: str) -> str:
    """Fold a family name for comparison: case, dashes and the word "exercise" dropped."""
    key = normalize_name(base).replace("-", " ")
    key = re.sub(r"\b(?:exercises?|drills?|the)\b", " ", key)
    return re.sub(r"\s+", " ", key).strip()


def split_name(name: str, year: int | None = None) -> tuple[str, int | None, str | None]:
    """Split "Iron Wolf 2024-II" into ("Iron Wolf", 2024, "II") and "Zapad-2025" into ("Zapad", 2025, None).

    With the exercise's ``year`` known (a catalog record), a two-digit year is read too: "Saber Strike 22"
    of 2022 → ("Saber Strike", 2022, None).
    """
    if year is not None:
        short = re.match(r"^(?P<base>.*?\D)[\s\-–]+(?P<yy>\d\d)(?:[\s\-–]+(?P<edition>I{1,3}|IV|V))?$", name.strip())
        if short and int(short.group("yy")) == year % 100:
            return short.group("base").strip(" -–"), year, short.group("edition")
    match = re.match(
        r"^(?P<base>.*?)[\s\-–]*(?P<year>" + _YEAR + r")(?:[\s\-–]+(?P<edition>I{1,3}|IV|V))?$", name.strip()
    )
    if match and match.group("base"):
        return match.group("base").strip(" -–"), int(match.group("year")), match.group("edition")
    return name.strip(), None, None


def split_year(name: str) -> tuple[str, int | None]:
    """Split "Zapad-2025" / "Combat Brotherhood 2023" into ("Zapad", 2025); an edition ("-II") is dropped."""
    base, year, _ = split_name(name)
    return base, year


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
    transliterations: set[str] = field(default_factory=set)
    #: Family name -> the alliance that runs the series (:data:`SERIES_ALLIANCE`, plus catalog families whose
    #: editions all have one alliance).
    series: dict[str, str] = field(default_factory=lambda: dict(SERIES_ALLIANCE))

    @classmethod
    def from_catalog(cls, exercises: Iterable[Exercise] = ()) -> NameLexicon:
        """Return the lexicon of the built-in families and the catalog's names."""
        lexicon = cls()
        for base, variants, common in FAMILIES:
            for variant in variants:
                lexicon.variants[variant] = base
                if variant in common:
                    lexicon.needs_year.add(variant)
                elif common:  # "Zapad" of a family whose English name is a common word ("West")
                    lexicon.transliterations.add(variant)
        for exercise in exercises:
            for name in (exercise.name, *exercise.alt_names):
                base, _, _ = split_name(name, exercise.year)
                if _proper(base) and base not in lexicon.variants:
                    known = next((b for v, b in lexicon.variants.items() if name_key(v) == name_key(base)), None)
                    lexicon.variants[base] = known or base
        editions: dict[str, set[str]] = {}
        for exercise in exercises:
            base = lexicon.canonical(split_name(exercise.name, exercise.year)[0])
            if _proper(base):
                editions.setdefault(base, set()).add(exercise.alliance)
        for base, alliances in editions.items():
            if len(alliances) == 1 and base not in lexicon.series:
                lexicon.series[base] = alliances.pop()
        return lexicon

    def canonical(self, base: str) -> str:
        """Return the normalised family name of a base name as written (itself if unknown)."""
        if base in self.variants:
            return self.variants[base]
        key = name_key(base)
        for variant, canonical in self.variants.items():
            if name_key(variant) == key:
                return canonical
        return romanised_family(key, ((name_key(v), c) for v, c in self.variants.items())) or " ".join(base.split())

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Regex of every variant, longest first, with an optional year and edition.

        The year has four digits, or two after a dash or space ("Dragon-24", "BALTOPS 22"); the
        edition is a Roman numeral after the year ("Iron Wolf 2024-II").
        """
        ordered = sorted(self.variants, key=len, reverse=True)
        alternation = "|".join(any_case(v) for v in ordered)
        return re.compile(
            rf"(?<![\w-])(?P<base>{alternation})"
            rf"(?:{GLOSS}?(?:\s*[-–]\s*|\s+)(?:(?P<year>{_YEAR})|(?P<yy>[0-3]\d))(?!\d){_EDITION}?)?(?![\w])"
        )


def _is_place_or_country(text: str) -> bool:
    key = normalize_name(text)
    return bool(iso3_of(text)) or key in gazetteer.town_index() or key in gazetteer.site_index()


def _title_case_sentence(sentence: str) -> bool:
    words = re.findall(r"[A-Za-z]+", sentence)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def find_names(sentence: str, lexicon: NameLexicon, seen: frozenset[str] = frozenset()) -> list[NameMention]:
    """Return the exercise names of a sentence, in text order, without overlaps.

    Forms are tried from the most to the least certain, and an earlier find wins an overlap: known
    names (:attr:`NameLexicon.pattern`), names introduced by "called"/"named" or quoted beside an
    exercise word, then (unless the sentence is a title-case headline) capitalised words before one.

    Parameters
    ----------
    sentence
        One sentence.
    lexicon
        Known names (:meth:`NameLexicon.from_catalog`).
    seen
        Family names (:attr:`NameMention.base`) the article named before this sentence: a common-word name
        of one of them counts beside an exercise word without a year ("The Echelon special exercise will …"
        after "such drills as Interaction, Search, Echelon …").
    """
    found = _Found(sentence, lexicon)
    _listed_names(found)
    _known_names(found, seen)
    _called_and_quoted(found)
    if not _title_case_sentence(sentence):
        for text, start, end, parts in more_name_forms(sentence, EXERCISE_WORDS, lexicon.variants):
            found.add(text, start, end, parts)
        _capitalised_names(found, seen)
    return drop_bracketed(sorted(found.names, key=lambda m: m.start), sentence)


class _Found:
    """The names found in one sentence so far; :meth:`add` keeps a candidate that is a name and overlaps none."""

    def __init__(self, sentence: str, lexicon: NameLexicon) -> None:
        self.sentence = sentence
        self.lexicon = lexicon
        self.names: list[NameMention] = []

    def add(self, text: str, start: int, end: int, parts: tuple[str, int | None, str | None] | None = None) -> None:
        text = text.strip().strip(_QUOTES_OPEN + _QUOTES_CLOSE).strip()
        base, year, edition = parts or split_name(text)
        words = [w.lower() for w in re.findall(r"[\w’]+", base)]
        if not words or all(w in _STOP_WORDS for w in words) or words[0] in _STOP_WORDS:
            return
        known = written_variant(base, self.lexicon.variants) in self.lexicon.variants  # "VOSTOK" is "Vostok"
        if not known and (_is_place_or_country(base) or any(iso3_of(w) for w in base.split())):
            return
        if any(start < f.end and f.start < end for f in self.names) or (
            year is None and names_a_unit(self.sentence, start, end)
        ):
            return
        canonical = self.lexicon.canonical(base)
        before = self.sentence[max(0, start - 60) : start]
        distinct = bool(_DISTINCT.search(before) or _SENTENCE_DISTINCT.match(self.sentence))
        self.names.append(NameMention(text, start, end, canonical, year, distinct, edition))


def _listed_names(found: _Found) -> None:
    """Every name of a list of two or more after an exercise word ("such drills as Interaction, Search and Rock")."""
    for match in _NAME_LIST.finditer(found.sentence):
        offset = match.start("list")
        for item in _LIST_SPLIT.split(match.group("list")):
            start = found.sentence.index(item, offset)
            offset = start + len(item)
            short = re.fullmatch(r"(?P<base>.*\D)[\s-]+(?P<yy>[0-3]\d)", item)
            found.add(item, start, offset, (short["base"], 2000 + int(short["yy"]), None) if short else None)


def _known_names(found: _Found, seen: frozenset[str] = frozenset()) -> None:
    """Known names and their variants; one that needs a year or is a transliteration needs a sign it is a name."""
    sentence, lexicon = found.sentence, found.lexicon
    for match in lexicon.pattern.finditer(sentence):
        variant = written_variant(match.group("base"), lexicon.variants)
        # Quoted around the name, not a quotation that opens with it ("\"Interaction and unity … are crucial").
        quoted = (
            match.start() > 0
            and sentence[match.start() - 1] in _QUOTES_OPEN
            and _NAME_CLOSES.match(sentence, match.end())
            and not re.match(r"\s+(?:and|or|of|is|are|was|were)\b", sentence[match.end() :])
        ) or in_guillemets(sentence, match.start(), match.end())  # «Interaction. Search. Echelon»
        called = bool(_CALLED_BEFORE.search(sentence[max(0, match.start() - _CALLED_WINDOW) : match.start()]))
        short_year = match.group("yy")
        if (
            short_year
            and variant in lexicon.needs_year
            and "-" not in sentence[match.end("base") : match.start("yy")]
            and not re.match(rf"[’'\"”»]?\s+{_MODIFIERS}{EXERCISE_WORDS}\b", sentence[match.end() :], re.I)
            and not _apposed_to_exercise_word(match)
        ):
            short_year = None  # "West 10 years ago" is no name; "Dragon-24" and "the Dragon 24 exercise" are
        dated = bool(match.group("year") or short_year)
        # Named before, or written "the Barrier specialized exercise": a capitalised common word after "the".
        capital = sentence[max(0, match.start() - 4) : match.start()] == "the " and sentence[match.start()].isupper()
        named_before = (lexicon.variants[variant] in seen or capital) and _beside_exercise_word(match)
        if variant in lexicon.needs_year and not (dated or quoted or called or named_before):
            continue
        if variant in lexicon.transliterations and not (dated or quoted or called or _beside_exercise_word(match)):
            continue  # a bare "Vostok" may be a place or a ship; "the Vostok exercise" is the exercise
        if short_year:
            parts = (variant, 2000 + int(short_year), match.group("edition"))
            found.add(match.group(0), match.start(), match.end(), parts)
        elif match.group("yy"):
            found.add(variant, match.start(), match.start("base") + len(variant))
        else:
            found.add(match.group(0), match.start(), match.end(), glossed(match, variant))


def _apposed_to_exercise_word(match: re.Match[str]) -> bool:
    """Whether a name stands between commas right after its exercise word ("the national exercise, Dragon 17, at …")."""
    sentence = match.string
    before = sentence[max(0, match.start() - 30) : match.start()]
    after = sentence[match.end() :]
    return bool(re.search(rf"\b{EXERCISE_WORDS}\s*,\s*$", before, re.I) and re.match(r"\s*[,;)]", after))


def _called_and_quoted(found: _Found) -> None:
    """Names after "called"/"named", and quoted names with a year or beside an exercise word."""
    sentence = found.sentence
    for match in _CALLED.finditer(sentence):
        found.add(match.group("name"), match.start("name"), match.end("name"))
    for pattern in (_QUOTED, _STRAIGHT_QUOTED):
        for match in pattern.finditer(sentence):
            name = match.group("name")
            after = sentence[match.end() : match.end() + 60]
            before = sentence[max(0, match.start() - 40) : match.start()]
            if (
                re.search(_YEAR + r"$", name)
                or re.match(rf"\s+{_MODIFIERS}{EXERCISE_WORDS}\b", after, re.I)
                or re.search(rf"\b{EXERCISE_WORDS}\s*,?\s*$", before, re.I)
            ):
                found.add(name, match.start("name"), match.end("name"))


def _capitalised_names(found: _Found, seen: frozenset[str] = frozenset()) -> None:
    """Capitalised words after or before an exercise word, or with a year ("Unbreakable Brotherhood exercises").

    Also a name with a year before an apposition ("Namejs 24, the national defence exercise"), a known name
    right after an exercise word ("the special exercise Cliff."), and a one-word name the article named
    before ("The Namejs exercise" after "Namejs 2018").
    """
    sentence, lexicon = found.sentence, found.lexicon
    for match in _CAP_SHORT_YEAR.finditer(sentence):
        after, before = sentence[match.end() : match.end() + 60], sentence[max(0, match.start() - 40) : match.start()]
        beside = re.match(rf"[’'\"”»]?\s+{_MODIFIERS}{EXERCISE_WORDS}\b", after, re.I) or _SUBJECT_VERB.match(after)
        beside = beside or OBJECT_OF.search(before) or re.search(rf"\b{EXERCISE_WORDS}\s+[‘“«]?$", before, re.I)
        if (
            _APPOSITION.match(sentence, match.end()) or beside
        ):  # "the Amber Falcon 24 drills", "exercise Amber Falcon-24"
            base = match.group("name")[: match.start("yy") - match.start()].strip(" -")
            found.add(
                match.group("name"), match.start("name"), match.end("name"), (base, 2000 + int(match.group("yy")), None)
            )
    for match in _KNOWN_AFTER_WORD.finditer(sentence):
        if match.group("name") in lexicon.variants:
            found.add(match.group("name"), match.start("name"), match.end("name"))
    for match in _AFTER_WORD.finditer(sentence):
        found.add(match.group("name"), match.start("name"), match.end("name"))
    for match in _BEGAN_EXERCISE.finditer(sentence):
        if _unknown_proper(match.group("name")):
            found.add(match.group("name"), match.start("name"), match.end("name"))
    for match in _CAP_YEAR.finditer(sentence):
        after = sentence[match.end() : match.end() + 60]
        again = re.sub(rf"[\s-]+{_YEAR}{_EDITION}?$", "", match.group("name")) in seen  # "during Namejs 2018" again
        word_after = re.match(rf"[’'\"”»]?\s+{_MODIFIERS}{EXERCISE_WORDS}\b", after, re.I)
        object_of = OBJECT_OF.search(sentence[max(0, match.start() - 40) : match.start()])
        if again or word_after or object_of or _APPOSITION.match(after) or _SUBJECT_VERB.match(after):
            found.add(match.group("name"), match.start("name"), match.end("name"))
    _acronym_names(found)
    for match in re.finditer(rf"(?P<name>(?:[A-Z][a-z]+\s+){{1,3}}){EXERCISE_WORDS}\b", sentence):
        name, start = match.group("name").strip(), match.start("name")
        if name.startswith("The ") and name[4:] in seen:  # "The Namejs exercise" opening a sentence
            name, start = name[4:], start + 4
        if name in lexicon.variants or name in seen or (len(name.split()) >= 2 and _unknown_proper(name)):
            found.add(name, start, start + len(name))


def _acronym_names(found: _Found) -> None:
    """All-capitals names with a number before or after their exercise word ("the ZUBR-23 drills", "exercise KOP-2")."""
    for match in _ACRONYM.finditer(found.sentence):
        after, before = found.sentence[match.end() :], found.sentence[max(0, match.start() - 30) : match.start()]
        beside = re.match(rf"\s+(?:{IS_AN_EXERCISE})?(?:[a-z]+\s+)?{EXERCISE_WORDS}\b", after, re.I) or re.search(
            rf"\b{EXERCISE_WORDS}\s+$", before, re.I
        )  # right beside it: "the BMP-2 vehicles later joined the exercise" names no exercise
        if not beside or match.group("base").lower() in _STOP_WORDS:
            continue
        base, number = match.group("base"), match.group("year") or match.group("yy")
        if number is None:  # "KOP-2": the digit is part of the name
            found.add(match.group(0), match.start(), match.end(), (f"{base}-{match.group('n')}", None, None))
        else:
            found.add(match.group(0), match.start(), match.end(), (base, int(number) % 100 + 2000, None))


def _beside_exercise_word(match: re.Match[str]) -> bool:
    """Whether a name stands before its exercise word ("the Zapad strategic exercise") or after one."""
    sentence = match.string
    after = sentence[match.end() : match.end() + 60]
    before = sentence[max(0, match.start() - 30) : match.start()]
    return bool(
        re.match(rf"[’'\"”»]?\s+{_MODIFIERS}{EXERCISE_WORDS}\b", after, re.I)
        or re.search(rf"\b{EXERCISE_WORDS}\s+$", before, re.I)
    )


def _unknown_proper(name: str) -> bool:
    """Whether capitalised words before "exercises" look like a name ("Unbreakable Brotherhood")."""
    words = name.split()
    return not any(w.lower() in _STOP_WORDS or iso3_of(w) for w in words)
