"""Roles from OIDC claims, the audited identity, and the single-user / read-only fallbacks (geo.core.access)."""

from __future__ import annotations

import pytest

from geo.core.access import AccessSettings, Role, access_settings, identity_of, resolve_access, role_for, single_user
from geo.core.errors import SettingsError

ENV = {"DRILLMAP_EDITOR_GROUPS": "drillmap-editors, analysts", "DRILLMAP_ADMIN_GROUPS": "drillmap-admins"}
ISS = "http://127.0.0.1:9000"


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        (["analysts"], Role.EDITOR),
        (["drillmap-editors", "drillmap-admins"], Role.ADMIN),  # the highest role wins
        ("staff drillmap-admins", Role.ADMIN),  # some providers send one space-separated string
        (["staff"], Role.VIEWER),
        (None, Role.VIEWER),
        (["Drillmap-Admins"], Role.VIEWER),  # group names are exact
    ],
)
def test_role_from_the_configured_claim(groups, role):
    claims = {"sub": "u1", "groups": groups}
    assert role_for(claims, access_settings(ENV)) is role


def test_the_claim_name_is_a_setting():
    config = access_settings({**ENV, "DRILLMAP_ROLES_CLAIM": "roles"})
    assert role_for({"roles": ["analysts"], "groups": ["drillmap-admins"]}, config) is Role.EDITOR
    with pytest.raises(SettingsError, match="DRILLMAP_ROLES_CLAIM"):
        access_settings({"DRILLMAP_ROLES_CLAIM": "a claim; drop"})


def test_no_groups_configured_means_everyone_is_a_viewer():
    assert role_for({"groups": ["drillmap-admins"]}, AccessSettings()) is Role.VIEWER


def test_identity_is_the_verified_email_or_sub_with_the_issuer():
    assert identity_of({"email": "ann@example.org", "sub": "42", "iss": ISS}) == f"ann@example.org ({ISS})"
    assert identity_of({"email": "ann@example.org", "email_verified": False, "sub": "42", "iss": ISS}) == f"42 ({ISS})"
    assert identity_of({"sub": "42"}) == "42"
    assert identity_of({"sub": "x\n" * 100, "iss": ISS}).count("\n") == 0  # one line, bounded
    assert len(identity_of({"sub": "x" * 500, "iss": ISS})) == 120
    with pytest.raises(SettingsError, match="neither a verified e-mail nor a subject"):
        identity_of({"email": "", "iss": ISS})


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("0", False), ("", False), (" 1 ", True)])
def test_single_user_values(raw, expected):
    assert single_user({"DRILLMAP_SINGLE_USER": raw}) is expected
    assert single_user({}) is False


@pytest.mark.parametrize("raw", ["yes", "true", "2", "on"])
def test_a_single_user_typo_is_refused_not_guessed(raw):
    with pytest.raises(SettingsError, match="DRILLMAP_SINGLE_USER must be 1"):
        single_user({"DRILLMAP_SINGLE_USER": raw})


def test_resolve_access_modes():
    signed_in = resolve_access(sign_in_configured=True, claims={"sub": "7", "iss": ISS, "groups": ["analysts"]},
                               environ=ENV)  # fmt: skip
    assert (signed_in.mode, signed_in.role, signed_in.identity) == ("signed-in", Role.EDITOR, f"7 ({ISS})")
    assert signed_in.can_review and not signed_in.can_change_curated and not signed_in.why_read_only
    out = resolve_access(sign_in_configured=True, claims=None, environ={**ENV, "DRILLMAP_SINGLE_USER": "1"})
    assert (out.mode, out.role) == ("signed-out", Role.VIEWER)  # a configured provider decides
    assert "Sign in" in out.why_read_only
    laptop = resolve_access(sign_in_configured=False, claims=None, environ={"DRILLMAP_SINGLE_USER": "1"})
    assert (laptop.mode, laptop.identity, laptop.can_change_curated) == ("single-user", None, True)
    closed = resolve_access(sign_in_configured=False, claims=None, environ={})
    assert (closed.mode, closed.can_review) == ("read-only", False)
    assert "DRILLMAP_SINGLE_USER=1" in closed.why_read_only
    viewer = resolve_access(sign_in_configured=True, claims={"sub": "8", "groups": []}, environ=ENV)
    assert "viewer" in viewer.why_read_only
