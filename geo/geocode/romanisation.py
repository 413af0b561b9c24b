"""Consonant skeletons that fold a place name across Russian, Belarusian, Polish and Baltic romanisations.

A skeleton is only a matching key: a phrase resolves through it to a gazetteer row whose own name has the
same skeleton (a range when the phrase says it names a range, a town when one town of the context country
has it), never to a new point.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache

from geo.geocode.gazetteer import fold_transliteration, normalize_name, site_index
from geo.geocode.region_keys import strip_accents

#: Háček letters (Łacinka, Lithuanian, Latvian) written as the English digraph before accents go, so that
#: Mačuliščy meets Machulishchy and Ošmiany Oshmyany.
_HACEK = str.maketrans({"š": "sh", "č": "ch", "ž": "zh"})
#: Pairs folded on top of :func:`fold_transliteration`, in order: ``shch`` (after ``ch`` → ``c``) is the
#: ``sc`` of German "sch" and Polish "szcz" (Machulischi, Szczuczyn); Łacinka ``c`` is Russian ``ts``
#: (Brescki, Brestski); Belarusian and Ukrainian ``h`` is Russian ``g`` (Hozha, Gozha; Hrodna, Grodno).
_SKELETON_FOLDS = (("shc", "sc"), ("ts", "c"), ("h", "g"))

#: A shorter skeleton collides too easily; a range phrase says it names a range, so three letters do (Gozha).
SITE_SKELETON_MIN_LETTERS = 3


def hacek_digraphs(key: str) -> str:
    """A normalised name with háček letters as the English digraphs (:data:`_HACEK`): "hožski" → "hozhski"."""
    return key.translate(_HACEK)


@lru_cache(maxsize=16384)  # asked for every capitalised word after a preposition, sentence after sentence
def romanisation_skeleton(key: str) -> str:
    """Fold a place name across Russian, Belarusian and Polish romanisations to a consonant skeleton.

    On top of :func:`fold_transliteration`: hyphens are spaces (Strugi-Krasnye), ``š`` is ``sh`` (:data:`_HACEK`),
    ``ts`` is ``c`` and ``h`` is ``g`` (:data:`_SKELETON_FOLDS`); the adjectival ending goes (-sky, -ski, -skii) and so
    does the ``k`` of a final -ovka (Zyabrovka, Zyabrovsky); the Belarusian short u becomes v (Lyasnouski,
    Damanauski, Barysaw), a soft ya/ia loses its i, o and a are one (akanye), and unstressed vowels are one.
    So Obuz-Lyasnouski and Obuz-Lesnovsky, Asipovichy and Osipovichsky, Barysaw and Borisovsky, Chapialeva
    and Chepelevo, Mačuliščy and Machulishchy, Ošmiany and Oshmyany meet.
    """
    text = fold_transliteration(normalize_name(key).replace("-", " ").translate(_HACEK))
    for old, new in _SKELETON_FOLDS:
        text = text.replace(old, new)
    text = re.sub(r"(?<=[a-z])(?:sk|ck|sc)(?:i|ii|ij)?\b", "", text)
    text = re.sub(r"(?<=[aeo])[uw](?=[^aeiou]|$)", "v", text)
    text = re.sub(r"i(?=[ae])", "", text)
    text = re.sub(r"[ae]", "e", text.replace("o", "a"))
    text = re.sub(r"(?<=\w\w\w)[aeiou]+\b", "", text)
    return re.sub(r"(?<=\w\wv)k\b", "", text)


#: Russian ч before the adjectival -ск- is Belarusian ц (Осиповичский, Асіповіцкі): a name written -chsk- is also
#: read as -tsk-, so Asipovitski and Asipovicki meet Osipovichsky.
_CH_BEFORE_SK = re.compile(r"ch(?=sk)")


def _site_name_forms(key: str) -> set[str]:
    """A range or airfield name and, if Russian -chsk- is in it, its Belarusian -tsk- form (:data:`_CH_BEFORE_SK`)."""
    return {key, _CH_BEFORE_SK.sub("ts", key)}


@cache
def site_skeletons() -> dict[str, tuple[str, ...]]:
    """Map the :func:`romanisation_skeleton` of every range and airfield name to site ids (three letters or more)."""
    out: dict[str, set[str]] = defaultdict(set)
    for key, ids in site_index().items():
        for skeleton in {romanisation_skeleton(form) for form in _site_name_forms(key)}:
            if len(skeleton.replace(" ", "")) >= SITE_SKELETON_MIN_LETTERS:
                out[skeleton].update(ids)
    return {k: tuple(sorted(v)) for k, v in out.items()}


#: Łacinka and Belarusian Latin write a soft consonant before e as "ie" (Bieraście, Viciebsk, Homiel), where GeoNames'
#: Latin names write "e" (Beras'ce, Vicebsk, Homel).
_SOFT_IE = re.compile(r"(?<=[bcdfghklmnprstvwz])i(?=e)")


def lacinka_key(key: str) -> str:
    """A normalised name with Łacinka's softness marks off: accents dropped and a soft "ie" written "e".

    An exact key, looked up in the town index as written (never a skeleton): Bieraście is GeoNames' Beras'ce (Brest).
    """
    return _SOFT_IE.sub("", strip_accents(key))
