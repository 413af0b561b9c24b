"""The protocol client of ``bench/load.py``: the BackMsg it builds, the ForwardMsg stream it reads, and a real server.

No timing is asserted (speed is the bench's business): only that the client speaks Streamlit's protocol as
the installed version does, so the bench measures page runs that really happened.
"""

from __future__ import annotations

import asyncio
import importlib.util
import random
import sys
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.conftest import run_streamlit

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_load", BENCH / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


load = _load_bench()


def _finished(status: int) -> bytes:
    msg = ForwardMsg()
    msg.script_finished = status  # type: ignore[assignment]
    return msg.SerializeToString()


def test_rerun_message_is_the_browsers_rerun_request() -> None:
    data = load.rerun_message(
        "alliance=NATO",
        page_script_hash="abc",
        widgets=[
            ("$$ID-toggle", "bool_value", True),
            ("$$ID-multi", "string_array_value", ["NATO", "CSTO"]),
            ("$$ID-years", "double_array_value", [2016.0, 2025.0]),
        ],
        cached_hashes=["h1", "h2"],
        url="http://127.0.0.1:1/?alliance=NATO",
    )
    msg = BackMsg()
    msg.ParseFromString(data)
    assert msg.WhichOneof("type") == "rerun_script"
    rerun = msg.rerun_script
    assert (rerun.query_string, rerun.page_script_hash, rerun.page_name) == ("alliance=NATO", "abc", "")
    toggle, multi, years = rerun.widget_states.widgets
    assert (toggle.id, toggle.WhichOneof("value"), toggle.bool_value) == ("$$ID-toggle", "bool_value", True)
    assert (multi.id, list(multi.string_array_value.data)) == ("$$ID-multi", ["NATO", "CSTO"])
    assert (years.id, list(years.double_array_value.data)) == ("$$ID-years", [2016.0, 2025.0])
    assert list(rerun.cached_message_hashes) == ["h1", "h2"]
    assert rerun.context_info.url == "http://127.0.0.1:1/?alliance=NATO"


def test_session_follows_a_run_until_it_finished_successfully() -> None:
    session, run = load.Session(), load.Run("link", 1.0)
    new = ForwardMsg()
    new.new_session.page_script_hash = "page-hash"
    toggle = ForwardMsg()
    toggle.delta.new_element.checkbox.label = "Only sites near NATO"
    toggle.delta.new_element.checkbox.id = "$$ID-nato"
    toggle.delta.new_element.checkbox.default = True
    years = ForwardMsg()
    years.delta.new_element.slider.label = "Years"
    years.delta.new_element.slider.id = "$$ID-years"
    years.delta.new_element.slider.default.extend([2016.0, 2025.0])
    years.delta.new_element.slider.value.extend([2020.0, 2021.0])
    years.delta.new_element.slider.set_value = True
    component = ForwardMsg()
    component.delta.new_element.component_instance.component_name = load.MAP_COMPONENT
    component.metadata.cacheable = True
    component.hash = "map-hash"
    # st.rerun() ends a run early (what it drew is dropped); the run the user asked for is the one that follows.
    assert not session.observe(years.SerializeToString(), run, 1.5)
    assert not session.observe(_finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN), run, 1.5)
    assert run.status == "running"
    for msg in (new, toggle, years, component):
        assert not session.observe(msg.SerializeToString(), run, 2.0)
    assert session.observe(_finished(ForwardMsg.FINISHED_SUCCESSFULLY), run, 3.0)
    assert (run.status, run.seconds, run.map_sent) == ("ok", 2.0, True)
    assert session.page_script_hash == "page-hash"
    assert session.widget_ids == {"Only sites near NATO": "$$ID-nato", "Years": "$$ID-years"}
    assert session.cached == {"map-hash": True}
    # The next request carries what the run showed (a slider's set value, a checkbox's default), with the change.
    assert session.widget_states({"$$ID-nato": ("bool_value", False)}) == [
        ("$$ID-nato", "bool_value", False),
        ("$$ID-years", "double_array_value", [2020.0, 2021.0]),
    ]

    # The next run gets the map by reference only: it was sent all the same.
    again = load.Run("toggle", 4.0)
    ref = ForwardMsg()
    ref.ref_hash = "map-hash"
    assert not session.observe(ref.SerializeToString(), again, 4.5)
    assert session.observe(_finished(ForwardMsg.FINISHED_SUCCESSFULLY), again, 5.0)
    assert again.map_sent


def test_session_marks_a_run_that_shows_an_exception_or_does_not_compile() -> None:
    session, run = load.Session(), load.Run("link", 0.0)
    exc = ForwardMsg()
    exc.delta.new_element.exception.type = "TypeError"
    exc.delta.new_element.exception.message = "'int' object is not iterable"
    session.observe(exc.SerializeToString(), run, 1.0)
    assert session.observe(_finished(ForwardMsg.FINISHED_SUCCESSFULLY), run, 1.0)
    assert (run.status, run.detail, run.map_sent) == ("exception", "TypeError: 'int' object is not iterable", False)

    broken = load.Run("link", 0.0)
    assert session.observe(_finished(ForwardMsg.FINISHED_WITH_COMPILE_ERROR), broken, 1.0)
    assert broken.status == "compile error"


@pytest.mark.slow
def _run(coroutine: Coroutine[Any, Any, None]) -> None:
    """Run a client in a thread of its own: a browser test's Playwright may already run a loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def test_client_runs_the_empty_map_page_of_a_real_server(tmp_path: Path) -> None:
    """One client against ``bench/empty_map_app.py``: its page runs finish well and send the st_folium map."""
    with run_streamlit("test-bench-load", script=str(load.baseline_script(tmp_path))) as base:
        first = load.Client(base, time.perf_counter(), 60.0, random.Random(1), 0)  # one session: the first visit
        _run(first.run())
        # Warm now: a page run takes well under a second, so a rerun follows within the think time (<= 2 s).
        client = load.Client(base, time.perf_counter() + 5.0, 60.0, random.Random(1), 1)
        _run(client.run())
    assert first.errors == client.errors == []
    assert [r.kind for r in first.runs] == ["link"]
    assert [r.kind for r in client.runs][:2] == ["link", "rerun"]
    assert all(r.status == "ok" and r.map_sent for r in first.runs + client.runs), client.runs
