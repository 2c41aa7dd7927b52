"""Fixtures every window test shares: a desk context over the test database that runs its
tasks at once, and a way to show a page the way a clerk sees it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from PySide6.QtWidgets import QWidget

from ui.context import DeskContext
from ui.workers import TaskRunner


@pytest.fixture
def ctx(sqlite_db, settings) -> DeskContext:
    """The pages' context over the SQLite test database; tasks run synchronously (no worker thread)."""
    return DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True))


@pytest.fixture
def show_page(qtbot) -> Callable[..., QWidget]:
    """Show a widget as the active window (closed by pytest-qt after the test) and return it."""

    def show(widget: QWidget, width: int | None = None, height: int | None = None) -> QWidget:
        qtbot.addWidget(widget)
        if width is not None and height is not None:
            widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow)
        return widget

    return show
