"""application stages to collection: payment, corrections, office closures

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("application") as batch_op:
        batch_op.add_column(sa.Column("paid_amount", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("billing_code", sa.String(length=40), nullable=True))
        batch_op.create_index("ix_application_stage_collection", ["stage", "collection_date"])
    with op.batch_alter_table("application_stage") as batch_op:
        batch_op.add_column(sa.Column("counter", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("corrects_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("note", sa.String(length=200), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_application_stage_corrects_id_application_stage"),
            "application_stage",
            ["corrects_id"],
            ["id"],
        )
    op.create_table(
        "office_closure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("officer", sa.String(length=60), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_office_closure_office_id_office")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_closure")),
        sa.UniqueConstraint("office_id", "day", name=op.f("uq_office_closure_office_id_day")),
    )


def downgrade() -> None:
    op.drop_table("office_closure")
    with op.batch_alter_table("application_stage") as batch_op:
        batch_op.drop_constraint(
            op.f("fk_application_stage_corrects_id_application_stage"), type_="foreignkey"
        )
        batch_op.drop_column("note")
        batch_op.drop_column("corrects_id")
        batch_op.drop_column("counter")
    with op.batch_alter_table("application") as batch_op:
        batch_op.drop_index("ix_application_stage_collection")
        batch_op.drop_column("billing_code")
        batch_op.drop_column("paid_amount")
