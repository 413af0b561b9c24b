"""Shared fixtures: an isolated analysts' store, Playwright driving Debian's Chromium, a Streamlit server."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Analysts' store and caches (under DRILLMAP_HOME): tests never write to the repository's var/ folder nor to
# a home set outside, and each pytest-xdist worker gets its own (workers inherit the controller's environment).
os.environ["DRILLMAP_HOME"] = tempfile.mkdtemp(prefix="drillmap-tests-")
os.environ.pop("DRILLMAP_DATABASE_URL", None)

from geo.export.snapshot import CHROMIUM, CHROMIUM_ARGS
from tests.support.streamlit_server import ServerStartError, start_streamlit

ARTIFACTS_DIR = Path(__file__).resolve().parent.parent / "artifacts"


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the 100,000-site map in a child process when its browser test will run (see
    :mod:`tests.support.large_map`): it is ready when that test comes, built on the core pytest leaves idle."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # every worker collects every test; the worker that gets it builds the map (the other core is busy)
    if os.access(CHROMIUM, os.X_OK) and any(item.path.name == "test_map_large_browser.py" for item in session.items):
        from tests.support import large_map

        large_map.start()


#: Test folders whose files run on one xdist worker, in turn: the browser tests (two Chromiums, each with its
#: Streamlit servers, on CI's two cores made their waits time out; one beside the rest of the suite does not) and
#: the store tests (they share the one PostgreSQL test database, which their fixtures drop and recreate).
ONE_WORKER_FOLDERS = ("tests/browser/", "tests/store/")


def xdist_scope(nodeid: str) -> str:
    """The work unit a test belongs to: its folder if listed in :data:`ONE_WORKER_FOLDERS`, else its file."""
    return next((f for f in ONE_WORKER_FOLDERS if nodeid.startswith(f)), nodeid.split("::", 1)[0])


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Schedule ``make test``'s workers by :func:`xdist_scope`.

    Not by ``xdist_group`` marks: pytest-xdist 3.8 groups them by rewriting ``item._nodeid``, which pytest 9 no
    longer reads, so under ``--dist loadgroup`` every test was a unit of its own (two store files once dropped the
    PostgreSQL tables under each other, and the browser tests ran on both workers).
    """
    from xdist.scheduler import LoadScopeScheduling

    class _ByScope(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_scope(nodeid)

    return _ByScope(config, log)


def pytest_sessionfinish(session: pytest.Session) -> None:
    from tests.support import large_map

    large_map.stop()


@pytest.fixture(scope="session")
def chromium_browser():
    """A headless Chromium shared by the session's browser tests.

    Missing ``/usr/bin/chromium`` fails the test when ``CI == "true"`` (browser tests are required there)
    and skips it elsewhere.
    """
    if not os.access(CHROMIUM, os.X_OK):
        reason = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; browser tests are required in CI", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def fresh_page(browser, width: int = 900, height: int = 700) -> Iterator:
    """A new page of ``width`` x ``height`` pixels in its own context (no shared cache or storage)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def browser_page(chromium_browser):
    """A fresh 900 x 700 page (:func:`fresh_page`)."""
    with fresh_page(chromium_browser) as page:
        yield page


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``artifacts/`` at the repository root (gitignored): screenshots and other test outputs."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


# --- A real `streamlit run app.py`, once per test session ---------------------------------------


@contextlib.contextmanager
def run_streamlit(
    name: str = "streamlit_server",
    *,
    script: str = "app.py",
    home: Path | None = None,
    env: dict[str, str] | None = None,
    args: tuple[str, ...] = (),
) -> Iterator[str]:
    """Start ``streamlit run <script>`` on a free port with a fresh analysts' store; yield its base URL.

    See :func:`tests.support.streamlit_server.start_streamlit` (headless, the repository's
    ``.streamlit/config.toml``, ``DRILLMAP_HOME`` = ``home`` or a new temporary folder, waits for
    ``/_stcore/health``; ``env`` and ``args`` are added to its environment and command line); a server that
    does not start fails the test. The process is stopped (terminate,
    then kill) at the end; its output goes to ``artifacts/<name>.log``.
    """
    try:
        server = start_streamlit(name, script=script, home=home, log_dir=ARTIFACTS_DIR, env=env, args=args)
    except ServerStartError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server.base
    finally:
        server.stop()


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[str]:
    """Base URL (``http://127.0.0.1:<port>``) of the app, started once for the session (see run_streamlit)."""
    with run_streamlit() as base:
        yield base
