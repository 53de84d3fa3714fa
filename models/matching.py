"""Matching v0: the buyer side of an interaction is every domain other than the seller's."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from capture.interaction import Interaction, Person

FREEMAIL_FILE = Path(__file__).parent / "freemail_domains.txt"


@cache
def freemail_domains() -> frozenset[str]:
    lines = FREEMAIL_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_seller(domain: str, seller_domains: frozenset[str]) -> bool:
    """A seller address is on a seller domain or one of its subdomains."""
    return any(domain == d or domain.endswith("." + d) for d in seller_domains)


@dataclass(frozen=True)
class BuyerSide:
    account_domains: tuple[str, ...]  # one account each
    contacts: tuple[Person, ...]  # every buyer-side person, free-mail included

    @property
    def internal(self) -> bool:
        return not self.contacts


def buyer_side(interaction: Interaction, seller_domains: frozenset[str] | None = None) -> BuyerSide:
    """Who the interaction is with on the buyer's side; seller domains default to the mailbox's."""
    sellers = seller_domains or frozenset({interaction.seller_domain})
    contacts = tuple(p for p in interaction.participants() if not is_seller(p.domain, sellers))
    domains = sorted({p.domain for p in contacts if p.domain not in freemail_domains()})
    return BuyerSide(account_domains=tuple(domains), contacts=contacts)


def account_name(domain: str) -> str:
    """A readable account name from its domain until a CRM gives the real one."""
    label = domain.split(".")[-2] if domain.count(".") >= 1 else domain
    return " ".join(part.capitalize() for part in label.replace("_", "-").split("-") if part)
