"""Typed settings, read from the environment with the PROOFSTAGE_ prefix (and a .env file)."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PROOFSTAGE_", env_file=".env", extra="ignore")

    # PostgreSQL (or any SQLAlchemy URL) when set; otherwise the SQLite file below
    database_url: str | None = None
    database_path: Path = Path("proofstage.db")
    # the sales process: a shipped name or a YAML file
    process: str = "buyer_journey"
    # freeze the assessment clock (demos, reproducible reports); unset means now
    as_of: datetime | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    # privacy: whole bodies are kept only when asked; evidence keeps its quotes either way
    keep_bodies: bool = False
    # addresses and domains never captured: an interaction with any of them on it is dropped
    exclude_addresses: Annotated[set[str], NoDecode] = set()
    exclude_domains: Annotated[set[str], NoDecode] = set()
    # Fernet key for secrets at rest (token caches); unset: one generated into secrets_dir
    secret_key: SecretStr | None = None
    secrets_dir: Path = Path(".proofstage")
    # a live mailbox stream with no successful sync for this long is flagged as stale
    stale_after_minutes: int = 60
    # Celery broker (redis://127.0.0.1:6379/0 or amqp://guest:guest@127.0.0.1:5672//); unset:
    # pushes sync in the API process
    broker_url: str | None = None

    @field_validator("exclude_addresses", "exclude_domains", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return {part.strip().lower() for part in value.split(",") if part.strip()}
        return value

    def excludes(self, email: str) -> bool:
        email = email.lower()
        return email in self.exclude_addresses or email.rpartition("@")[2] in self.exclude_domains

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.database_path}"


@cache
def get_settings() -> Settings:
    return Settings()
