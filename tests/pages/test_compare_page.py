"""The Compare page under Streamlit's AppTest: sides from the URL, the lists, the URL follows the widgets."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGE = "pages/7_compare.py"


def _compare(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[-1] if isinstance(value, list) else value


def test_sides_from_the_url_and_the_lists():
    at = _compare(a="2017", b="zapad-2021")
    assert at.session_state["c_a_kind"] == "period"
    assert tuple(at.session_state["c_a_years"]) == (2017, 2017)
    assert at.session_state["c_b_kind"] == "exercise"
    assert at.selectbox(key="c_b_ex").value == "zapad-2021"
    text = "\n".join(m.value for m in at.markdown)
    assert "**Only in 2017 (" in text and "**Only in Zapad\\-2021 (" in text
    assert "Zapad\\-2017" in text  # an exercise only in 2017
    html = list(at.get("iframe"))
    assert len(html) == 1 and ".sync(" in html[0].proto.srcdoc
    # Choosing another exercise for B updates the link.
    at.selectbox(key="c_b_ex").select("zapad-2025").run()
    assert not at.exception
    assert (_param(at, "a"), _param(at, "b")) == ("2017", "zapad-2025")


def test_default_and_bad_links():
    at = _compare(b="zapad-2099")
    warnings = " ".join(w.value for w in at.warning)
    assert "b=" in warnings and "no exercise with this id" in warnings
    assert at.selectbox(key="c_a_ex").value == "zapad-2017"
    assert at.selectbox(key="c_b_ex").value == "zapad-2021"
    assert (_param(at, "a"), _param(at, "b")) == ("zapad-2017", "zapad-2021")


def test_the_sidebar_has_no_years_slider_here_and_keeps_the_years_for_the_map():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["years"] = "2021-2022"
    at.run()
    assert tuple(at.slider(key="f_years").value) == (2021, 2022)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "f_years" not in [s.key for s in at.sidebar.slider]
    assert any("each side of the comparison chooses its own" in c.value for c in at.sidebar.caption)
    at.switch_page("pages/1_map.py").run()
    assert tuple(at.slider(key="f_years").value) == (2021, 2022)
