"""Print a ticket's slip on the counter's slip printer and record it; a failure is a reason, never lost work."""

from __future__ import annotations

from collections.abc import Callable

from ui.context import DeskContext


def print_ticket_slip(
    ctx: DeskContext,
    ticket_id: int,
    pdf: bytes,
    on_error: Callable[[BaseException], None] | None = None,
) -> str | None:
    """Print on the slip printer (UI thread); return the reason when it failed (the ticket stays reprintable)."""
    from ui.printing import PrintError, print_slip  # QtPdf loads at the first slip

    s = ctx.settings
    try:
        print_slip(pdf, s.slip_printer, s.slip_paper_mm)
    except PrintError as exc:
        return exc.message(ctx.lang)
    db, counter, officer = ctx.db, ctx.counter, ctx.officer

    def mark():  # what it changed goes out through ctx.changed
        from app.queue.tickets import mark_printed

        return mark_printed(db, ticket_id, counter, officer)

    ctx.run_op(mark, None, on_error)
    return None


def render_slip(*args, **kwargs) -> bytes:
    """The slip PDF; ReportLab loads on the worker thread at the first slip, not at start-up."""
    from app.queue.slip import render_slip as render

    return render(*args, **kwargs)
