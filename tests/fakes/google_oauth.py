"""The fake Google server's OAuth side: the token endpoint (JWT bearer grant of a service account,
authorization code with PKCE, refresh token), the consent page, and the access tokens it issued."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"


@dataclass
class Grant:
    """What an access token lets its bearer do: act as `subject` within `scopes`."""

    subject: str
    scopes: set[str]
    expires: float


@dataclass
class Consent:
    """An authorization code waiting to be exchanged."""

    subject: str
    client_id: str
    redirect_uri: str
    scopes: set[str]
    code_challenge: str


@dataclass
class OAuthState:
    """Keys, clients and tokens the fake's token endpoint knows."""

    # what a service account's assertion must name as its audience: Google's token endpoint,
    # whatever address the assertion is posted to (google-auth always writes this one)
    audience: str = "https://oauth2.googleapis.com/token"
    service_accounts: dict[str, rsa.RSAPublicKey] = field(default_factory=dict)
    clients: dict[str, str] = field(default_factory=dict)  # client id -> secret
    # who signs in on the consent page (a test sets it)
    consenting_user: str = ""
    codes: dict[str, Consent] = field(default_factory=dict)
    refresh_tokens: dict[str, Grant] = field(default_factory=dict)
    access_tokens: dict[str, Grant] = field(default_factory=dict)
    token_lifetime: int = 3600
    # grant types served, in order, so tests can tell which sign-in was used
    grants_served: list[str] = field(default_factory=list)

    def new_service_account(self, email: str) -> dict:
        """A fresh RSA key, registered here; returns the JSON key file's content."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.service_accounts[email] = key.public_key()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()
        return {
            "type": "service_account",
            "project_id": "proofstage-test",
            "private_key_id": secrets.token_hex(20),
            "private_key": pem,
            "client_email": email,
            "client_id": "1" + secrets.token_hex(10),
            # the real one: the connector must use its token URI setting, never this
            "token_uri": "https://oauth2.googleapis.com/token",
        }

    def grant_for(self, authorization: str) -> Grant | None:
        """The grant behind an `Authorization: Bearer` header, if it is live."""
        scheme, _, token = authorization.partition(" ")
        grant = self.access_tokens.get(token) if scheme.lower() == "bearer" else None
        if grant is None or grant.expires < time.time():
            return None
        return grant

    def consent(self, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        """The consent page: the configured user agrees at once; redirect back with a code."""
        one = {key: values[0] for key, values in query.items()}
        if one.get("client_id") not in self.clients or one.get("response_type") != "code":
            return 400, {}, b"bad authorization request"
        if one.get("code_challenge_method") != "S256" or not one.get("code_challenge"):
            return 400, {}, b"PKCE required"
        code = secrets.token_urlsafe(16)
        self.codes[code] = Consent(
            subject=self.consenting_user,
            client_id=one["client_id"],
            redirect_uri=one["redirect_uri"],
            scopes=set(one.get("scope", "").split()),
            code_challenge=one["code_challenge"],
        )
        back = {"code": code, "state": one.get("state", ""), "scope": one.get("scope", "")}
        return 302, {"location": f"{one['redirect_uri']}?{urlencode(back)}"}, b""

    def token(self, body: bytes, authorization: str) -> tuple[int, dict]:
        """The token endpoint: (status, JSON body)."""
        form = {key: values[0] for key, values in parse_qs(body.decode()).items()}
        grant_type = form.get("grant_type", "")
        self.grants_served.append(grant_type)
        if grant_type == JWT_BEARER:
            return self._jwt_bearer(form.get("assertion", ""))
        client_id, client_secret = _client_auth(form, authorization)
        if self.clients.get(client_id) != client_secret or not client_secret:
            return 401, {"error": "invalid_client", "error_description": "Unauthorized"}
        if grant_type == "authorization_code":
            return self._code(form, client_id)
        if grant_type == "refresh_token":
            grant = self.refresh_tokens.get(form.get("refresh_token", ""))
            if grant is None:
                return 400, {"error": "invalid_grant", "error_description": "Bad Request"}
            return 200, self._issue(grant.subject, grant.scopes)
        return 400, {"error": "unsupported_grant_type"}

    def _jwt_bearer(self, assertion: str) -> tuple[int, dict]:
        claims = self._verified_claims(assertion)
        if claims is None:
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
        if claims.get("aud") != self.audience or claims.get("exp", 0) < time.time():
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT audience"}
        if not claims.get("sub"):
            return 400, {"error": "invalid_grant", "error_description": "no subject"}
        return 200, self._issue(claims["sub"], set(str(claims.get("scope", "")).split()))

    def _verified_claims(self, assertion: str) -> dict | None:
        try:
            header_b64, payload_b64, signature_b64 = assertion.split(".")
            claims = json.loads(_unb64(payload_b64))
            key = self.service_accounts[claims["iss"]]
            key.verify(
                _unb64(signature_b64),
                f"{header_b64}.{payload_b64}".encode(),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except (ValueError, KeyError, InvalidSignature):
            return None
        return claims

    def _code(self, form: dict[str, str], client_id: str) -> tuple[int, dict]:
        consent = self.codes.pop(form.get("code", ""), None)
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        if (
            consent is None
            or consent.client_id != client_id
            or consent.redirect_uri != form.get("redirect_uri")
            or challenge.decode().rstrip("=") != consent.code_challenge
        ):
            return 400, {"error": "invalid_grant", "error_description": "Bad Request"}
        refresh_token = "1//" + secrets.token_urlsafe(32)
        self.refresh_tokens[refresh_token] = Grant(consent.subject, consent.scopes, float("inf"))
        issued = self._issue(consent.subject, consent.scopes)
        return 200, {**issued, "refresh_token": refresh_token}

    def _issue(self, subject: str, scopes: set[str]) -> dict:
        token = "ya29." + secrets.token_urlsafe(24)
        self.access_tokens[token] = Grant(subject, scopes, time.time() + self.token_lifetime)
        return {
            "access_token": token,
            "expires_in": self.token_lifetime,
            "token_type": "Bearer",
            "scope": " ".join(sorted(scopes)),
        }


def _client_auth(form: dict[str, str], authorization: str) -> tuple[str, str]:
    """Client credentials from HTTP Basic (requests-oauthlib) or the form (google-auth)."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "basic":
        client_id, _, client_secret = base64.b64decode(value).decode().partition(":")
        return client_id, client_secret
    return form.get("client_id", ""), form.get("client_secret", "")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
