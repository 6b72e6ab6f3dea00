"""Start-up: a command loads what it uses and no more (each case in a fresh interpreter).

`archive --help` and `--version` load click alone; a read command loads SQLAlchemy's Core
and the SQLite driver, but not the ORM, the parser, Alembic, the PostgreSQL driver, OpenCC
or the ingest machinery, and Rich only to draw a table. A read command added to the CLI is
checked by test_every_read_command_starts_light without being listed here.
"""

import json
import subprocess
import sys

import pytest
from archive_process import write_bulletins
from click.testing import CliRunner

from archive.cli import main
from archive.report import FORMATS as REPORT_FORMATS
from archive.report.rendering import RENDERERS

# Runs the command, then writes the names of the modules loaded into the file given first.
_LOADED_BY = """
import json, sys
from archive.cli import main
try:
    main(sys.argv[2:], prog_name="archive")
except SystemExit:
    pass
with open(sys.argv[1], "w") as out:
    json.dump(sorted(sys.modules), out)
"""
NOT_FOR_HELP = (
    "sqlalchemy", "rich", "alembic", "psycopg", "opencc", "cn2an", "charset_normalizer", "concurrent.futures",
)  # fmt: skip
NOT_FOR_READING = (
    "sqlalchemy.orm",
    "alembic",
    "psycopg",
    "opencc",
    "cn2an",
    "charset_normalizer",
    "archive.parse.document",
    "archive.parse.gazetteer",
    "archive.sources.decode",
    "archive.store.models",
    "archive.store.ingestion",
    "archive.store.writer",
)
WRITE_COMMANDS = {"ingest", "reparse", "db"}
# What a read command needs besides --db to run (the others run without arguments).
ARGUMENTS = {
    "show": ["1"],
    "export": ["--out", "{tmp}/export"],
    "report": ["--out", "{tmp}/report.html"],
    "sql": ["SELECT count(*) FROM report"],
    "notices": ["--search", "口罩"],
}


def loaded(tmp_path, *args: str) -> set[str]:
    listing = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", _LOADED_BY, str(listing), *args], check=True, capture_output=True)
    return set(json.loads(listing.read_text()))


def among(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(name for name in modules if name.startswith(tuple(f"{p}." for p in packages)) or name in packages)


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("startup")
    db = str(folder / "archive.db")
    paths = write_bulletins(folder / "pages", range(3))
    result = CliRunner().invoke(main, ["--db", db, "ingest", *map(str, paths)])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["ingest", "--help"], ["reports", "--help"]])
def test_help_and_version_load_click_alone(tmp_path, args):
    assert among(loaded(tmp_path, *args), NOT_FOR_HELP) == []


@pytest.mark.parametrize("command", sorted(set(main.commands) - WRITE_COMMANDS))
def test_every_read_command_starts_light(tmp_path, archive_db, command):
    arguments = [argument.format(tmp=tmp_path) for argument in ARGUMENTS.get(command, [])]
    as_json = ["--format", "json"] if "--format" in _options(command) and command != "report" else []

    modules = loaded(tmp_path, "--db", archive_db, command, *arguments, *as_json)

    assert "sqlalchemy" in modules  # it did read the archive
    assert among(modules, NOT_FOR_READING) == []
    if as_json:
        assert among(modules, ("rich",)) == []


def test_a_table_loads_rich_and_still_no_parser(tmp_path, archive_db):
    modules = loaded(tmp_path, "--db", archive_db, "reports")
    assert "rich.console" in modules  # a table of one-line cells is written without rich.table's layout
    assert among(modules, NOT_FOR_READING) == []


def test_ingest_loads_the_parser_but_not_alembic_on_an_existing_archive(tmp_path, archive_db):
    page = tmp_path / "page.txt"
    page.write_text("no bulletin here", encoding="utf-8")
    modules = loaded(tmp_path, "--db", archive_db, "ingest", str(page))
    assert "archive.parse.document" in modules
    assert among(modules, ("alembic", "psycopg")) == []


def test_report_formats_named_without_loading_the_renderers_are_theirs():
    assert REPORT_FORMATS == tuple(RENDERERS)


def _options(command: str) -> set[str]:
    return {option for parameter in main.commands[command].params for option in parameter.opts}
