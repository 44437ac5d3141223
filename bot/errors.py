"""Errors whose message is meant for the person who asked, shown as written."""

from __future__ import annotations


class UserFacingError(Exception):
    """A short, plain sentence the CLI prints and the bot shows ephemerally; no traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AnalysisUnavailableError(UserFacingError):
    """No analysis process can start (the spaCy model is missing, no memory): nothing is lost."""


class DatabaseUnavailableError(UserFacingError):
    """The configured database cannot be opened or migrated."""
