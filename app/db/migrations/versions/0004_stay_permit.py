"""foreign nationals' stay-permit requests

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stay_permit_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=False),
        sa.Column("request_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("permit_no", sa.String(length=40), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("officer", sa.String(length=60), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["applicant_id"],
            ["applicant.id"],
            name=op.f("fk_stay_permit_request_applicant_id_applicant"),
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_stay_permit_request_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_stay_permit_request_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stay_permit_request")),
        sa.UniqueConstraint("uuid", name=op.f("uq_stay_permit_request_uuid")),
    )
    with op.batch_alter_table("stay_permit_request") as batch_op:
        batch_op.create_index("ix_stay_permit_request_applicant_id", ["applicant_id"])
        batch_op.create_index("ix_stay_permit_request_request_date", ["request_date"])


def downgrade() -> None:
    op.drop_table("stay_permit_request")
