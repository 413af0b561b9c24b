"""Sign-in end to end: Chromium, the real app (``streamlit run app.py``) and a local OIDC provider double.

The app is configured as a team would configure it (an ``[auth]`` section in a secrets file,
``DRILLMAP_EDITOR_GROUPS`` / ``DRILLMAP_ADMIN_GROUPS``); the provider (:mod:`tests.support.oidc_provider`)
auto-approves the user each test chooses. ``DRILLMAP_SINGLE_USER=1`` is left set on purpose: a configured
provider decides, so a leftover variable cannot open a team server. Loopback only.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from geo.core import settings
from geo.store import Store
from tests.conftest import run_streamlit
from tests.support.oidc_provider import CLIENT_ID, CLIENT_SECRET, RunningProvider

pytestmark = pytest.mark.browser

SOURCE = "https://example.org/news/northern-shield-2025"
ARTICLE = (
    "Belarus and Russia opened joint military exercises called Northern Shield-2025 at the Gozhsky training "
    "ground on March 3, the Belarusian Defense Ministry said. About 1,200 troops from Russia and Belarus are "
    "taking part."
)
SEED = settings.SEEDS_DIR / "002_67814a5019076fc5.txt"
SEED_SOURCE = "https://www.rferl.org/a/kazakhstan-military-drills-in-belarus/30843014.html"
CURATED = "unbreakable-brotherhood-2020"  # a catalog record the seed report matches


def _report_with_observers(country: str, *more: str) -> str:
    """The seed report with a sentence naming ``country``'s observers: news to the curated record.

    The change to the curated record comes from the report, not from a pick in the event's form: a test that
    picked in the form and pressed Accept failed now and then on a loaded runner with the pick not sent
    (the chip shown, the record confirmed unchanged), and this module tests who may change what, not the
    form. Each test names another country, so neither depends on what the other saved.
    """
    added = f"Military observers from {country} attended the Unbreakable Brotherhood-2020 exercise."
    return "\n\n".join((SEED.read_text(encoding="utf-8"), added, *more))


#: A paragraph the catalog has no record of: the editor's own new exercise.
NEW_EXERCISE = (
    "In a separate drill, Belarus and Russia opened joint military exercises called Northern Shield-2020 at "
    "the Gozhsky training ground on September 14, the Belarusian Defense Ministry said."
)

VIEWER = {"sub": "u-1", "email": "vera@example.org", "email_verified": True, "groups": ["staff"]}
EDITOR = {"sub": "u-2", "email": "ed@example.org", "email_verified": True, "groups": ["staff", "drillmap-editors"]}
ADMIN = {"sub": "u-3", "email": "ada@example.org", "email_verified": True, "groups": ["drillmap-admins"]}


@pytest.fixture(scope="module")
def signed_app(tmp_path_factory) -> Iterator[tuple[str, Path, RunningProvider]]:
    """(base URL, store folder, provider) of the app configured to sign in with the local provider."""
    provider = RunningProvider()
    folder = tmp_path_factory.mktemp("sign_in")
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.metadata_url}"\n',
        encoding="utf-8",
    )
    env = {
        "DRILLMAP_EDITOR_GROUPS": "drillmap-editors",
        "DRILLMAP_ADMIN_GROUPS": "drillmap-admins",
        "DRILLMAP_SINGLE_USER": "1",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    home = folder / "home"
    try:
        with run_streamlit("sign_in_server", home=home, env=env, args=("--secrets.files", str(secrets_file))) as base:
            yield base, home, provider
    finally:
        provider.stop()


def _identity(provider: RunningProvider, user: dict) -> str:
    return f"{user['email']} ({provider.provider.issuer})"


def _shown(text: str) -> re.Pattern[str]:
    """``text`` as the page shows it: md_escape puts word joiners (U+2060) where Markdown would autolink."""
    return re.compile("\u2060?".join(map(re.escape, text)))


def _sign_in(browser, base: str, provider: RunningProvider, user: dict):
    """A new browser context signed in as ``user``, on the Review page; returns (context, page)."""
    provider.provider.user = user
    context = browser.new_context(viewport={"width": 1500, "height": 2000})
    page = context.new_page()
    page.goto(f"{base}/review", wait_until="domcontentloaded")
    page.get_by_role("button", name="Sign in").click()  # → provider → /oauth2callback → the app
    # Back on the app (its home, the map): go straight on to the Review page without waiting for the map.
    page.wait_for_url(re.compile(re.escape(base) + r"/?(\?.*)?$"), timeout=60_000, wait_until="commit")
    page.goto(f"{base}/review", wait_until="domcontentloaded")
    page.get_by_text(_shown(f"Signed in as {_identity(provider, user)}")).wait_for(timeout=60_000)
    return context, page


def _extract(page, text: str, source: str, published: tuple[str, str, str]) -> None:
    page.get_by_label("Article text (plain text, HTML or Markdown)").fill(text)
    page.get_by_label("Source URL (cited by every saved fact)").fill(source)
    for part, value in zip(("year", "month", "day"), published, strict=True):
        page.get_by_role("spinbutton", name=re.compile(f"^{part}, Publication date")).click()
        page.keyboard.type(value)
    page.keyboard.press("Escape")  # close the calendar the date field opened
    page.get_by_role("button", name="Extract events").click()
    page.get_by_role("button", name="Accept").first.wait_for(timeout=60_000)
    # Let the run that draws the events end before any pick: on a loaded runner a pick made while that run was
    # still drawing was sometimes not submitted with the form.
    _wait_until_idle(page)


def _wait_until_idle(page) -> None:
    """Wait until no script run is in progress (the app's status widget, shown while one runs, is gone)."""
    status = page.locator("[data-testid='stStatusWidget']")
    with contextlib.suppress(PlaywrightTimeoutError):
        status.wait_for(state="attached", timeout=1_000)
    status.wait_for(state="detached", timeout=60_000)


def _accept_and_read(page, form, who: str) -> str:
    """Press ``form``'s Accept once the page is idle; return the decision shown.

    The form is held as one element from the lookup to the click: a locator is looked up again at each
    action, and ``nth`` over the page's forms may name another event's form while the page is redrawn.
    """
    _wait_until_idle(page)
    held = form.element_handle(timeout=30_000)
    button = held.query_selector("button:has-text('Accept')")
    assert button is not None, "the event's form has no Accept button"
    button.click()
    decision = page.locator("[data-testid='stAlert']").filter(has_text=_shown(f"Accepted by {who}"))
    try:
        decision.first.wait_for(timeout=60_000)
    except PlaywrightTimeoutError:
        alerts = page.locator("[data-testid='stAlert']").all_inner_texts()
        raise AssertionError(f"no 'Accepted by {who}' shown; alerts: {alerts}") from None
    return decision.first.inner_text().replace("\u2060", "")


def _event_form(page, n: int):
    """The review form of the ``n``-th event found (0-based): the page's forms that hold an Observers picker."""
    return page.locator("[data-testid='stForm']").filter(has=page.locator('input[aria-label="Observers"]')).nth(n)


def _wait_for_text(page, pattern: re.Pattern[str], *, timeout_ms: int = 60_000) -> None:
    """Wait for ``pattern``; on a timeout, fail with what the page's alerts and chosen countries said instead."""
    try:
        page.get_by_text(pattern).wait_for(timeout=timeout_ms)
    except PlaywrightTimeoutError:
        alerts = page.locator("[data-testid='stAlert']").all_inner_texts()
        chips = page.locator("[data-testid='stMultiSelectTagsContainer']").all_inner_texts()
        raise AssertionError(f"{pattern.pattern!r} not shown; alerts: {alerts}; chosen: {chips}") from None


def _store(home: Path) -> Store:
    return Store.open(f"sqlite:///{home / settings.SQLITE_FILE_NAME}", load_seed=False)


def test_a_viewer_reads_but_cannot_accept_then_signs_out(signed_app, chromium_browser):
    base, _, provider = signed_app
    context, page = _sign_in(chromium_browser, base, provider, VIEWER)
    try:
        page.get_by_text("You are signed in as a viewer").wait_for(timeout=30_000)
        assert page.get_by_text(re.compile(r"— viewer$")).count() == 1
        assert page.get_by_label("Your name (recorded with every change)").count() == 0
        _extract(page, ARTICLE, SOURCE, ("2025", "03", "04"))
        assert page.get_by_role("button", name="Accept").first.is_disabled()
        assert page.get_by_role("button", name="Reject").first.is_disabled()
        page.get_by_role("button", name="Sign out").click()  # → /auth/logout → the app's home
        page.wait_for_url(re.compile(re.escape(base) + r"/?(\?.*)?$"), timeout=60_000, wait_until="commit")
        page.goto(f"{base}/review", wait_until="domcontentloaded")
        page.get_by_text("Sign in to review reports").wait_for(timeout=60_000)  # the cookie is gone
        page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
    finally:
        context.close()


def test_an_editor_accepts_as_the_signed_in_identity_and_cannot_change_a_curated_record(
    signed_app, chromium_browser, artifacts_dir
):
    base, home, provider = signed_app
    who = _identity(provider, EDITOR)
    context, page = _sign_in(chromium_browser, base, provider, EDITOR)
    try:
        assert page.get_by_label("Your name (recorded with every change)").count() == 0  # nothing to type
        _extract(page, _report_with_observers("Serbia", NEW_EXERCISE), SEED_SOURCE, ("2020", "09", "17"))
        page.get_by_text(_shown("The report adds — observers: SRB")).wait_for(timeout=30_000)
        # Unbreakable Brotherhood 2020, with Serbia's observers added by the report: a curated record, refused.
        _wait_until_idle(page)
        _event_form(page, 0).get_by_role("button", name="Accept").click()
        _wait_for_text(page, re.compile("is a curated catalog record: only an admin may change it"))
        # The third event, Northern Shield 2020, matches no record: a new exercise, the editor's to save.
        new = _event_form(page, 2)
        assert new.get_by_label("Name", exact=True).input_value() == "Northern Shield-2020"
        decision = _accept_and_read(page, new, who)
        assert decision.endswith("— created northern-shield-2020"), decision
        page.screenshot(path=str(artifacts_dir / "sign_in_editor.png"))
    finally:
        context.close()
    store = _store(home)
    (saved,) = store.exercises(origin="analyst")
    assert saved.name == "Northern Shield-2020"
    (entry,) = store.history(saved.id)
    assert (entry.action, entry.who, entry.source) == ("create", who, SEED_SOURCE)
    assert all(e.who != who for e in store.history(CURATED))  # the refused change wrote nothing
    assert "SRB" not in store.get(CURATED).observers


def test_an_admin_changes_a_curated_record(signed_app, chromium_browser):
    base, home, provider = signed_app
    who = _identity(provider, ADMIN)
    context, page = _sign_in(chromium_browser, base, provider, ADMIN)
    try:
        assert page.get_by_text(re.compile(r"— admin$")).count() == 1
        _extract(page, _report_with_observers("China"), SEED_SOURCE, ("2020", "09", "17"))
        page.get_by_text(_shown("The report adds — observers: CHN")).wait_for(timeout=30_000)
        decision = _accept_and_read(page, _event_form(page, 0), who)
        assert decision.endswith(f"— updated {CURATED}"), f"the change was not saved to {CURATED}: {decision!r}"
    finally:
        context.close()
    store = _store(home)
    entry = store.history(CURATED)[0]
    assert (entry.action, entry.who, entry.source) == ("update", who, SEED_SOURCE), store.history(CURATED)
    assert "CHN" in store.get(CURATED).observers
