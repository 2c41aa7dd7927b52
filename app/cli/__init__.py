"""The `kanimdesk` command line: the window by default, one module per command group."""

from app.cli.entry import main

__all__ = ["main"]
