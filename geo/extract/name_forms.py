"""Written forms of exercise names beside the ones of :mod:`geo.extract.names` (ninth pass).

* **A title word before the name**: "Exercise Hedgehog drew to a close", "Exercise Hedgehog 25 began" (the
  capitalised "Exercise" of British, NATO and Baltic releases), and "Operation Lightning Strike" when the words
  before it call it an exercise ("The largest annual exercise of the army, Operation Lightning Strike, began"): an
  operation is otherwise no exercise ("part of Operation Atlantic Resolve", "the special military operation").
* **A two-digit year**: a quoted name ending in one ("involved in “Arctic Forge 25”") or capitalised words with
  one right before an exercise word ("The Nordic Response 24 exercise") name the exercise of 20YY, as "Dragon-24"
  and "the Dragon 24 exercise" did for a known family.
* **A quoted name with a year and the sentence's stop inside the quotes**: "the largest drill this year “Lightning
  Strike 2016.”" (the quoted-name rule of :mod:`~geo.extract.names` wanted the quote right after the name).
* **All-capitals names after "Exercise"** ("Exercise STEADFAST DEFENDER 24 began"), written in title case.
* **A name right after a singular exercise word**, without a year, ending its phrase: "The exercise Grey Lynx began
  …", "completed exercise Grey Lynx at Adazi", "During exercise Grey Lynx, troops …" (not a title or a person:
  "at the exercise Defence Minister X said" names none).
* **"… drills, known as X"**: a name after an exercise word and "known as" (not "a unit known as X").
* **A name with a year after taking part in it**: "troops took part in Grey Lynx 2024 near Voru", "During Grey Lynx
  24, …"; a hyphenated two-digit year before an exercise word ("the Grey Lynx-24 drills").
* **A name set between commas right after its exercise word, before an event verb**: "Finland's artillery firing
  exercise, Northern Strike 225, began Monday" (twenty-second pass); a three-digit edition code after it is part of
  the name, not a year.
* **A known name quoted in lower case with its year**, as machine translations write it: "a joint exercise of
  “unbreakable brotherhood-2020”" (eighteenth pass); an unknown one is no name ("“peace mission-2020”").

:func:`more_name_forms` returns candidates; :func:`geo.extract.names.find_names` keeps those that are names and
overlap no surer find.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: (text as written, start, end, (base, year, edition)) of one candidate name.
Candidate = tuple[str, int, int, tuple[str, int | None, str | None]]

#: A capitalised word that opens a sentence and no name ("The Amber Falcon 2024 exercise began", "Some 24 exercises
#: were held"): not the name's.
NOT_NAME_WORD = (
    r"(?!(?:The|This|That|These|Last|Next|During|Since|After|Before|In|On|At|And|But|As|"
    r"Some|About|Around|Nearly|Over|Almost|Only|Roughly|Approximately)\s)"
)
#: A name with a year after an event verb or "during": "NATO will hold Brilliant Jump 24 in Norway", "during X 2024".
OBJECT_OF = re.compile(
    r"\b(?:hold|holds|held|host|hosts|hosted|stage|stages|staged|conduct|conducts|conducted|launch|launches|launched|"
    r"begin|began|begins|start|starts|started|kick(?:s|ed)?\s+off|during)\s+(?:the\s+)?[‘“«]?$"
)
#: A name quoted in lower case with a four-digit year ("“unbreakable brotherhood-2020”"): a name only if known.
_LOWER_QUOTED = re.compile(
    r"[‘\"“«](?P<name>(?P<base>[a-z]+(?:\s[a-z]+){0,3})\s*[-–]?\s*(?P<year>(?:19[89]|20\d)\d))[’\"”»]"
)
_WORD = r"[A-Z][a-z]+"
_CAPS_WORD = r"[A-Z]{3,}"
_TITLED = re.compile(
    rf"(?<![\w-])(?P<title>Exercise|Operation)\s+"
    rf"(?P<base>{_WORD}(?:\s+{_WORD}){{0,2}}|{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,2}}(?![a-z]))"
    r"(?:[\s-]+(?:(?P<year>(?:19[89]|20\d)\d)|(?P<yy>[0-3]\d)))?(?![\w-])"
)
#: What makes "Operation X" an exercise: an exercise word shortly before it, not "part of" / "under" it.
_OPERATION_IS_EXERCISE = re.compile(r"\b(?i:exercises?|drills?|manoeuvres?|maneuvers?)\b[^.;]{0,80}$")
_OPERATION_BELONGS = re.compile(r"\b(?i:part\s+of|under|within|framework\s+of|conducted\s+as)\s+(?:the\s+)?$")
#: A quoted name with a year, the full stop or comma inside the quotes ("the drill “Lightning Strike 2016.”"); a dash
#: may stand between the name and its year ("“Strong Griffin – 2024”").
_QUOTED_YEAR = re.compile(
    rf"[‘\"“«](?P<name>(?P<base>{_WORD}(?:\s+{_WORD}){{0,3}})[\s\-–]+(?:(?P<year>(?:19[89]|20\d)\d)|(?P<yy>[0-3]\d)))"
    r"[.,]?[’\"”»]"
)
#: What a sentence about an exercise says of it, when it has no exercise word ("troops … are involved in “X 25”").
_EVENT_VERB = (
    r"\b(?:began|begins|begun|start(?:s|ed)|held|involv\w+|take\s+part|taking\s+part|took\s+part|participat\w+|"
    r"launch\w*|conclud\w+)\b"
)
#: Capitalised words and a two-digit year before an exercise word; a leading "The" is no part of the name, and a
#: quantifier makes the number a count ("Some 24 exercises were held").
_NO_ARTICLE = (
    r"(?!(?:The|A|An|This|That|These|Some|About|Around|Over|Nearly|Almost|Approximately|Roughly|More|Only|All|Up|"
    r"At|Another|Last|Next|First|Additional|Further|Total|Of|In|By)\b)"
)


_YEARS = r"(?:(?P<year>(?:19[89]|20\d)\d)|(?P<yy>[0-3]\d))(?![\w-])"
#: A name with a year after taking part in it or during it: "took part in Grey Lynx 2024", "During Grey Lynx 24, …".
_TOOK_PART_IN = re.compile(
    r"(?i:\b(?:took|take|takes|taking)\s+part\s+in|\bparticipat\w*\s+in|\bjoin(?:s|ed)?|\bduring|"
    r"\bin\s+the\s+course\s+of)\s+(?:the\s+)?"
    rf"(?P<name>(?P<base>{_NO_ARTICLE}{_WORD}(?:\s+{_WORD}){{0,2}})[\s\-–]+{_YEARS})"
)
#: A name right after a singular exercise word, ending its phrase ("The exercise Grey Lynx began", "exercise Grey Lynx
#: at Adazi", "During exercise Grey Lynx, …"); a person described after a comma is no name ("At the exercise Smith,
#: the minister, said").
_AFTER_SINGULAR_WORD = re.compile(
    rf"\b(?i:exercise|drill|manoeuvre|maneuver)\s+(?P<name>(?P<base2>{_WORD}(?:\s+{_WORD}){{0,2}}))"
    r"(?=\s*[;.]|\s*,(?!\s*(?:who|whose)\b)(?!\s*(?:the|a|an|his|her)\s+[^,.;]{1,40},)|\s+(?:began|begins|ended|ends|started|starts|opened|concluded|closed|kicked|will|is|was|has|had|"
    r"took|takes|in|at|near|on|from|with|across|which|that)\b)"
)
#: What a name set between commas after its exercise word does: "the exercise, Northern Strike 225, began Monday".
_APPOSED_VERB = (
    r"(?:(?:has|have|had|will|is|was|were)\s+(?:been\s+|be\s+)?)?(?:began|begins|begun|start(?:s|ed)?|open(?:s|ed)|"
    r"kick(?:s|ed)\s+off|t(?:ook|akes)\s+place|held|conclud\w+|end(?:s|ed)|involv\w+|runs|ran)\b"
)
#: A title or a person's rank after an exercise word ("at the exercise Defence Minister X said"): no name.
_TITLE_OR_PERSON = re.compile(
    r"(?:President|Minister|Defen[cs]e|General|Gen|Colonel|Col|Major|Maj|Lieutenant|Lt|Commander|Chief|Secretary|"
    r"Deputy|Head|Admiral|Captain|Sergeant|Prime|Ministry|Mr|Ms|Mrs|Dr)\b"
)


def more_name_forms(sentence: str, exercise_words: str, variants: Mapping[str, str] | None = None) -> list[Candidate]:
    """Return the candidate names of the forms above in one sentence, in text order.

    Parameters
    ----------
    sentence
        One sentence (not a title-case headline: the caller skips those).
    exercise_words
        The regex of exercise words (:data:`geo.extract.names.EXERCISE_WORDS`).
    variants
        Known names as written mapped to their family (:attr:`geo.extract.names.NameLexicon.variants`), for the
        lower-case quoted form.
    """
    out: list[Candidate] = []
    for match in _LOWER_QUOTED.finditer(sentence):
        variant = written_variant(match.group("base"), variants or {})
        if variant in (variants or {}):
            out.append(
                (match.group("name"), match.start("name"), match.end("name"), (variant, int(match["year"]), None))
            )
    for match in _TITLED.finditer(sentence):
        before = sentence[: match.start()]
        if match.group("title") == "Operation" and (
            not _OPERATION_IS_EXERCISE.search(before)
            or _OPERATION_BELONGS.search(before)
            or re.search(r"[A-Z][a-z]+\s+$", before)  # "Peacetime Operation Forces": inside another name
        ):
            continue
        year, base = _year(match), match.group("base")
        end = match.end() if year else match.end("base")
        out.append((sentence[match.start("base") : end], match.start("base"), end, (_title(base), year, None)))
    for match in _QUOTED_YEAR.finditer(sentence):
        if match.group("yy") and not re.search(rf"\b{exercise_words}\b|{_EVENT_VERB}", sentence, re.I):
            continue  # "Catch 22" in quotes: a two-digit year names an exercise only in a sentence about one
        parts = (match.group("base"), _year(match), None)
        out.append((match.group("name"), match.start("name"), match.end("name"), parts))
    before_word = re.compile(
        rf"(?P<name>(?P<base>{_NO_ARTICLE}{_WORD}(?:\s+{_WORD}){{0,2}})(?:\s+|\s*[-–]\s*)(?P<yy>[0-3]\d))\s+{exercise_words}\b"
    )
    known_as = re.compile(
        rf"\b(?i:{exercise_words})\s*,?\s+(?:[\w-]+\s+){{0,2}}?known\s+as\s+[‘'\"“«]?"
        rf"(?P<name>(?P<base>{_WORD}(?:\s+{_WORD}){{0,2}})(?:[\s-]+{_YEARS})?)"
    )
    apposed = re.compile(  # "Finland's artillery exercise, Northern Strike 225, began Monday"
        rf"\b(?i:{exercise_words})\s*,\s+(?P<name>(?P<base2>{_NO_ARTICLE}{_WORD}(?:\s+{_WORD}){{0,2}})"
        rf"(?:[\s-]+(?:{_YEARS}|(?P<code>[1-9]\d\d)(?![\w-])))?)\s*,\s+{_APPOSED_VERB}"
    )
    for pattern in (before_word, _TOOK_PART_IN, _AFTER_SINGULAR_WORD, known_as, apposed):
        for match in pattern.finditer(sentence):
            if match.groupdict().get("base2") and _TITLE_OR_PERSON.match(match.group("base2")):
                continue
            base = match.groupdict().get("base") or match.group("base2")
            if match.groupdict().get("code"):  # an edition code, not a year ("Northern Strike 225"): part of the name
                base = f"{base} {match['code']}"
            parts = (base, _year(match), None)
            out.append((match.group("name"), match.start("name"), match.end("name"), parts))
    return sorted(out, key=lambda c: c[1])


def _title(base: str) -> str:
    """Write an all-capitals name in title case ("STEADFAST DEFENDER" → "Steadfast Defender")."""
    return base.title() if base.isupper() else base


def _year(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    return 2000 + int(groups["yy"]) if groups.get("yy") else None


#: A military unit's word: a name beside it is the unit's ("the infantry brigade “Iron Wolf”", "the Iron Wolf
#: Mechanised Infantry Brigade"), not an exercise's (precision probes, ninth session).
#: A capitalised "Command" names one too ("Regional Command “Vostok”", "Operational Command West"), and so does a
#: lower-case "regional command" ("the \"West\" regional command", twentieth pass). A unit "called" or "named" so is
#: one as well ("a permanently stationed French unit called Ilves", twentieth pass).
_UNIT_WORD = (
    r"(?:brigade|battalion|regiment|division|squadron|flotilla|corps|battle\s*group|(?-i:Command)|"
    r"(?:regional|operational|territorial)\s+command)"
)
_UNIT_BEFORE = re.compile(r"(?:" + _UNIT_WORD + r"|\bunits?\s+(?:called|named))\s*[‘“«\"']?$", re.I)
_UNIT_AFTER = re.compile(
    r"[’”»\"']?\s+(?:(?-i:[A-Z][\w-]*)\s+|mechani[sz]ed\s+|infantry\s+){0,3}" + _UNIT_WORD + r"\b", re.I
)


def names_a_unit(sentence: str, start: int, end: int) -> bool:
    """Whether the name at ``sentence[start:end]`` (without a year) is a unit's: a unit word just before or after it."""
    return bool(
        _UNIT_BEFORE.search(sentence[max(0, start - 40) : start]) or _UNIT_AFTER.match(sentence[end : end + 80])
    )


def any_case(variant: str) -> str:
    """Regex of a known name as written or with words in capitals ("DEFENDER-Europe", "STEADFAST DEFENDER").

    Words join on a space or a dash; a word of three letters or more may be all capitals, as NATO and US Army
    releases write them (eleventh pass).
    """
    words = [
        re.escape(w) if len(w) < 3 or w.isupper() else f"(?:{re.escape(w)}|{re.escape(w.upper())})"
        for w in variant.split(" ")
    ]
    return r"[\s-]".join(words)


def written_variant(text: str, variants: Mapping[str, str]) -> str:
    """The known variant a name matched by :func:`any_case` stands for ("DEFENDER-Europe" → "Defender Europe")."""
    if text in variants:
        return text
    key = re.sub(r"[\s-]+", " ", text).casefold()
    return next((v for v in variants if re.sub(r"[\s-]+", " ", v).casefold() == key), text)
