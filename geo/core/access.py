"""Who may do what: the signed-in identity and its role (viewer, editor, admin), free of Streamlit.

Sign-in is Streamlit's own OIDC (``st.login``, configured in ``.streamlit/secrets.toml`` ``[auth]``), so an
organisation plugs in its provider (Keycloak, AD FS, LemonLDAP::NG…). The provider's ID-token claims come
here as a plain mapping; the page helper ``pages/common/auth.py`` reads them from ``st.user``.

* **viewer** reads (every signed-in user; also anyone when sign-in is configured but they are signed out);
* **editor** reviews reports and accepts them into the analysts' store;
* **admin** also changes curated records (exercises seeded from ``data/catalog``).

The role comes from one claim (``DRILLMAP_ROLES_CLAIM``, default ``groups``; a list or a space/comma
separated string) matched against ``DRILLMAP_EDITOR_GROUPS`` and ``DRILLMAP_ADMIN_GROUPS`` (comma-separated
group names). Without sign-in, ``DRILLMAP_SINGLE_USER=1`` gives the one person at a laptop every right
with a typed name; otherwise the app is read-only.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from geo.core.errors import SettingsError

__all__ = [
    "Access",
    "AccessSettings",
    "Role",
    "access_settings",
    "identity_of",
    "resolve_access",
    "role_for",
    "single_user",
]

#: Longest identity kept (the store's ``updated_by`` column holds 120 characters).
MAX_IDENTITY_CHARS = 120


class Role(enum.IntEnum):
    """What a user may do; a higher role may do everything a lower one may."""

    VIEWER = 1
    EDITOR = 2
    ADMIN = 3


@dataclass(frozen=True)
class AccessSettings:
    """Where the role is read from: the claim and the groups giving each role."""

    claim: str = "groups"
    editor_groups: frozenset[str] = frozenset()
    admin_groups: frozenset[str] = frozenset()


def _names(raw: str) -> frozenset[str]:
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


def access_settings(environ: Mapping[str, str] | None = None) -> AccessSettings:
    """Read ``DRILLMAP_ROLES_CLAIM``, ``DRILLMAP_EDITOR_GROUPS`` and ``DRILLMAP_ADMIN_GROUPS``.

    Raises
    ------
    SettingsError
        If the claim name is empty or not a plain name.
    """
    env = os.environ if environ is None else environ
    claim = env.get("DRILLMAP_ROLES_CLAIM", "groups").strip()
    if not re.fullmatch(r"[A-Za-z0-9_:./-]{1,100}", claim):
        msg = f"DRILLMAP_ROLES_CLAIM must be a claim name such as 'groups' or 'roles', got {claim[:40]!r}"
        raise SettingsError(msg)
    return AccessSettings(
        claim=claim,
        editor_groups=_names(env.get("DRILLMAP_EDITOR_GROUPS", "")),
        admin_groups=_names(env.get("DRILLMAP_ADMIN_GROUPS", "")),
    )


def single_user(environ: Mapping[str, str] | None = None) -> bool:
    """Return whether ``DRILLMAP_SINGLE_USER`` is ``1`` (unset, empty or ``0``: no).

    Raises
    ------
    SettingsError
        If it holds anything else: a typo must not silently open (or close) the store to writes.
    """
    env = os.environ if environ is None else environ
    raw = env.get("DRILLMAP_SINGLE_USER", "").strip()
    if raw not in {"", "0", "1"}:
        msg = f"DRILLMAP_SINGLE_USER must be 1 (one user at a laptop, no sign-in) or 0, got {raw[:40]!r}"
        raise SettingsError(msg)
    return raw == "1"


def _groups(value: object) -> set[str]:
    if isinstance(value, str):
        return {g for g in re.split(r"[\s,]+", value) if g}
    if isinstance(value, list | tuple | set | frozenset):
        return {str(g) for g in value}
    return set()


def role_for(claims: Mapping[str, object], config: AccessSettings) -> Role:
    """Return the role of a signed-in user from the configured claim (admin beats editor beats viewer)."""
    groups = _groups(claims.get(config.claim))
    if groups & config.admin_groups:
        return Role.ADMIN
    if groups & config.editor_groups:
        return Role.EDITOR
    return Role.VIEWER


def identity_of(claims: Mapping[str, object]) -> str:
    """Return the identity the audit records: the verified e-mail, else ``sub``, with the issuer.

    ``email`` is used unless the provider says it is not verified (``email_verified: false``); ``sub`` is
    only unique per issuer, so the issuer is always kept: ``alice@example.org (https://idp.example.org)``.

    Raises
    ------
    SettingsError
        If the claims hold neither a usable e-mail nor ``sub``.
    """
    email = claims.get("email")
    usable_email = isinstance(email, str) and email.strip() and claims.get("email_verified") is not False
    who = str(email).strip() if usable_email else str(claims.get("sub") or "").strip()
    if not who:
        msg = "the sign-in provider sent neither a verified e-mail nor a subject (sub): cannot record who you are"
        raise SettingsError(msg)
    issuer = str(claims.get("iss") or "").strip()
    text = f"{who} ({issuer})" if issuer else who
    return " ".join(text.split())[:MAX_IDENTITY_CHARS]


@dataclass(frozen=True)
class Access:
    """The current user's rights.

    Attributes
    ----------
    role
        What they may do.
    identity
        Who the audit records (from the sign-in); None in single-user mode (the typed name is used) or
        when nobody is signed in.
    mode
        ``signed-in``, ``signed-out`` (sign-in configured, nobody signed in), ``single-user`` or
        ``read-only`` (no sign-in configured and no ``DRILLMAP_SINGLE_USER=1``).
    """

    role: Role
    identity: str | None
    mode: str

    @property
    def can_review(self) -> bool:
        """Whether they may accept reports into the store."""
        return self.role >= Role.EDITOR

    @property
    def can_change_curated(self) -> bool:
        """Whether they may change curated (catalog-seeded) records."""
        return self.role >= Role.ADMIN

    @property
    def why_read_only(self) -> str:
        """Why they may not accept reports ("" when they may)."""
        if self.can_review:
            return ""
        if self.mode == "signed-out":
            return "Sign in to review reports: saved changes record who made them."
        if self.mode == "signed-in":
            return "You are signed in as a viewer: reviewing needs the editor or admin role (ask an admin)."
        return (
            "Read-only: sign-in is not configured ([auth] in .streamlit/secrets.toml), so nobody can be "
            "recorded as the author of a change. A single user at a laptop can set DRILLMAP_SINGLE_USER=1."
        )


def resolve_access(
    *,
    sign_in_configured: bool,
    claims: Mapping[str, object] | None,
    environ: Mapping[str, str] | None = None,
) -> Access:
    """Return the rights of the current user.

    Parameters
    ----------
    sign_in_configured
        Whether an OIDC provider is configured; when it is, it decides (``DRILLMAP_SINGLE_USER`` is
        ignored so that a team server cannot be opened by an environment variable left over).
    claims
        The signed-in user's claims, or None when nobody is signed in.
    environ
        The settings (default: the process environment).

    Raises
    ------
    SettingsError
        If a setting is malformed or the claims name nobody.
    """
    if sign_in_configured:
        if claims is None:
            return Access(Role.VIEWER, None, "signed-out")
        return Access(role_for(claims, access_settings(environ)), identity_of(claims), "signed-in")
    if single_user(environ):
        return Access(Role.ADMIN, None, "single-user")
    return Access(Role.VIEWER, None, "read-only")
