"""Alembic environment: run against the connection the caller hands over."""

from alembic import context

import app.db.admin_models  # noqa: F401
import app.db.figure_models  # noqa: F401
import app.db.visit_models  # noqa: F401
from app.db.migrate import described_by_models
from app.db.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")

if connection is None:
    from app.db.engine import make_engine

    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=described_by_models,
        )
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=described_by_models,
    )
    with context.begin_transaction():
        context.run_migrations()
