"""msal against the fake identity platform over TLS: app-only, sign-in, silent refresh, the
encrypted token cache, certificates, and the CA-bundle setting."""

from __future__ import annotations

import html
import logging
import re
import ssl
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import SecretStr

from capture.graph_auth import AuthError, GraphAuth, graph_auth
from capture.graph_config import GraphConfig
from capture.graph_sources import graph_client, graph_sources
from tests.capture.graph_support import MAILBOX, Running, running_fake


def _cache_files(running: Running) -> list[Path]:
    return list(running.secrets_dir.glob("*.secret"))


def test_app_token_is_issued_by_the_fake_and_accepted_by_graph(graph: Running) -> None:
    auth = graph.auth()
    token = auth.app_token()

    assert token in graph.fake.access_tokens
    form_requests = graph.fake.identity_requests("/oauth2/v2.0/token")
    assert len(form_requests) == 1
    graph.fake.add_message(MAILBOX)
    with graph.client(auth) as client:
        body = client.get(f"users/{MAILBOX}/mailFolders/sentitems/messages/delta")
    assert len(body["value"]) == 1


def test_the_cache_on_disk_is_encrypted_and_reloads_without_a_new_token_request(
    graph: Running,
) -> None:
    token = graph.auth().app_token()

    files = _cache_files(graph)
    assert len(files) == 1
    stored = files[0].read_bytes()
    assert token.encode() not in stored
    assert b"access_token" not in stored.lower() and b"AccessToken" not in stored
    reloaded = graph.auth()  # a new process: the cache comes from the encrypted file
    assert reloaded.app_token() == token
    assert len(graph.fake.identity_requests("/oauth2/v2.0/token")) == 1


def test_a_forced_app_token_is_a_new_one(graph: Running) -> None:
    auth = graph.auth()
    first = auth.app_token()
    second = auth.app_token(force=True)

    assert second != first
    assert second in graph.fake.access_tokens
    assert len(graph.fake.identity_requests("/oauth2/v2.0/token")) == 2


def test_a_wrong_client_secret_is_refused_without_the_response_in_the_message(
    tmp_path: Path,
) -> None:
    with running_fake(tmp_path) as graph:
        config = graph.config.model_copy(update={"client_secret": SecretStr("not-the-secret")})
        auth = GraphAuth(config, secrets=graph.secrets())
        with pytest.raises(AuthError, match="invalid_client"):
            auth.app_token()


def _browser(graph: Running, url: str) -> dict[str, str]:
    """What the rep's browser does: open the sign-in URL and post its form to the redirect
    URI; returns the posted fields."""
    page = httpx.get(url, verify=_trust(graph), follow_redirects=False)
    assert page.status_code == 200
    action = re.search(r'action="([^"]+)"', page.text)
    assert action is not None and html.unescape(action.group(1)) == graph.config.redirect_uri
    fields = re.findall(r'name="([^"]+)" value="([^"]*)"', page.text)
    return {name: html.unescape(value) for name, value in fields}


def _trust(graph: Running) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(graph.config.ca_bundle))


def test_sign_in_then_silent_refresh_from_the_reloaded_cache(graph: Running) -> None:
    auth = graph.auth()
    sign_in = auth.start_sign_in(login_hint=MAILBOX)
    authorize = urlsplit(sign_in.url)
    assert authorize.path == f"/{graph.fake.tenant}/oauth2/v2.0/authorize"
    scopes = parse_qs(authorize.query)["scope"][0].split()
    assert f"{graph.config.graph_resource}/Mail.Read" in scopes
    assert f"{graph.config.graph_resource}/Calendars.Read" in scopes
    assert "offline_access" in scopes

    signed_in = auth.finish_sign_in(sign_in.flow, _browser(graph, sign_in.url))
    assert signed_in.username == MAILBOX
    first = auth.user_token(signed_in.account_id)
    assert graph.fake.access_tokens[first].user == MAILBOX
    assert first.encode() not in b"".join(p.read_bytes() for p in _cache_files(graph))

    reloaded = graph.auth()  # a later process, from the encrypted cache alone
    assert reloaded.user_token(signed_in.account_id) == first
    refreshed = reloaded.user_token(signed_in.account_id, force=True)
    assert refreshed != first
    grants = [r.headers for r in graph.fake.identity_requests("/oauth2/v2.0/token")]
    assert len(grants) == 2  # the code redemption and one refresh: the cache served the rest
    assert graph.fake.access_tokens[refreshed].user == MAILBOX


def test_a_delegated_client_reads_the_reps_own_mailbox(graph: Running) -> None:
    secrets = graph.secrets()
    auth = GraphAuth(graph.config, secrets=secrets)
    sign_in = auth.start_sign_in(login_hint=MAILBOX)
    account = auth.finish_sign_in(sign_in.flow, _browser(graph, sign_in.url)).account_id
    graph.fake.add_message(MAILBOX, subject="Order form")

    # the sync job's way in: the cached GraphAuth for the tenant, the rep's account
    with graph_client(graph.config, secrets=secrets, account_id=account) as client:
        mail, calendar = graph_sources(MAILBOX, client=client)
        pages = list(mail.pages(None))
    assert [i.subject for p in pages for i in p.interactions] == ["Order form"]
    assert calendar.stream == "calendar"


