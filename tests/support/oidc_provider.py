"""A minimal OpenID Connect provider on 127.0.0.1: a test double of Keycloak & co., not of the app.

It speaks the authorization-code flow Streamlit's ``st.login`` uses (through Authlib): discovery, authorize
(auto-approving the user the test chose, :attr:`OidcProvider.user`), token (client secret and PKCE S256
checked), JWKS and userinfo. ID tokens are RS256-signed with joserfc (Authlib's JOSE library) with a key
made for the run. Nothing leaves the loopback interface.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "drillmap"
CLIENT_SECRET = secrets.token_urlsafe(24)


@dataclass
class _Grant:
    claims: dict[str, Any]
    nonce: str | None
    redirect_uri: str
    challenge: str | None


@dataclass
class OidcProvider:
    """The provider's state: its signing key, pending codes and issued tokens, and the next user to sign in."""

    issuer: str = ""
    user: dict[str, Any] = field(default_factory=dict)
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, parameters={"kid": "test"}))
    codes: dict[str, _Grant] = field(default_factory=dict)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def metadata(self) -> dict[str, Any]:
        """The discovery document (``/.well-known/openid-configuration``)."""
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid", "email", "profile"],
        }

    def authorize(self, query: dict[str, str]) -> str:
        """Approve the request for :attr:`user`; return the redirect back to the client (with code and state)."""
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            raise PermissionError("unknown client or response type")
        code = secrets.token_urlsafe(16)
        with self.lock:
            self.codes[code] = _Grant(dict(self.user), query.get("nonce"), query["redirect_uri"],
                                      query.get("code_challenge"))  # fmt: skip
        back = {"code": code, "state": query.get("state", "")}
        return f"{query['redirect_uri']}?{urlencode(back)}"

    def token(self, form: dict[str, str], authorization: str | None) -> dict[str, Any]:
        """Exchange a code for tokens, checking the client's secret, the redirect URI and the PKCE verifier."""
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization and authorization.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(authorization[6:]).decode().partition(":")
        if (client_id, client_secret) != (CLIENT_ID, CLIENT_SECRET):
            raise PermissionError("bad client credentials")
        with self.lock:
            grant = self.codes.pop(form.get("code", ""), None)  # a code is used once
        if grant is None or grant.redirect_uri != form.get("redirect_uri"):
            raise PermissionError("unknown code or redirect_uri")
        if grant.challenge is not None:
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant.challenge:
                raise PermissionError("PKCE verifier does not match")
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": CLIENT_ID, "iat": now, "exp": now + 300, **grant.claims}
        if grant.nonce:
            claims["nonce"] = grant.nonce
        access = secrets.token_urlsafe(16)
        with self.lock:
            self.tokens[access] = grant.claims
        id_token = jwt.encode({"alg": "RS256", "kid": "test"}, claims, self.key)
        return {"access_token": access, "token_type": "Bearer", "expires_in": 300, "id_token": id_token}


def _handler(provider: OidcProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet: the test's output stays readable
            pass

        def _json(self, body: dict[str, Any], status: int = 200) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                self._json(provider.metadata())
            elif url.path == "/jwks":
                self._json({"keys": [provider.key.as_dict(private=False)]})
            elif url.path == "/authorize":
                try:
                    location = provider.authorize(query)
                except (PermissionError, KeyError) as exc:
                    self._json({"error": "invalid_request", "error_description": str(exc)}, 400)
                    return
                self.send_response(302)
                self.send_header("Location", location)
                self.end_headers()
            elif url.path == "/userinfo":
                claims = provider.tokens.get(self.headers.get("Authorization", "").removeprefix("Bearer "))
                self._json(claims if claims is not None else {"error": "invalid_token"}, 200 if claims else 401)
            else:
                self._json({"error": "not_found"}, 404)

        def do_POST(self) -> None:
            if urlsplit(self.path).path != "/token":
                self._json({"error": "not_found"}, 404)
                return
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            try:
                self._json(provider.token(form, self.headers.get("Authorization")))
            except PermissionError as exc:
                self._json({"error": "invalid_grant", "error_description": str(exc)}, 400)

    return Handler


class RunningProvider:
    """The provider served from a thread on a free port of 127.0.0.1; :meth:`stop` shuts it down."""

    def __init__(self) -> None:
        self.provider = OidcProvider()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.provider))
        self.provider.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def metadata_url(self) -> str:
        """The discovery URL a client is configured with (``server_metadata_url``)."""
        return f"{self.provider.issuer}/.well-known/openid-configuration"

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.server.shutdown()
        self.server.server_close()
