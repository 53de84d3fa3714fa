"""Encrypted secrets in the database (msal token caches, OAuth refresh tokens), so every worker
shares them; capture/secrets.py encrypts before anything reaches this table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, LargeBinary
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel

from models.types import UTCDateTime, utcnow


class Credential(SQLModel, table=True):
    name: str = Field(primary_key=True)
    ciphertext: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class DatabaseStore:
    """A capture.secrets.RawStore on the credential table; each write commits on its own, since
    a refreshed token must survive a sync that later fails."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def get(self, name: str) -> bytes | None:
        with Session(self.engine) as session:
            row = session.get(Credential, name)
            return bytes(row.ciphertext) if row else None

    def put(self, name: str, data: bytes) -> None:
        with Session(self.engine) as session:
            row = session.get(Credential, name) or Credential(name=name, ciphertext=data)
            row.ciphertext = data
            row.updated_at = utcnow()
            session.add(row)
            session.commit()

    def delete(self, names: list[str]) -> int:
        """Forget these secrets (a removed rep's); returns how many there were."""
        with Session(self.engine) as session:
            rows = [row for name in names if (row := session.get(Credential, name))]
            for row in rows:
                session.delete(row)
            session.commit()
            return len(rows)