def test_one_msal_application_per_tenant_and_secret_store(graph: Running) -> None:
    secrets = graph.secrets()
    first = graph_auth(graph.config, secrets=secrets)

    assert graph_auth(graph.config.model_copy(), secrets=secrets) is first
    other_tenant = graph.config.model_copy(update={"tenant_id": "fabrikam"})
    with pytest.raises(ValueError):  # the fake knows one tenant: discovery fails for another
        graph_auth(other_tenant, secrets=secrets)


def test_silent_token_for_an_unknown_account_asks_for_sign_in(graph: Running) -> None:
    with pytest.raises(AuthError, match="sign in"):
        graph.auth().user_token("nobody.tenant")


def test_a_forged_state_is_refused(graph: Running) -> None:
    auth = graph.auth()
    sign_in = auth.start_sign_in(login_hint=MAILBOX)
    query = _browser(graph, sign_in.url)
    with pytest.raises(AuthError):
        auth.finish_sign_in(sign_in.flow, {**query, "state": "forged"})


def test_the_ca_setting_wins_over_the_ca_environment_variables(
    graph: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = tmp_path / "other-ca.pem"
    wrong.write_bytes(b"-----BEGIN CERTIFICATE-----\nnot a CA\n-----END CERTIFICATE-----\n")
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.setenv(name, str(wrong))
    graph.fake.add_message(MAILBOX)

    auth = graph.auth()  # msal's discovery and token requests go through requests
    with graph.client(auth) as client:  # Graph's through httpx
        pages = list(client.get(f"users/{MAILBOX}/mailFolders/sentitems/messages/delta")["value"])
    assert len(pages) == 1


def test_without_the_ca_setting_the_fake_is_not_trusted(graph: Running) -> None:
    config = graph.config.model_copy(update={"ca_bundle": None})
    with pytest.raises(Exception, match="(?i)certificate|ssl"):
        GraphAuth(config, secrets=graph.secrets()).app_token()


def _app_certificate(directory: Path) -> tuple[bytes, Path, str]:
    """A self-signed RSA certificate as an app registration holds it: public PEM, the private
    key file proofstage is configured with, and the SHA-1 thumbprint."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "proofstage")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file = directory / "app-key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    thumbprint = cert.fingerprint(hashes.SHA1()).hex()
    return cert.public_bytes(serialization.Encoding.PEM), key_file, thumbprint


def test_a_certificate_credential_signs_a_client_assertion(tmp_path: Path) -> None:
    cert_pem, key_file, thumbprint = _app_certificate(tmp_path)
    with running_fake(tmp_path, certificate_pem=cert_pem) as graph:
        config = graph.config.model_copy(
            update={
                "client_secret": None,
                "certificate_path": key_file,
                "certificate_thumbprint": thumbprint,
            }
        )
        token = GraphAuth(config, secrets=graph.secrets()).app_token()

        assert token in graph.fake.access_tokens
        (request,) = graph.fake.identity_requests("/oauth2/v2.0/token")
        assert request.method == "POST"


def test_a_certificate_the_app_does_not_hold_is_refused(tmp_path: Path) -> None:
    (tmp_path / "registered").mkdir()
    registered, _, _ = _app_certificate(tmp_path / "registered")
    _, other_key, other_thumbprint = _app_certificate(tmp_path)
    with running_fake(tmp_path, certificate_pem=registered) as graph:
        config = graph.config.model_copy(
            update={
                "client_secret": None,
                "certificate_path": other_key,
                "certificate_thumbprint": other_thumbprint,
            }
        )
        with pytest.raises(AuthError, match="invalid_client"):
            GraphAuth(config, secrets=graph.secrets()).app_token()


def test_no_token_reaches_the_logs(graph: Running, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    auth = graph.auth()
    token = auth.app_token()
    sign_in = auth.start_sign_in(login_hint=MAILBOX)
    account = auth.finish_sign_in(sign_in.flow, _browser(graph, sign_in.url)).account_id
    user_token = auth.user_token(account, force=True)

    assert caplog.records  # msal did log at debug level
    assert token not in caplog.text
    assert user_token not in caplog.text
    assert not any(t in caplog.text for t in graph.fake.refresh_tokens)


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROOFSTAGE_MS_TENANT_ID", "contoso")
    monkeypatch.setenv("PROOFSTAGE_MS_CLIENT_ID", "app")
    monkeypatch.setenv("PROOFSTAGE_MS_CLIENT_SECRET", "s3cret")
    monkeypatch.setenv("PROOFSTAGE_MS_GRAPH_URL", "https://graph.example/v1.0")
    monkeypatch.setenv("PROOFSTAGE_MS_CA_BUNDLE", "/etc/ssl/corp.pem")

    config = GraphConfig()
    assert config.authority == "https://login.microsoftonline.com/contoso"
    assert config.graph_resource == "https://graph.example"
    assert config.ca_bundle == Path("/etc/ssl/corp.pem")
    assert "s3cret" not in repr(config)
    assert config.client_secret is not None
    assert config.client_secret.get_secret_value() == "s3cret"
