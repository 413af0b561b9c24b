"""The What changed page in Chromium: an edit made in this test's own store is listed with its values.

The store lives in the server's own ``DRILLMAP_HOME`` (a temporary folder); the edit is saved through the
store before the server starts, as a reviewer on another replica would have saved it. Its values hold
Markdown and HTML, which must reach the reader as the text they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.core.settings import SQLITE_FILE_NAME
from geo.store import Store
from tests.conftest import run_streamlit

pytestmark = pytest.mark.browser

REVIEWER = "Tess Tester"
NEW_SUMMARY = "Edited: **not bold** [not a link](https://example.org) <b>not a tag</b> — checked on the ground."


@pytest.fixture(scope="module")
def app_server(tmp_path_factory) -> Iterator[str]:
    home: Path = tmp_path_factory.mktemp("changes-home")
    store = Store.open(f"sqlite:///{home / SQLITE_FILE_NAME}")
    store.save(
        updates={"zapad-2021": lambda e: e.model_copy(update={"summary": NEW_SUMMARY, "end": "2021-09-17"})},
        who=REVIEWER,
        source="https://example.org/report",
    )
    store.engine.dispose()
    with run_streamlit("changes_server", home=home) as base:
        yield base


def test_the_page_shows_an_edit_with_its_fields_before_and_after(app_server, chromium_browser) -> None:
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1600})
    page = context.new_page()
    try:
        page.goto(f"{app_server}/changes", wait_until="domcontentloaded")
        page.get_by_text("1 change, newest first.").wait_for(timeout=60_000)
        expander = page.locator("[data-testid='stExpander']").filter(has_text=REVIEWER)
        expander.wait_for(timeout=30_000)  # one, or Playwright's strict mode fails here
        expander.locator("summary").click()
        codes = expander.locator("[data-testid='stCode']")
        codes.nth(3).wait_for(timeout=30_000)
        texts = [t.strip() for t in codes.all_inner_texts()]
        assert texts[0] == "2021-09-16" and texts[1] == "2021-09-17"  # end: before, after
        assert texts[2].startswith("Union State joint strategic exercise")  # summary before
        assert texts[3] == NEW_SUMMARY  # the Markdown and HTML are shown as written
        assert expander.locator("a[href='https://example.org']").count() == 0
        assert expander.locator("b").count() == 0
        page.screenshot(path="/tmp/changes_page.png", full_page=True)

        # Loading the seed catalog is one toggle away, by "catalog", its values being the files'.
        page.get_by_text("Include loading the seed catalog").click()
        page.get_by_text("changes, newest first.").wait_for(timeout=30_000)
        assert page.get_by_text(f"{40 + 1} changes, newest first.").count() == 1
    finally:
        context.close()
