"""Alembic environment shared by every service; the service's metadata comes in through
the config's attributes (see campus.migrations)."""
from alembic import context

config = context.config
metadata = config.attributes["target_metadata"]


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run against the database")
run_migrations_online()
