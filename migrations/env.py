"""Alembic environment of the archive.

Run from code (archive.store.migrate passes a connection in ``config.attributes``)
or by developers with the repo's alembic.ini (then ``sqlalchemy.url`` is used).
"""

from alembic import context

from archive.store.engine import create_archive_engine
from archive.store.migrate import include_object
from archive.store.models import Base

config = context.config


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=Base.metadata,
        include_object=include_object,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # from archive.store.migrate, inside its locked transaction
        run_migrations_on(connection)
        return
    engine = create_archive_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        run_migrations_on(connection)


def run_migrations_on(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        include_object=include_object,
        # SQLite alters tables by copying them; batch mode does that for later revisions.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    # A transaction of its own, unless the connection is already in one (then its owner commits).
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
