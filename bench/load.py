"""Load bench: K websocket clients speaking Streamlit's own protocol to the dashboard, against an empty-map server.

No browser: each client is what the browser's ``ConnectionManager`` does on the wire (Streamlit 1.67), so the
server is measured, not K Chromium pages rendering a large map page on the same cores. A client

* opens ``ws://127.0.0.1:PORT/_stcore/stream`` with the subprotocols ``streamlit, <xsrf token>`` (the page's
  ``_streamlit_xsrf`` cookie or, as here, the browser's ``PLACEHOLDER_AUTH_TOKEN``), permessage-deflate on;
* asks for a run with a ``BackMsg.rerun_script`` (:func:`rerun_message`): the URL's query string, the page
  (``page_script_hash`` empty and ``page_name`` from the URL path on a session's first run, then the hash
  the server's ``new_session`` named), the widget states (every checkbox, slider, multiselect, text input
  and selectbox, and the button groups the script set: :func:`_widget_value`), the hashes of the cacheable messages
  it already holds (so a rerun gets the map as a ``ref_hash``, as the browser does) and its context;
* reads ``ForwardMsg`` until ``script_finished`` says the script finished (:class:`Session`). A *page run*
  is the time from sending the request to that message; the run failed when it finished otherwise (a
  compile error), showed an exception, or took longer than ``--timeout``. For Drillmap, the run also must
  have sent the map (the ``streamlit_folium.st_folium`` component, in full or by reference).

Each client opens the Map page from a link (a query string of :data:`LINKS`, read on a session's first run,
see ``geo/maps/url_state.py``), then until the end alternates, after a think time of 0.5-2 s, clicks on the
sidebar toggle "Only sites near NATO" (its widget id and value are read from the page's deltas, and the
request carries every widget's value, as the browser's does; a plain rerun where there is
none, as on the baseline) and, every :data:`NEW_SESSION_EVERY` actions, a new session from the
next link. Meanwhile a separate process asks ``/_stcore/health`` every 0.25 s. The same load runs against
``bench/empty_map_app.py`` (an empty folium map through ``st_folium``, a separate ``streamlit run`` of the
same kind) in the same run: the ratios say what Drillmap adds to what Streamlit alone costs under load.

Not emulated: the component's value the browser sends back once the map is drawn (bounds and zoom: a
fragment rerun of the map alone), static files and the browser's own rendering.

Usage: ``python bench/load.py [--quick] [--clients K] [--seconds S] [--timeout S]``.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ is not a package

from results import Row, record
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.support.streamlit_server import REPO_ROOT, StreamlitServer, start_streamlit

ARTIFACTS_DIR = REPO_ROOT / "artifacts"
MAP_COMPONENT = "streamlit_folium.st_folium"
#: What the browser puts in ``Sec-WebSocket-Protocol``: the protocol, then its XSRF token (no cookie here).
SUBPROTOCOLS = ("streamlit", "PLACEHOLDER_AUTH_TOKEN")
#: Links a client opens a session with (query strings the app reads on a session's first run).
LINKS = (
    "",
    "alliance=NATO",
    "years=2021",
    "ring_at=nato&rings=50,100,200",
    "alliance=Russia-Belarus&years=2020-2025",
    "nato_km=100",
)
NATO_TOGGLE = "Only sites near NATO"
NEW_SESSION_EVERY = 4
THINK_S = (0.5, 2.0)
HEALTH_EVERY_S = 0.25
IDLE_HEALTH_SAMPLES = 20
_FINISHED = ForwardMsg.ScriptFinishedStatus


def rerun_message(
    query_string: str,
    *,
    page_script_hash: str = "",
    page_name: str = "",
    widgets: Iterable[tuple[str, str, Any]] = (),
    cached_hashes: Iterable[str] = (),
    url: str = "",
) -> bytes:
    """Return the serialized ``BackMsg`` with which the browser asks for a run, as ``sendRerunBackMsg`` builds it.

    ``widgets`` are (widget id, ``WidgetState`` field, value) triples: ``bool_value`` (checkbox, toggle) with
    a bool, or an array field (``double_array_value``: slider; ``string_array_value``: multiselect) with a list.
    """
    msg = BackMsg()
    rerun = msg.rerun_script
    rerun.query_string = query_string
    rerun.page_script_hash = page_script_hash
    rerun.page_name = page_name
    rerun.cached_message_hashes.extend(cached_hashes)
    for widget_id, kind, value in widgets:
        state = rerun.widget_states.widgets.add()
        state.id = widget_id
        if kind.endswith("_array_value"):
            getattr(state, kind).data.extend(value)
        else:
            setattr(state, kind, value)
    info = rerun.context_info
    info.timezone, info.timezone_offset, info.locale, info.url = "UTC", 0, "en-US", url
    info.color_scheme = "light"
    return bytes(msg.SerializeToString())


@dataclass
class Run:
    """One page run as the client saw it (times from ``time.perf_counter()``)."""

    kind: str  # "link" (a new session), "toggle" or "rerun"
    started: float
    finished: float | None = None
    status: str = "running"  # then "ok", "exception", "compile error", "timeout" or "disconnected"
    map_sent: bool = False
    received_bytes: int = 0
    detail: str = ""  # the exception's type and message
    link: str = ""  # the query string the session was opened with

    @property
    def seconds(self) -> float:
        """Seconds from the request to the end of the run (NaN while it runs)."""
        return (self.finished - self.started) if self.finished is not None else float("nan")


def _widget_value(which: str, body: Any) -> tuple[str, Any] | None:
    """Return the (``WidgetState`` field, value) the browser would send for a widget element, None for others.

    A value the script set (``set_value``) wins over the default, which option lists give as indices; the
    caller keeps the value it holds when the script set none (:meth:`Session._element`).
    """
    if which == "checkbox":
        return "bool_value", body.value if body.set_value else body.default
    if which == "slider":
        return "double_array_value", list(body.value if body.set_value else body.default)
    if which == "multiselect":
        chosen = list(body.raw_values) if body.set_value else [body.options[i] for i in body.default]
        return "string_array_value", chosen
    if which == "text_input":
        return "string_value", body.value if body.set_value else body.default
    if which == "selectbox" and (body.set_value or 0 <= body.default < len(body.options)):
        return "string_value", body.raw_value if body.set_value else body.options[body.default]
    if which == "button_group" and body.set_value:
        return "string_array_value", list(body.raw_values)
    return None


@dataclass
class Session:
    """What one client knows of its session: the page hash, query string, widget ids and cached messages."""

    page_script_hash: str = ""
    query_string: str = ""
    link: str = ""
    widget_ids: dict[str, str] = field(default_factory=dict)  # label -> id
    #: The values the last finished run showed (:func:`_widget_value`): id -> (WidgetState field, value).
    #: The browser sends every widget's value with each rerun; a client that sent only the one it changed
    #: would ask the server for runs no browser asks for.
    widgets: dict[str, tuple[str, Any]] = field(default_factory=dict)
    cached: dict[str, bool] = field(default_factory=dict)  # hash of a cacheable message -> it is the map
    _fresh: dict[str, tuple[str, Any]] = field(default_factory=dict)  # widget values of the run under way

    def observe(self, data: bytes, run: Run, now: float) -> bool:
        """Take one ``ForwardMsg`` of ``run``; return True when it ends the run."""
        msg = ForwardMsg()
        msg.ParseFromString(data)
        run.received_bytes += len(data)
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.page_script_hash = msg.new_session.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "ref_hash":
            run.map_sent |= self.cached.get(msg.ref_hash, False)
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            is_map = self._element(msg.delta.new_element, run)
            run.map_sent |= is_map
            if msg.metadata.cacheable and msg.hash:
                self.cached[msg.hash] = is_map
        elif kind == "script_finished":
            status = msg.script_finished
            if status == _FINISHED.FINISHED_EARLY_FOR_RERUN:  # st.rerun(): the next run follows by itself
                self._fresh = {}
                return False
            self.widgets, self._fresh = self._fresh, {}
            if status == _FINISHED.FINISHED_WITH_COMPILE_ERROR:
                run.status = "compile error"
            elif run.status == "running":
                run.status = "ok"
            run.finished = now
            return True
        return False

    def _element(self, element: Any, run: Run) -> bool:
        which = element.WhichOneof("type")
        if which == "exception":
            run.status = "exception"
            run.detail = f"{element.exception.type}: {element.exception.message}"[:300]
            return False
        if which == "component_instance":
            return bool(element.component_instance.component_name == MAP_COMPONENT)
        body = getattr(element, which) if which else None
        label, widget_id = getattr(body, "label", None), getattr(body, "id", None)
        if isinstance(label, str) and isinstance(widget_id, str) and label and widget_id:
            self.widget_ids[label] = widget_id
            value = _widget_value(which, body)
            # Like the browser, keep the value the client holds unless the script set one (or it is new).
            if value is not None:
                held = self.widgets.get(widget_id)
                self._fresh[widget_id] = value if getattr(body, "set_value", False) or held is None else held
        return False

    def widget_states(self, changed: dict[str, tuple[str, Any]] | None = None) -> list[tuple[str, str, Any]]:
        """Return the widget states a browser would send now, with ``changed`` (id -> (field, value)) applied."""
        self.widgets.update(changed or {})  # the browser's own state changes with the click
        return [(widget_id, kind, value) for widget_id, (kind, value) in self.widgets.items()]


@dataclass
class Client:
    """One simulated user of ``base`` (``http://127.0.0.1:PORT``): sessions and page runs until ``deadline``."""

    base: str
    deadline: float
    timeout_s: float
    rng: random.Random
    link_index: int
    runs: list[Run] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def run(self) -> None:
        """Open sessions and run pages until the deadline; record every run and error."""
        from websockets.asyncio.client import connect
        from websockets.typing import Origin, Subprotocol

        ws_url = self.base.replace("http://", "ws://") + "/_stcore/stream"
        while not self.runs or time.perf_counter() < self.deadline:  # at least one session
            link = LINKS[self.link_index % len(LINKS)]
            self.link_index += 1
            try:
                async with connect(
                    ws_url,
                    subprotocols=[Subprotocol(p) for p in SUBPROTOCOLS],
                    origin=Origin(self.base),
                    max_size=None,
                    open_timeout=30,
                ) as ws:
                    await self._session(ws, link)
            except Exception as exc:  # a refused or dropped connection is a result, not a crash
                self.errors.append(f"{type(exc).__name__}: {exc}")
                if self.runs and self.runs[-1].status == "running":
                    self.runs[-1].status = "disconnected"
                await asyncio.sleep(1.0)

    async def _session(self, ws: Any, link: str) -> None:
        session = Session(query_string=link, link=link)
        await self._page_run(ws, session, "link", [])
        for _ in range(NEW_SESSION_EVERY - 1):
            await asyncio.sleep(self.rng.uniform(*THINK_S))
            if time.perf_counter() >= self.deadline:
                return
            toggle = session.widget_ids.get(NATO_TOGGLE)
            if toggle is None or toggle not in session.widgets:
                await self._page_run(ws, session, "rerun", session.widget_states())
            else:
                flipped = not session.widgets[toggle][1]
                await self._page_run(ws, session, "toggle", session.widget_states({toggle: ("bool_value", flipped)}))
        await asyncio.sleep(self.rng.uniform(*THINK_S))

    async def _page_run(self, ws: Any, session: Session, kind: str, widgets: list[tuple[str, str, Any]]) -> None:
        request = rerun_message(
            session.query_string,
            page_script_hash=session.page_script_hash,
            widgets=widgets,
            cached_hashes=list(session.cached),
            url=f"{self.base}/?{session.query_string}" if session.query_string else f"{self.base}/",
        )
        run = Run(kind, time.perf_counter(), link=session.link)
        self.runs.append(run)
        await ws.send(request)
        try:
            async with asyncio.timeout(self.timeout_s):
                while not session.observe(await ws.recv(), run, time.perf_counter()):
                    pass
        except TimeoutError:
            run.status = "timeout"
            raise


def probe_health(base: str, seconds: float) -> list[float]:
    """Ask ``/_stcore/health`` every :data:`HEALTH_EVERY_S` for ``seconds``; return each latency (10 s: no answer)."""
    latencies: list[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        latencies.append(health_latency(base))
        time.sleep(HEALTH_EVERY_S)
    return latencies


def health_latency(base: str) -> float:
    """Return the seconds one ``/_stcore/health`` request takes (10 s when it fails or takes longer)."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as resp:
            resp.read()
    except OSError:
        return 10.0
    return time.perf_counter() - start


def cpu_seconds(pid: int) -> float:
    """Return the CPU seconds (user + system) process ``pid`` and its waited-for children have used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime


def pct(values: Sequence[float], q: float) -> float:
    """Return the ``q`` quantile (0..1) of ``values``, interpolated linearly between ranks (NaN when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = q * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


@dataclass
class LoadResult:
    """A load run on one server: every page run, every client error and the health check latencies."""

    runs: list[Run]
    errors: list[str]
    idle_health: list[float]
    health: list[float]
    server_cpu_s: float  # CPU seconds the server used during the load

    def ok_seconds(self, kind: str | None = None) -> list[float]:
        """Seconds of the runs that finished well (of ``kind``, or every kind)."""
        return [r.seconds for r in self.runs if r.status == "ok" and (kind is None or r.kind == kind)]

    def failed(self) -> list[Run]:
        """Runs that ended badly (a run cut by the end of the load is not counted)."""
        return [r for r in self.runs if r.status not in ("ok", "running")]


async def _clients(base: str, k: int, seconds: float, timeout_s: float, seed: int) -> list[Client]:
    deadline = time.perf_counter() + seconds
    clients = [Client(base, deadline, timeout_s, random.Random(seed + i), i) for i in range(k)]
    tasks = [asyncio.create_task(c.run()) for c in clients]
    await asyncio.sleep(0)
    # A run still going at the deadline may finish within the timeout; then the clients are stopped.
    done, pending = await asyncio.wait(tasks, timeout=seconds + timeout_s)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for task in done:
        if task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
    return clients


def load(server: StreamlitServer, k: int, seconds: float, timeout_s: float, seed: int = 12) -> LoadResult:
    """Run ``k`` clients on ``server`` for ``seconds`` while another process probes its health check."""
    warm = asyncio.run(_clients(server.base, 1, 0.0, timeout_s, seed))[0]  # untimed: the first visit
    if not warm.runs or warm.runs[0].status != "ok":
        raise RuntimeError(f"the first visit of {server.base} failed: {warm.runs[:1]} {warm.errors[:1]}")
    print(f"{server.base}: first visit {warm.runs[0].seconds:.2f} s, before the load")
    idle = [health_latency(server.base) for _ in range(IDLE_HEALTH_SAMPLES)]
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        probe = pool.apply_async(probe_health, (server.base, seconds))
        cpu_before = cpu_seconds(server.proc.pid)
        clients = asyncio.run(_clients(server.base, k, seconds, timeout_s, seed))
        cpu = cpu_seconds(server.proc.pid) - cpu_before
        health = probe.get(timeout=seconds + 60)
    runs = [r for c in clients for r in c.runs]
    return LoadResult(runs, [e for c in clients for e in c.errors], idle, health, cpu)


def baseline_script(tmp: Path) -> Path:
    """Copy ``bench/empty_map_app.py`` into ``tmp`` beside a link to ``static/`` (served beside the main script)."""
    import shutil

    script = tmp / "empty_map_app.py"
    shutil.copyfile(REPO_ROOT / "bench" / "empty_map_app.py", script)
    (tmp / "static").symlink_to(REPO_ROOT / "static", target_is_directory=True)
    return script


def _ms(values: Sequence[float]) -> str:
    return (
        f"p50 {pct(values, 0.5) * 1000:.0f} ms  p95 {pct(values, 0.95) * 1000:.0f} ms  max {max(values) * 1000:.0f} ms"
    )


def _s(values: Sequence[float]) -> str:
    if not values:
        return "none"
    return f"p50 {pct(values, 0.5):.2f} s  p95 {pct(values, 0.95):.2f} s  max {max(values):.2f} s"


def report(app: LoadResult, empty: LoadResult, k: int, seconds: float) -> list[Row]:
    """Print the table of both load runs; return the summary rows of ``make bench``."""
    lines: list[tuple[str, str, str]] = []
    for name, res in (("Drillmap", app), ("baseline *", empty)):
        ok = res.ok_seconds()
        lines.append((f"{name}: page runs finished well (n={len(ok)})", _s(ok), ""))
        for kind in ("link", "toggle", "rerun"):
            some = res.ok_seconds(kind)
            if some:
                lines.append((f"  {kind} (n={len(some)})", _s(some), ""))
        failed = res.failed()
        statuses = sorted({r.status for r in failed})
        lines.append(("  failed runs / client errors", f"{len(failed)} / {len(res.errors)}", ", ".join(statuses)))
        if name == "Drillmap":
            without = sum(1 for r in res.runs if r.status == "ok" and not r.map_sent)
            lines.append(("  runs that finished without sending the map", str(without), "must be 0"))
        per_run = res.server_cpu_s / max(len(res.runs), 1)
        cpu_txt = f"{res.server_cpu_s:.0f} s, {per_run:.2f} s a run"
        lines.append(("  server CPU during the load", cpu_txt, f"{res.server_cpu_s / seconds:.2f} cores busy"))
        lines.append((f"  health check, idle (n={len(res.idle_health)})", _ms(res.idle_health), ""))
        lines.append((f"  health check under load (n={len(res.health)})", _ms(res.health), ""))
    width = max(len(label) for label, _, _ in lines)
    print(f"{'load: ' + str(k) + ' websocket clients for ' + f'{seconds:.0f} s':<{width}}  {'value':<40} note")
    for label, value, note in lines:
        print(f"{label:<{width}}  {value:<40} {note}".rstrip())
    print("* bench/empty_map_app.py under the same load, served by a separate `streamlit run` of the same kind.")
    return summary_rows(app, empty, k, seconds)


def summary_rows(app: LoadResult, empty: LoadResult, k: int, seconds: float) -> list[Row]:
    """Return the rows of ``make bench``'s summary: page run p95 and max, failures, health check under load."""
    what = f"{k} websocket sessions for {seconds:.0f} s:"
    a_ok, e_ok = app.ok_seconds(), empty.ok_seconds()
    a95, e95 = pct(a_ok, 0.95), pct(e_ok, 0.95)
    a_h, e_h = pct(app.health, 0.95), pct(empty.health, 0.95)
    bad = len(app.failed()) + len(app.errors) + sum(1 for r in app.runs if r.status == "ok" and not r.map_sent)
    return [
        Row(f"{what} page run p95", f"{e95:.2f} s", f"{a95:.2f} s", f"{a95 / e95:.1f}x", "<= 3 s", a95 <= 3),
        Row(f"{what} page run max", f"{max(e_ok, default=0):.2f} s", f"{max(a_ok, default=0):.2f} s", "", "", None),
        Row(f"{what} failed runs + errors", "", str(bad), "", "0", bad == 0),
        Row(f"{what} health check p95", f"{e_h * 1000:.0f} ms", f"{a_h * 1000:.0f} ms", "", "<= 1 s", a_h <= 1),
        Row(
            f"{what} health check max",
            f"{max(empty.health) * 1000:.0f} ms",
            f"{max(app.health) * 1000:.0f} ms",
            "",
            "<= 1 s",
            max(app.health) <= 1,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 clients for 20 s")
    parser.add_argument("--clients", type=int, help="concurrent websocket clients (default 20)")
    parser.add_argument("--seconds", type=float, help="length of each load run (default 120)")
    parser.add_argument("--timeout", type=float, default=60.0, help="bound of one page run, seconds (default 60)")
    args = parser.parse_args(argv)
    k = args.clients or (5 if args.quick else 20)
    seconds = args.seconds or (20.0 if args.quick else 120.0)
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="drillmap-bench-load-") as tmp:
        app = start_streamlit("bench-load", log_dir=ARTIFACTS_DIR, timeout_s=args.timeout)
        try:
            empty = start_streamlit(
                "bench-load-empty", script=baseline_script(Path(tmp)), log_dir=ARTIFACTS_DIR, timeout_s=args.timeout
            )
            try:
                empty_res = load(empty, k, seconds, args.timeout)
            finally:
                empty.stop()
            app_res = load(app, k, seconds, args.timeout)
        finally:
            app.stop()
    record("load", report(app_res, empty_res, k, seconds))
    for res in (app_res, empty_res):
        for error in sorted(set(res.errors))[:5]:
            print(f"client error: {error}")
        for detail in sorted({f"{r.detail} (a {r.kind} run of ?{r.link})" for r in res.runs if r.detail})[:8]:
            print(f"exception shown: {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
