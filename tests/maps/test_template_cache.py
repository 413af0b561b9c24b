"""The compiled-template cache (geo.maps.template_cache): served from disk in the next process, never wrong."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import folium
import jinja2
import pytest

import geo.maps  # noqa: F401  # installs the cache, as every user of geo.maps does
from geo.maps import template_cache

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh DRILLMAP_HOME; the process-wide store and its state are reset before and restored after the test."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path))
    kept, state = dict(template_cache._store), dict(template_cache._state)
    template_cache._store.clear()
    template_cache._state.update(dirty=False, sealed=False)
    yield tmp_path
    template_cache._store.clear()
    template_cache._store.update(kept)
    template_cache._state.update(state)


def _unique_source(text: str = "") -> str:
    return f"{{% macro script(this) %}}var v_{uuid.uuid4().hex} = {{{{ this.x|tojson }}}};{text}{{% endmacro %}}"


def test_a_saved_template_is_served_from_the_file_and_renders_the_same(home):
    source = _unique_source()
    fresh = jinja2.Template(source).module.script({"x": [1, "é"]})
    assert template_cache.save()
    assert template_cache.cache_file().parent == home / "cache" and template_cache.cache_file().is_file()
    assert not template_cache.save()  # nothing new: no write
    # After the first save the store is sealed: a map's own templates, made later, are neither kept nor written.
    held = len(template_cache._store)
    jinja2.Template(_unique_source())
    assert len(template_cache._store) == held and not template_cache.save()
    template_cache._store.clear()
    template_cache._load()
    before = template_cache.hits()
    cached = jinja2.Template(source).module.script({"x": [1, "é"]})
    assert template_cache.hits() == before + 1
    assert cached == fresh


def test_a_changed_source_or_syntax_is_compiled_afresh(home):
    source = _unique_source()
    jinja2.Template(source)
    text = f"[[ 1 + 1 ]] {{{{ x }}}}{{# {uuid.uuid4().hex} #}}"
    assert jinja2.Template(text).render(x=3) == "[[ 1 + 1 ]] 3"
    before = template_cache.hits()
    # The same text with other delimiters: the stored code would be wrong, so it is not used.
    other = jinja2.Environment(variable_start_string="[[", variable_end_string="]]")
    assert other.from_string(text).render(x=3).startswith("2 {{ x }}")
    assert jinja2.Template(source.replace("var ", "let ")).module.script({"x": 2}).strip().startswith("let ")
    assert template_cache.hits() == before


def test_templates_whose_code_depends_on_more_are_never_stored(home):
    finalize = jinja2.Environment(finalize=lambda v: "<none>" if v is None else v)
    assert finalize.from_string("{{ x }}").render(x=None) == "<none>"
    extension = jinja2.Environment(extensions=["jinja2.ext.do"])
    extension.from_string("{% do [].append(1) %}")
    jinja2.Template(_unique_source("x" * template_cache.MAX_SOURCE_CHARS))  # too large
    assert not template_cache._store


def test_an_unreadable_cache_file_is_ignored(home):
    path = template_cache.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00 not marshal data")
    template_cache._load()
    assert jinja2.Template("{{ 2 * 3 }}").render() == "6"
    assert template_cache.save()  # replaced by a good file


def test_folium_in_a_new_process_reads_what_prepare_would_save(tmp_path):
    """The next process compiles none of folium's templates (the cold import's largest part)."""
    script = textwrap.dedent(
        """
        import sys
        from geo.maps import template_cache
        import folium.plugins
        print(template_cache.hits(), template_cache.save())
        """
    )
    env = {"DRILLMAP_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    first_hits, first_saved = runs[0].stdout.split()
    second_hits, second_saved = runs[1].stdout.split()
    assert (first_saved, second_saved) == ("True", "False")
    assert int(second_hits) >= 80 > int(first_hits)


PLAIN_TEXTS = [
    "var a = 1;",
    "var a = 1;\n",
    "line one\nline two\n\n",
    "\n",
    "  leading and trailing spaces  \n ",
    "quotes ' \" and backslashes \\ \\n \\u00e9 and é, Минск, 🗺️",
    "braces { } {x} %} #} }} and percent % and hash #",
    "x" * (template_cache.MAX_SOURCE_CHARS + 10),
]


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_a_plain_text_template_renders_as_jinja_renders_it(home, monkeypatch, text):
    fast = jinja2.Template(text)
    monkeypatch.setattr(template_cache, "plain_text", lambda env, source: None)
    assert fast.render() == jinja2.Template(text).render()
    assert fast.render(this=object()) == jinja2.Template(text).render(this=object())


@pytest.mark.parametrize("text", ["a {{ x }} b", "a {% if 1 %}b{% endif %}", "a {# c #} b", "a\r\nb", "a\rb"])
def test_text_with_tags_or_carriage_returns_is_compiled_as_usual(text):
    assert template_cache.plain_text(jinja2.Environment(), text) is None
    assert jinja2.Template(text).render(x=1) == jinja2.Environment().from_string(text).render(x=1)


def test_other_settings_are_compiled_as_usual():
    assert template_cache.plain_text(jinja2.Environment(keep_trailing_newline=True), "a\n") is None
    assert jinja2.Environment(keep_trailing_newline=True).from_string("a\n").render() == "a\n"
    assert template_cache.plain_text(jinja2.Environment(line_statement_prefix="#"), "# for x in y") is None
    assert template_cache.plain_text(jinja2.Environment(newline_sequence="\r\n"), "a\nb\n") is None
    assert jinja2.Environment(newline_sequence="\r\n").from_string("a\nb\n").render() == "a\r\nb"


def test_a_map_renders_the_same_without_the_plain_text_shortcut(home, monkeypatch):
    from geo.maps.offline import make_map

    def rendered() -> str:
        m = make_map(location=[53.9, 27.6], zoom_start=6)
        folium.GeoJson({"type": "Point", "coordinates": [27.6, 53.9]}, name="pt").add_to(m)
        folium.Marker([53.9, 27.6], popup="Минск {x}").add_to(m)
        html = m.get_root().render()
        return re.sub(r"[0-9a-f]{32}", "ID", html)

    fast = rendered()
    monkeypatch.setattr(template_cache, "plain_text", lambda env, source: None)
    assert fast == rendered()
