"""A river named without the word "river", and a lake (ninth session's site probes).

"river-crossing drills on the Dnieper in Belarus", "forced a crossing of the Berezina", "along the Pripyat": a
name with its article after a word for crossing or lying along water is the river, when the reference rivers
layer knows it (:func:`geo.geocode.features.is_river`) and it is no country. The geocoder reads it as the river's
course within the context country (:func:`geo.geocode.features.river_rule`); a town of the same name ("Neman")
is never read so, since the article and the water word are required.

"drills on Lake Peipus", "near Lake Usma", "on the shores of the Peipus lake": a capitalised name with "Lake"
before or "lake" after is the lake (:mod:`geo.geocode.lakes`; one the reference layer lacks is left to the
geocoder's other rules).
"""

from __future__ import annotations

import re

from geo.extract.lexicon import country_names
from geo.extract.text import UPPER
from geo.geocode.features import is_river

#: (text as written, query for the geocoder, start, end, form, context ISO3 or None): as place_forms.Found.
Found = tuple[str, str, int, int, str, str | None]

_BARE_RIVER = re.compile(
    r"(?i:\b(?:over|across|along|on|crossing|crossings|crossed|crosses|cross|banks\s+of|bank\s+of|crossing\s+of)\s+)"
    rf"(?P<phrase>the\s+(?P<name>{UPPER}[\w’'-]+))(?![\w’'-])(?!\s+(?i:river|region|oblast|district|border))"
)


_LAKE = re.compile(
    rf"(?P<phrase>(?:the\s+)?(?:Lake\s+{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)?|{UPPER}[\w’'-]+\s+(?i:lake)\b))"
)


def lakes(sentence: str) -> list[Found]:
    """Return the lake phrases of a sentence ("Lake Peipus", "the Peipus lake")."""
    # form "river": a lake on a border is read on a country's side as a river is (geo.extract.place_sides)
    return [
        (m["phrase"], m["phrase"], m.start("phrase"), m.end("phrase"), "river", None) for m in _LAKE.finditer(sentence)
    ]


def bare_rivers(sentence: str) -> list[Found]:
    """Return the rivers of a sentence named as "the X" after a water word (module doc)."""
    return [
        (m["phrase"], f"the {m['name']} river", m.start("phrase"), m.end("phrase"), "river", None)
        for m in _BARE_RIVER.finditer(sentence)
        if m["name"] not in country_names() and is_river(m["name"])
    ]
