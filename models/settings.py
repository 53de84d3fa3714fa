"""Typed settings, read from the environment with the PROOFSTAGE_ prefix (and a .env file)."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


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

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.database_path}"


@cache
def get_settings() -> Settings:
    return Settings()
