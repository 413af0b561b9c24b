"""Compiled Jinja templates kept on disk between processes, so importing folium does not compile them again.

folium, branca and streamlit-folium build about 90 ``jinja2.Template`` objects when they are imported (one
per element class, every folium plugin included), and Jinja compiles each: a parse, Python code
generation and ``compile()``, about a third of importing them (0.3-1 s on this 2-core machine, in the
first visit to a new dashboard server and in every CLI command that draws a map). The code Jinja
generates depends only on its version, the Python version, the environment's syntax settings and the
template's source and name, so it is kept under a digest of exactly those and is never stale.

:func:`install` (called by :mod:`geo.maps`, before folium is first imported) wraps
``jinja2.Environment.compile`` to look the code up in ``$DRILLMAP_HOME/cache/jinja-<key>.marshal``;
:func:`save` writes what was compiled since (``python -m geo prepare`` and the dashboard's first run call
it) and then stops the store from growing: what is compiled later in the process is mostly templates made
from a map's own data (branca elements built per map), which no later process would ask for again, and
keeping them would rewrite the file after every page run. Templates whose generated code could depend on
more (extensions, a ``finalize`` or a callable ``autoescape``), raw compiles and large sources are
compiled as usual and never stored. Writes are atomic.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import sys
import threading
from pathlib import Path
from types import CodeType
from typing import Any, Final

import jinja2

from geo.core.derived import DERIVED_FORMAT, cache_dir, write_atomically

#: Sources longer than this (characters) are not stored: the library templates are a few KB each, and a
#: template made at run time from data would only grow the file.
MAX_SOURCE_CHARS: Final = 50_000
#: Templates stored at most (the libraries' are about 90): a bound for templates made at run time.
MAX_TEMPLATES: Final = 400

_lock = threading.Lock()
_store: dict[str, CodeType] = {}
_state = {"dirty": False, "hits": 0, "sealed": False}
#: Stands for the text of a plain-text template (:func:`_text_code`).
_PLACEHOLDER: Final = "drillmap plain text template placeholder"
#: The code of a plain-text template with :data:`_PLACEHOLDER` for its text, per environment and name.
_text_templates: dict[str, CodeType] = {}


def cache_file() -> Path:
    """The cache file of this Jinja, Python and marshal version (``$DRILLMAP_HOME/cache/jinja-<key>.marshal``)."""
    parts = f"{DERIVED_FORMAT} {jinja2.__version__} {sys.version} {marshal.version}"
    return cache_dir() / f"jinja-{hashlib.sha256(parts.encode()).hexdigest()[:24]}.marshal"


def _entry_key(env: jinja2.Environment, source: str, name: str | None, filename: str | None, defer: bool) -> str | None:
    """The digest naming one compiled template, or None when its code could depend on more than the key."""
    if env.extensions or env.finalize is not None or not isinstance(env.autoescape, bool):
        return None
    if len(source) > MAX_SOURCE_CHARS:
        return None
    kind = type(env)
    settings = (
        f"{kind.__module__}.{kind.__qualname__}",
        f"{env.code_generator_class.__module__}.{env.code_generator_class.__qualname__}",
        f"{env.lexer.__class__.__module__}.{env.lexer.__class__.__qualname__}",
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, env.is_async, env.autoescape,
        # A template naming an unknown filter or test fails to compile: the names are part of the key.
        tuple(sorted(env.filters)), tuple(sorted(env.tests)),
    )  # fmt: skip
    return hashlib.sha256(repr((settings, name, filename, defer, source)).encode("utf-8")).hexdigest()


def _load() -> None:
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        stored = marshal.loads(cache_file().read_bytes())
        if isinstance(stored, dict):
            _store.update((k, v) for k, v in stored.items() if isinstance(k, str) and isinstance(v, CodeType))


def plain_text(env: jinja2.Environment, source: str) -> str | None:
    r"""What ``source`` renders to if it is plain text to ``env`` (no tag of any kind), else None.

    Jinja renders a template without tags as its text less one trailing newline (``keep_trailing_newline``
    off) with its newlines written as ``newline_sequence``; only the common case is answered here (``\n``
    newlines, no ``\r``), anything else is None and compiled as usual.
    """
    if env.extensions or env.line_statement_prefix or env.line_comment_prefix or env.newline_sequence != "\n":
        return None
    if env.keep_trailing_newline or "\r" in source:
        return None
    starts = (env.block_start_string, env.variable_start_string, env.comment_start_string)
    if any(start in source for start in starts):
        return None
    text = source.removesuffix("\n")
    return text or None


def _with_text(code: CodeType, text: str) -> CodeType:
    """``code`` (a template's, nested functions included) with its constant :data:`_PLACEHOLDER` made ``text``."""
    consts = tuple(
        text if type(c) is str and c == _PLACEHOLDER else _with_text(c, text) if isinstance(c, CodeType) else c
        for c in code.co_consts
    )
    return code.replace(co_consts=consts)


def _text_code(
    env: jinja2.Environment, text: str, name: str | None, filename: str | None, defer: bool, original: Any
) -> CodeType | None:
    """The code Jinja compiles for a template that renders to ``text`` (:func:`plain_text`), without parsing ``text``.

    A map's elements render their scripts and then wrap each in a branca ``Element``, whose template is that
    text: Jinja parsed and compiled every one (a tenth of a second per map). The code of a plain-text template
    is the same whatever its text but for one constant: it is compiled once per environment, name and file
    with a placeholder, and the text is put in its place. None when the environment's code could depend on
    more than :func:`_entry_key` names.
    """
    key = _entry_key(env, _PLACEHOLDER, name, filename, defer)
    if key is None:  # its code could depend on more than the key: compiled as usual
        return None
    with _lock:
        code = _text_templates.get(key)
    if code is None:
        code = original(env, _PLACEHOLDER, name, filename, False, defer)
        with _lock:
            _text_templates[key] = code
    return _with_text(code, text)


@functools.cache
def install() -> None:
    """Wrap ``jinja2.Environment.compile`` with the on-disk cache, once per process (read the file now)."""
    _load()
    original: Any = jinja2.Environment.compile

    def compile_cached(
        self: jinja2.Environment,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if not raw and isinstance(source, str) and (text := plain_text(self, source)) is not None:
            plain = _text_code(self, text, name, filename, defer_init, original)
            if plain is not None:
                return plain
        key = None if raw or not isinstance(source, str) else _entry_key(self, source, name, filename, defer_init)
        if key is not None and (code := _store.get(key)) is not None:
            _state["hits"] += 1
            return code
        code = original(self, source, name, filename, raw, defer_init)
        if key is not None and not _state["sealed"] and len(_store) < MAX_TEMPLATES:
            with _lock:
                _store[key] = code
                _state["dirty"] = True
        return code

    jinja2.Environment.compile = compile_cached  # type: ignore[method-assign]


def hits() -> int:
    """Templates served from the cache in this process (for tests and benchmarks)."""
    return _state["hits"]


def save() -> bool:
    """Write the templates this process holds to the cache file if any are new to it; return whether it wrote.

    Only the first call can write: it seals the store (see the module's docstring), so the dashboard calling it
    after every page run costs nothing after the first. A read-only or full disk is not an error: the next
    process compiles them again.
    """
    path = cache_file()
    with _lock:
        if _state["sealed"]:
            return False
        _state["sealed"] = True
        if not _store or not _state["dirty"]:
            return False
        data = marshal.dumps(dict(_store))
        _state["dirty"] = False
    try:
        write_atomically(path, lambda file: file.write(data), keep="jinja-*.marshal")
    except OSError:
        return False
    return True
