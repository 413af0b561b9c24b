"""How an article refers back to its exercises: aliases it gives in brackets and plural references to all of them.

* "Spring Storm (Kevadtorm) 2024 … Operation Kevadtorm": the bracketed name is an alias the article gives, so a
  later mention of it is the same family (:class:`ArticleAliases`).
* "Contingents from A, B and C are taking part in the events": a plural reference to every exercise the article
  reports (:data:`ALL_OF_THEM`); :mod:`geo.extract.grouping` gives such a sentence to the umbrella and its parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from geo.extract.names import NameMention, name_key

#: A name's alias in brackets right after it: "Spring Storm (Kevadtorm) 2024".
_BRACKETED = re.compile(r"\s*\((?P<alias>[A-Z][\w’-]+(?:\s[A-Z][\w’-]+){0,2})\)")

#: A plural reference to every exercise of the report ("taking part in the events", "the exercises will be
#: attended by", "all the drills"); "these exercises" points at the one in focus, not at all of them.
ALL_OF_THEM = re.compile(
    r"\b(?:in\s+the\s+events|(?:the|all(?:\s+the)?|both)\s+(?:[\w-]+\s+){0,2}?(?:exercises|drills|events))\b",
    re.I,
)


@dataclass
class ArticleAliases:
    """The aliases one article gives its names in brackets, folded alias → family name, read in text order."""

    families: dict[str, str] = field(default_factory=dict)

    def read(self, sentence: str, names: list[NameMention]) -> list[NameMention]:
        """Return the sentence's names with the families aliased earlier, and note the aliases it gives."""
        out = [self._aliased(name) for name in names]
        for name in out:
            # After the name, or inside it before its year ("Zapad (West) 2017" is one name: its gloss is an alias).
            bracket = _BRACKETED.match(sentence, name.end) or _BRACKETED.search(sentence, name.start, name.end)
            if bracket is not None:
                self.families[name_key(bracket.group("alias"))] = name.base
        return out

    def _aliased(self, name: NameMention) -> NameMention:
        base = self.families.get(name.key)
        return name if base is None or base == name.base else replace(name, base=base)
