r"""The text of an exported catalog file: the YAML emitter's output under a one-line-per-value comment.

Nothing here assembles YAML from data by hand. The exercise is written by PyYAML's safe emitter; a
text holding a line break that PyYAML's single-quoted style would fold on reading (NEL, LS, PS) is
written double-quoted, where it is escaped (``\N``, ``\L``, ``\P``), so the file loads back to exactly
the stored document. The provenance comment passes every value through
:func:`geo.core.text.terminal_safe`, so no stored text can end a ``#`` line and add keys.
"""

from __future__ import annotations

from typing import Any

import yaml

from geo.core.text import terminal_safe

#: Line breaks that YAML reads inside a single-quoted scalar as folding spaces (PyYAML emits them raw).
_FOLDED_BREAKS = ("\x85", "\u2028", "\u2029")


class _ExportDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with text holding NEL/LS/PS written double-quoted (escaped)."""


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if any(ch in data for ch in _FOLDED_BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_ExportDumper.add_representer(str, _represent_text)


def yaml_document(document: dict[str, Any], *, comment: tuple[str, ...] = ()) -> str:
    """Return ``document`` as catalog YAML, after one ``#`` comment line per entry of ``comment``.

    Parameters
    ----------
    document
        Plain JSON-like values (the stored exercise document).
    comment
        Lines of the provenance comment; any text, control characters and line breaks included.

    Returns
    -------
    str
        The file's text; ``yaml.safe_load`` of it equals ``document``.
    """
    header = "".join(f"# {terminal_safe(line)}\n" for line in comment)
    body = yaml.dump(document, Dumper=_ExportDumper, sort_keys=False, allow_unicode=True, width=110)
    return header + body
