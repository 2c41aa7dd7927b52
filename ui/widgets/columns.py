"""Two columns of group boxes in a frameless scroll area: the shape of the long forms."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget


def scrolling_columns(left: Sequence[QWidget], right: Sequence[QWidget]) -> QScrollArea:
    """*left* and *right* stacked top-down in two equal columns that scroll on a small screen."""
    columns = QHBoxLayout()
    for widgets in (left, right):
        column = QVBoxLayout()
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        columns.addLayout(column, 1)
    inner = QWidget()
    inner.setLayout(columns)
    scroll = QScrollArea()
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    return scroll
