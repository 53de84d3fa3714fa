"""Buyer accounts (by mail domain) and their contacts."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel, UniqueConstraint

from models.types import UTCDateTime, utcnow


class AccountBase(SQLModel):
    name: str


class Account(AccountBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AccountDomain(SQLModel, table=True):
    """A mail domain that belongs to one buyer account of one seller organization."""

    __tablename__ = "account_domain"
    __table_args__ = (UniqueConstraint("organization_id", "domain"),)

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    domain: str = Field(index=True)


class AccountPublic(AccountBase):
    id: int
    domains: list[str] = []


class ContactBase(SQLModel):
    email: str = Field(index=True)
    name: str = ""


class Contact(ContactBase, table=True):
    """A buyer-side person; free-mail contacts have no account."""

    __table_args__ = (UniqueConstraint("organization_id", "email"),)

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    account_id: int | None = Field(default=None, foreign_key="account.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
