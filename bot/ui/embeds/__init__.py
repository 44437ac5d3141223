"""Discord answers per command, built from the services' dataclasses (see `bot.ui.page`)."""
