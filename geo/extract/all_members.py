"""Every member of an alliance said to take part: "will involve representatives of all the CSTO member states".

A report often says that all members of the CSTO (or of NATO) take part without listing them, or lists the bloc's
members only as background ("Formed in 1992, the CSTO groups six former Soviet republics of …"). The members are
those of the alliance on the exercise's date (:func:`geo.reference.membership.members_on`), so that a member that
left or joined later is not counted. Only a phrase with a participation cue counts: "involving / with the
participation of / troops from all the CSTO member states", "all NATO allies will take part"; "all CSTO member
states were notified" and "not all members took part" do not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from geo.extract.grouping import alliance_members
from geo.extract.segments import inside
from geo.extract.text import Sentence

_ALLIANCE = r"(?:CSTO|NATO|Collective\s+Security\s+Treaty\s+Organi[sz]ation)"
_MEMBERS = r"(?:member\s+(?:states|countries|nations)|members|allies)"
#: "all the CSTO member states", "all member states of the CSTO", "each of the NATO allies"
_ALL = (
    r"(?<![Nn]ot\s)\b(?i:all|each\s+of)\s+(?:the\s+|its\s+)?"
    rf"(?:(?P<before>{_ALLIANCE})\s+{_MEMBERS}|{_MEMBERS}\s+of\s+the\s+(?P<after>{_ALLIANCE}))\b"
)
#: The cue before the phrase: "will involve representatives of", "with the participation of", "troops from".
_CUE_BEFORE = (
    r"(?i:\binvolv(?:e|es|ed|ing)|\bparticipation\s+of|\b(?:troops|forces|contingents|units|servicemen|"
    r"representatives|delegations)\s+(?:of|from))\s+(?:[\w-]+\s+){0,3}?"
)
#: The cue after it: "all CSTO member states will take part / are taking part / participate / sent troops".
_CUE_AFTER = re.compile(r"\s+(?:will\s+|are\s+|were\s+|have\s+)?(?:take|taking|took|taken|participat\w+|sen[dt]\w*)\b")
_ALL_MEMBERS = re.compile(rf"(?P<cue>{_CUE_BEFORE})?{_ALL}")


def _alliance_of(match: re.Match[str]) -> str:
    written = match.group("before") or match.group("after")
    return "NATO" if written == "NATO" else "CSTO"


def members_taking_part(
    sentences: Iterable[Sentence], spans: Mapping[int, list[tuple[int, int]]], on: dt.date | None
) -> list[tuple[str, Sentence]]:
    """Return the members (ISO3, sorted) of an alliance all of whose members are said to take part, with the sentence.

    Parameters
    ----------
    sentences
        The event's usable sentences.
    spans
        Each sentence's stretches that speak of this event (a phrase outside them is another event's).
    on
        The exercise's date (or the report's); without one nothing is counted.
    """
    if on is None:
        return []
    out: dict[str, Sentence] = {}
    for sentence in sentences:
        for match in _ALL_MEMBERS.finditer(sentence.text):
            cued = match.group("cue") is not None or _CUE_AFTER.match(sentence.text, match.end())
            if not cued or not inside(match.end(), spans[sentence.index]):
                continue
            for iso3 in sorted(alliance_members(_alliance_of(match), on)):
                out.setdefault(iso3, sentence)
    return list(out.items())
