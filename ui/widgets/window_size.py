"""Windows and dialogs that open no larger than the screen they appear on (taskbar excluded)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# resize() sets the inside of a window; the window manager adds a title bar and borders
# around it, which must fit on the screen too.
FRAME = QSize(16, 40)


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of *widget*'s screen (or the primary one) that windows may use: no taskbar."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window() if parent is not None else widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted_size(widget: QWidget | None, width: int, height: int) -> QSize:
    """*width* × *height*, or less where the screen's available area is smaller."""
    area = available_area(widget)
    return QSize(
        max(1, min(width, area.width() - FRAME.width())),
        max(1, min(height, area.height() - FRAME.height())),
    )


def fit_to_screen(widget: QWidget, width: int, height: int) -> bool:
    """Resize *widget* to at most *width* × *height* within its screen; True when it had to shrink."""
    size = fitted_size(widget, width, height)
    widget.resize(size)
    return size.width() < width or size.height() < height
