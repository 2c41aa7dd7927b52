"""Database: engine and sessions, ORM models, Alembic migrations."""
