"""`python -m bot` is the `analyst` command."""

from bot.cli import main

main()
