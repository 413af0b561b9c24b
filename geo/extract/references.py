"""How an article refers back to its exercises: aliases it gives in brackets and plural references to all of them.

* "Spring Storm (Kevadtorm) 2024 … Operation Kevadtorm": the bracketed name is an alias the article gives, so a
  later mention of it is the same family (:class:`ArticleAliases`).
* "The “Ussisõnad” exercise … Ussisõnad activities will take place until October 8": a name the catalog does not
  know, introduced in quotes, is that exercise when the article writes it again bare (eighteenth pass).
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


#: Quotes around a name as it is introduced ("The “Ussisõnad” exercise").
_OPENS, _CLOSES = "‘'\"“«", "’'\"”»"


@dataclass
class ArticleAliases:
    """The aliases one article gives its names in brackets, folded alias → family name, read in text order.

    ``known`` holds the folded names the catalog knows; ``introduced`` the names of no known family the article
    introduced in quotes, without a year, as written, each with its first mention.
    """

    families: dict[str, str] = field(default_factory=dict)
    known: frozenset[str] = frozenset()
    introduced: dict[str, NameMention] = field(default_factory=dict)

    def read(self, sentence: str, names: list[NameMention]) -> list[NameMention]:
        """Return the sentence's names with the families aliased earlier, and note the aliases it gives."""
        out = self._again(sentence, [self._aliased(name) for name in names])
        for name in out:
            # After the name, or inside it before its year ("Zapad (West) 2017" is one name: its gloss is an alias).
            bracket = _BRACKETED.match(sentence, name.end) or _BRACKETED.search(sentence, name.start, name.end)
            if bracket is not None:
                self.families[name_key(bracket.group("alias"))] = name.base
            quoted = sentence[name.start - 1 : name.start] in _OPENS and sentence[name.end : name.end + 1] in _CLOSES
            if quoted and name.year is None and name.key not in self.known and name.start > 0:
                self.introduced.setdefault(name.text, name)
        return out

    def _again(self, sentence: str, names: list[NameMention]) -> list[NameMention]:
        """Add the introduced names the sentence writes again bare, where no other name stands."""
        out = list(names)
        for text, first in self.introduced.items():
            for match in re.finditer(rf"(?<![\w’'-]){re.escape(text)}(?![\w’-])", sentence):
                if not any(match.start() < n.end and n.start < match.end() for n in out):
                    out.append(replace(first, start=match.start(), end=match.end(), distinct=False))
        return sorted(out, key=lambda n: n.start)

    def _aliased(self, name: NameMention) -> NameMention:
        base = self.families.get(name.key)
        return name if base is None or base == name.base else replace(name, base=base)
