"""Alembic per service: one shared environment, each service's revisions in
`services/<service>/migrations/`."""
from __future__ import annotations

import pathlib

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from campus.config import ROOT
from campus.db import Database


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(pathlib.Path(__file__).parent / "alembic"))
    cfg.set_main_option("version_locations", str(ROOT / "services" / db.name / "migrations"))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    cfg.attributes["target_metadata"] = db.metadata
    return cfg


def upgrade(db: Database, revision: str = "head") -> None:
    cfg = alembic_config(db)
    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def revision(db: Database, message: str) -> None:
    """Autogenerate a revision from the difference between the models and the database."""
    cfg = alembic_config(db)
    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        # Revisions are numbered 0001, 0002... per service: readable, and in order.
        script = ScriptDirectory.from_config(cfg)
        command.revision(cfg, message=message, autogenerate=True,
                         rev_id=f"{len(list(script.walk_revisions())) + 1:04d}")


def is_current(db: Database) -> bool:
    head = ScriptDirectory.from_config(alembic_config(db)).get_current_head()
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head
