"""One base error with a message and a status code; a handler turns it into JSON."""

from __future__ import annotations


class ProofstageError(Exception):
    status_code = 500

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(ProofstageError):
    status_code = 404


class BadRequest(ProofstageError):
    status_code = 422


class Forbidden(ProofstageError):
    status_code = 403
