"""Sign-in glue: reads ``st.user`` (Streamlit's OIDC ``st.login``) and asks :mod:`geo.core.access` for the rights.

Sign-in is configured by an ``[auth]`` section in ``.streamlit/secrets.toml`` (redirect_uri, cookie_secret,
client_id, client_secret, server_metadata_url: see the README). The pages never read a typed name when it
is: the audit records the signed-in identity.
"""

from __future__ import annotations

import streamlit as st

from geo.core.access import Access, Role, resolve_access
from geo.core.errors import SettingsError
from geo.core.text import md_escape

#: Claims Streamlit adds to ``st.user`` that the provider did not send.
_STREAMLIT_KEYS = {"is_logged_in", "tokens"}


def sign_in_configured() -> bool:
    """Whether ``.streamlit/secrets.toml`` (or ``--secrets.files``) configures an OIDC provider (``[auth]``)."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file, or one Streamlit cannot parse (it logs why)
        return False


def current_access() -> Access:
    """Return the current user's rights; a malformed setting is shown and leaves the page read-only."""
    configured = sign_in_configured()
    user = st.user.to_dict() if configured else {}
    claims = None
    if user.get("is_logged_in"):  # absent (not False) when Streamlit has not read the [auth] section
        claims = {k: v for k, v in user.items() if k not in _STREAMLIT_KEYS}
    try:
        return resolve_access(sign_in_configured=configured, claims=claims)
    except SettingsError as exc:
        st.error(md_escape(str(exc)))
        return Access(Role.VIEWER, None, "read-only")


def account_sidebar(access: Access) -> None:
    """Draw who is signed in, their role, and the Sign in / Sign out button (only when sign-in is configured)."""
    if access.mode == "signed-out":
        st.button("Sign in", on_click=st.login, type="primary")
    elif access.mode == "signed-in":
        st.caption(md_escape(f"Signed in as {access.identity} — {access.role.name.lower()}"))
        st.button("Sign out", on_click=st.logout)
