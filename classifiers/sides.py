"""Whose side an address is on: the seller's (the mailbox's domain) or a buyer's (any other)."""

from __future__ import annotations

from typing import Literal

from classifiers.segments import Author

Side = Literal["seller", "buyer", "unknown"]

# labels of a domain that say nothing about the company
_GENERIC_LABELS = frozenset(
    "com net org co io ai uk us de fr es it nl eu biz info inc ltd gmbh mail email corp group "
    "global app cloud tech hq www".split()
)


def is_seller_domain(domain: str, seller_domain: str) -> bool:
    """A seller address is on the mailbox's domain or one of its subdomains."""
    domain = domain.lower()
    if not seller_domain or not domain:
        return False
    if domain == seller_domain or domain.endswith("." + seller_domain):
        return True
    # the same company on another top-level domain: enron.net for enron.com
    labels = company_labels(domain)
    return bool(labels) and labels == company_labels(seller_domain)


def side_of(author: Author | None, seller_domain: str) -> Side:
    """The author's side; unknown when the body names nobody with an address."""
    if author is None:
        return "unknown"
    if author.internal:
        return "seller"
    if not author.email:
        return "unknown"
    return "seller" if is_seller_domain(author.domain, seller_domain) else "buyer"


def company_labels(domain: str) -> tuple[str, ...]:
    """The distinctive label of a domain: "mail.acme-corp.co.uk" -> ("acme-corp",)."""
    labels = [part for part in domain.lower().split(".") if part and part not in _GENERIC_LABELS]
    return tuple(labels[-1:]) if labels else ()


def names_company(word: str, domain: str) -> bool:
    """True when a written company name ("Northwind") is the company of the domain."""
    word = "".join(ch for ch in word.lower() if ch.isalnum())
    if len(word) < 3:
        return False
    for label in company_labels(domain):
        label = "".join(ch for ch in label if ch.isalnum())
        if label.startswith(word) or word.startswith(label):
            return True
    return False
