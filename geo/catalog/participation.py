"""The status of a country in an exercise: the one home of "did country X take part in exercise E?".

A country named by the sources of an exercise has one status, each kept in its own list of the catalog
record (:class:`geo.catalog.schema.Exercise`) and of the sites frame, with its own citations:

==================  ====================  ==============================================================
status              field                 meaning
==================  ====================  ==============================================================
``took-part``       ``participants``      took part
``disputed``        ``disputed``          the sources disagree whether it took part
``withdrew``        ``withdrawn``         was announced or expected, then pulled out
``observer``        ``observers``         watched, sent no troops to the exercise
``absent``          ``non_participants``  named by a source as not taking part (invited, declined …)
==================  ====================  ==============================================================

The participant filter counts ``took-part`` only unless told otherwise (:data:`DEFAULT_STATUSES`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Final

from geo.core.countries import country_name
from geo.core.errors import FilterError

#: Status -> the field that lists the countries with it, in the order statuses are shown.
STATUS_FIELDS: Final[dict[str, str]] = {
    "took-part": "participants",
    "disputed": "disputed",
    "withdrew": "withdrawn",
    "observer": "observers",
    "absent": "non_participants",
}
#: Every status, in display order.
STATUSES: Final[tuple[str, ...]] = tuple(STATUS_FIELDS)
#: The statuses the participant filter counts when none are chosen: taking part, and nothing else.
DEFAULT_STATUSES: Final[tuple[str, ...]] = ("took-part",)
#: Words for each status (filter labels, popups, tables).
STATUS_LABELS: Final[dict[str, str]] = {
    "took-part": "took part",
    "disputed": "disputed",
    "withdrew": "withdrew",
    "observer": "observer",
    "absent": "named as not taking part",
}


def statuses_of(record: Mapping[str, object]) -> dict[str, str]:
    """Return ISO3 -> status for every country a record names (an exercise's fields or a sites-frame row).

    Parameters
    ----------
    record
        Holds the lists of :data:`STATUS_FIELDS` (missing or empty lists are allowed).

    Returns
    -------
    dict
        In status order, then in the order each list gives; a country listed twice keeps its first status
        (the schema forbids that for catalog records).
    """
    out: dict[str, str] = {}
    for status, name in STATUS_FIELDS.items():
        values = record.get(name)
        for iso3 in values if isinstance(values, list | tuple) else ():
            out.setdefault(str(iso3), status)
    return out


def parse_statuses(text: str) -> tuple[str, ...]:
    """Parse ``"took-part,disputed"`` (or ``"all"``) into statuses in display order.

    Raises
    ------
    FilterError
        On an unknown status, or when nothing is given.
    """
    items = [item.strip().casefold().replace("_", "-").replace(" ", "-") for item in text.split(",")]
    items = [i for i in items if i]
    if items == ["all"]:
        return STATUSES
    check_statuses(items)
    return tuple(s for s in STATUSES if s in items)


def check_statuses(statuses: Iterable[str]) -> None:
    """Raise FilterError unless ``statuses`` is a non-empty collection of known statuses."""
    given = list(statuses)
    unknown = [s for s in given if s not in STATUS_FIELDS]
    if unknown:
        msg = f"unknown participant status {unknown[0]!r}; expected one of {', '.join(STATUSES)} (or all)"
        raise FilterError(msg)
    if not given:
        msg = f"participant status: give at least one of {', '.join(STATUSES)}"
        raise FilterError(msg)


def statuses_text(statuses: Sequence[str]) -> str:
    """Say what the participant filter counts: ``"took part"``, ``"took part, disputed or withdrew"``."""
    words = [STATUS_LABELS[s] for s in STATUSES if s in statuses]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def other_statuses_text(record: Mapping[str, object], name: Callable[[str], str] = country_name) -> str:
    """Return the disputed and withdrawn countries as ``"disputed: Kazakhstan, Kyrgyzstan; withdrew: Armenia"``.

    Shown right after the participants wherever they are listed (popups, tables, slides), so that a country
    whose part is disputed or who pulled out is never read as a participant, nor lost. Empty when none.
    """
    parts = []
    for status in ("disputed", "withdrew"):
        values = record.get(STATUS_FIELDS[status])
        if isinstance(values, list | tuple) and values:
            parts.append(f"{STATUS_LABELS[status]}: {', '.join(name(str(c)) for c in values)}")
    return "; ".join(parts)


def participants_text(record: Mapping[str, object], name: Callable[[str], str] = country_name) -> str:
    """Return the participants' names, then the disputed and withdrawn (:func:`other_statuses_text`)."""
    values = record.get("participants")
    taking = ", ".join(name(str(c)) for c in values) if isinstance(values, list | tuple) else ""
    others = other_statuses_text(record, name)
    return "; ".join(p for p in (taking, others) if p)
