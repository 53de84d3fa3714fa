"""Secrets at rest (msal token caches, OAuth refresh tokens), encrypted with Fernet.

The key is the `PROOFSTAGE_SECRET_KEY` setting (a Fernet key: `proofstage connect` prints how to
make one). Without it, a key is generated once into a 0600 file beside the other secrets, so a
single machine works out of the box; several machines must share the setting.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken


class RawStore(Protocol):
    """Bytes by name, stored as given (a folder, a database table)."""

    def get(self, name: str) -> bytes | None: ...

    def put(self, name: str, data: bytes) -> None: ...


class SecretUnreadable(Exception):
    """A stored secret that this key cannot decrypt (the key changed, or the data is damaged)."""


class EncryptedStore:
    """A SecretStore (capture/base.py) that encrypts with Fernet before anything is written."""

    def __init__(self, raw: RawStore, key: bytes | str):
        self.raw = raw
        self.fernet = Fernet(key)

    def load(self, name: str) -> bytes | None:
        token = self.raw.get(name)
        if token is None:
            return None
        try:
            return self.fernet.decrypt(token)
        except InvalidToken as exc:
            raise SecretUnreadable(
                f"the stored secret {name!r} cannot be decrypted with the configured "
                "PROOFSTAGE_SECRET_KEY; reconnect the mailbox or restore the key"
            ) from exc

    def save(self, name: str, data: bytes) -> None:
        self.raw.put(name, self.fernet.encrypt(data))


class FolderStore:
    """Each secret a 0600 file in a folder (names are made safe for file names)."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, name: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_.@" else "_" for c in name)
        return self.directory / f"{safe}.secret"

    def get(self, name: str) -> bytes | None:
        path = self._path(name)
        return path.read_bytes() if path.is_file() else None

    def put(self, name: str, data: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(name)
        temporary = path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
        temporary.replace(path)  # atomic: a crash leaves the old secret or the new, never half


def key_from_file(path: Path) -> bytes:
    """The Fernet key kept in `path`, created (0600) on first use."""
    path = Path(path)
    if path.is_file():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(key)
    return key
