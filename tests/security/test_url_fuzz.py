"""URL-parameter fuzz: any link gives the dashboard no exception, and every notice quoting it is inert Markdown.

Hypothesis writes parameter names (Drillmap's own and random ones) and hostile values. The decoder
(:func:`geo.maps.url_state.decode`) takes many examples; the whole app under Streamlit's AppTest takes a
few (each run of ``app.py`` costs about a second once warm). Fixed cases with a link and an image in a
notice are in ``tests/pages/test_pages.py``.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from geo.core.text import md_escape
from geo.maps.url_state import KNOWN_PARAMS, Choices, decode
from tests.support.payloads import INJECTIONS, LITERAL_AUTOLINK, LIVE_MARKDOWN

ROOT = Path(__file__).resolve().parents[2]
CHOICES = Choices(years=(2009, 2025), countries=("BLR", "LTU", "RUS"), families=("zapad",), exercises=("zapad-2021",))

_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
values = st.one_of(
    st.sampled_from(list(INJECTIONS.values())),
    st.sampled_from(["2020-2025", "1900-3000", "-", "NATO,CSTO", "1", "0", "nan", "inf", "1e309", "zapad-2021:0"]),
    st.text(alphabet=_ALPHABET, max_size=60),
    st.text(alphabet="[]()!<>`*_#-:/.@ 0123456789,", max_size=40),
)
names = st.one_of(st.sampled_from(KNOWN_PARAMS), st.text(alphabet=_ALPHABET, min_size=1, max_size=20))
params = st.dictionaries(names, st.one_of(values, st.lists(values, min_size=1, max_size=3)), max_size=6)


def _assert_inert(markdown: str) -> None:
    html = MarkdownIt("commonmark").render(markdown)
    assert "<a " not in html and "<img" not in html and "<script" not in html, markdown
    assert LIVE_MARKDOWN.search(markdown) is None, markdown
    assert LITERAL_AUTOLINK.search(markdown.replace("\\", "")) is None, markdown


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(query=params)
def test_decoding_any_link_gives_a_state_and_inert_notices(query):
    _state, notices = decode(query, CHOICES)
    for notice in notices:
        _assert_inert(md_escape(str(notice)))


@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.dictionaries(names, values, min_size=1, max_size=4))
def test_the_dashboard_runs_any_link_without_an_exception(query):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    for warning in at.warning:
        _assert_inert(warning.value)
