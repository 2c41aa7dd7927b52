"""statistics: covering indexes for the office's figures of a period

Revision ID: 0008
Revises: 0007

app.figures.statistics groups the office's applications, tickets and stay-permit requests of a
period. Each index below starts with (office, date) and holds every column those queries read,
so that a year of a million-application office is read from the index alone, in date order,
without touching the table rows. application_stage gets the first "siap" step of an
application by a seek on (application_id, stage), and whether a step was corrected by a seek
on corrects_id (unindexed until now: every check was a scan of all steps).
The same indexes are in the ORM models (app/db/models.py).
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES: dict[str, tuple[str, list[str]]] = {
    "ix_application_statistics": (
        "application",
        ["office_id", "application_date", "product", "kind", "stage", "booking_code",
         "applicant_id", "collection_date"],
    ),
    "ix_ticket_statistics": (
        "ticket",
        ["office_id", "ticket_date", "service_id", "status", "priority", "issued_at",
         "called_at", "finished_at"],
    ),
    "ix_stay_permit_request_statistics": (
        "stay_permit_request", ["office_id", "request_date", "kind"]
    ),
    "ix_application_stage_reached": ("application_stage", ["application_id", "stage", "at"]),
    "ix_application_stage_corrects_id": ("application_stage", ["corrects_id"]),
}  # fmt: skip


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in reversed(INDEXES.items()):
        op.drop_index(name, table_name=table)
