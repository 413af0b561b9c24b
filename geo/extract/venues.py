"""Where a place phrase is not where the exercise is: the venue of a statement, or where forces are based.

:func:`is_venue` tells where something was said or met ("told reporters in Minsk", "the Defense Ministry in
Minsk said"); :func:`is_home_base` where units are stationed, set out from or go back to. The event assembly
(:mod:`geo.extract.assembly`) takes neither as a site; :mod:`geo.extract.places` re-exports both.
"""

from __future__ import annotations

import re

#: Words before a place that make it where something was said or met, not where the exercise is
#: ("Khrenin told reporters in Minsk", "after talks with his counterpart in Minsk"). An exercise's opening or
#: closing ceremony is part of it, held where its troops are ("the opening ceremony took place in Vitebsk"):
#: its place is a site; any other ceremony (an award in the capital) is a venue.
_VENUE = re.compile(
    r"\b(?:told|tells|said|says|saying|spoke|speaking|reporters|journalists|media|press|briefing|talks|meeting|"
    r"met|meets|visit|visiting|visited|conference|summit|interview|(?<!opening )(?<!closing )ceremony|session|"
    r"counterparts?|according)\b",
    re.I,
)
#: A ceremony the exercise opens or closes with is its opening or closing ceremony ("The exercises will begin with
#: a formal ceremony at X", "the drills ended with a solemn ceremony in Y"): held where the exercise is.
_OWN_CEREMONY = re.compile(
    r"\b(?:begin|begins|began|begun|open|opens|opened|start|starts|started|end|ends|ended|close|closes|closed|"
    r"conclude[sd]?)\s+with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?ceremony\s+(?:\w+\s+){0,2}$",
    re.I,
)

#: An exercise reported after the statement word: the place that follows is the exercise's, not the speaker's.
_REPORTED_DRILL = re.compile(r"\b(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games)\b", re.I)
_SAID_AFTER = re.compile(r"\s+(?:said|says|told|tells|reported|reports|announced|stated|added|confirmed)\b")


def is_venue(sentence: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` is the venue of a statement or a meeting.

    "Khrenin told reporters in Minsk" (a word of :data:`_VENUE` among the six before it in its clause, with no
    exercise reported after it: "said troops held drills at X" is X), "the Defense Ministry in Minsk said" (a
    statement verb right after it).
    """
    head = sentence[:start]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind("("))
    if _OWN_CEREMONY.search(head[cut + 1 :]):
        return False
    words = " ".join(re.findall(r"[\w’']+", head[cut + 1 :])[-6:])
    venue = [m.end() for m in _VENUE.finditer(words)]
    if venue and _REPORTED_DRILL.search(words, venue[-1]):
        return False  # "the minister said troops held drills at the X range": the reported drill's place
    return bool(venue or _SAID_AFTER.match(sentence, end))


#: Words right before a place that make it where units are based, not where they exercise ("the battlegroup
#: stationed in Lithuania", "units of the Russian Armed Forces based in the Central Military District"), where they
#: set out from ("took off from airfields in Russia") or go back to ("flew back to Russia", "return home to X").
_HOME_BASE = re.compile(
    r"\b(?:stationed|based|garrisoned|headquartered|quartered)\s+(?:\w+\s+)?$|"
    r"\bfrom\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:airfields?|air\s*bases?|bases?|garrisons?|"
    r"stations?|barracks|depots?)\s+(?:in|at|near)\s+(?:the\s+)?$|"
    r"\b(?:back|home|return(?:s|ed|ing)?)\s+(?:to|in)\s+(?:the\s+)?$|"
    # "flew from the home airfield ("Lida") to …"
    r"\bhome\s+(?:airfields?|air\s*bases?|bases?|garrisons?|ports?)\s*(?:\(\s*)?[\"“«]?$|"
    # "returned to their permanent bases in the Moscow region", "its home garrison near X"
    r"\b(?:their|its)\s+(?:permanent\s+|home\s+|main\s+)?(?:bases?|garrisons?|barracks|deployment\s+(?:sites?|points?))\s+"
    r"(?:in|at|near)\s+(?:the\s+)?$",
    re.I,
)


#: Words right before a place that make it where an exercise is run from, not where its troops are: "run from
#: headquarters in Minsk", "directed from Moscow", "the exercise headquarters in Grodno" (site probes, ninth
#: session). A range after them stays a site: a field headquarters at a range is where the exercise is.
_RUN_FROM = re.compile(
    r"\b(?:run|directed|commanded|controlled|coordinated|managed|overseen|led)\s+from\s+(?:the\s+|its\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:headquarters|HQ|command\s+(?:centre|center))\s+(?:in|at)\s+(?:the\s+)?)?$|"
    r"\b(?:headquarters|HQ|command\s+(?:centre|center))\s+(?:(?:is|was|will\s+be)\s+)?(?:located\s+|based\s+)?"
    r"(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
_RANGE_AHEAD = re.compile(
    r"(?:[\w’'-]+\s+){1,3}?(?:training\s+(?:grounds?|areas?)|ranges?|polygons?|poligons?|firing\s+grounds?)\b", re.I
)


def is_home_base(sentence: str, start: int) -> bool:
    """Whether the place at ``start`` is where forces are based, set out from, go back to or run the exercise from.

    None of these is an exercise site; a range after "run from (headquarters at)" stays one.
    """
    head = sentence[max(0, start - 60) : start]
    run_from = _RUN_FROM.search(head) is not None and not _RANGE_AHEAD.match(sentence, start)
    return run_from or bool(_HOME_BASE.search(head))
