"""Database passwords never appear in what the archive prints or logs: URLs show them as ***."""

import logging

import click
import pytest
from archive_process import bulletin, finish, start_archive
from click.testing import CliRunner
from sqlalchemy.engine import make_url

from archive.cli import main
from archive.store import create_archive_engine, describe

PG = "postgresql+psycopg"
PASSWORD = "s3cret-Pa55"
UNREACHABLE = f"{PG}://reader:{PASSWORD}@127.0.0.1:1/archive"
ON_POSTGRESQL = pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
# What commands need besides --db; {folder} is a scratch folder.
REQUIRED_ARGUMENTS = {
    "ingest": ["{folder}/bulletin.txt"],
    "show": ["1"],
    "sql": ["SELECT 1"],
    "export": ["--out", "{folder}/export"],
    "report": ["--out", "{folder}/report.html"],
    "db downgrade": ["base"],
}


def every_command() -> list[str]:
    """Every command ("db current" for a subcommand): a new command is tested without editing this file."""
    names = []
    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            names += [f"{name} {subcommand}" for subcommand in command.commands]
        else:
            names.append(name)
    return sorted(names)


def run(*args, env=None):
    return CliRunner().invoke(main, [str(arg) for arg in args], env=env)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"{PG}://reader:s3cret@db.example/archive", f"{PG}://reader:***@db.example/archive"),
        (
            f"{PG}://reader@db.example/archive?password=s3cret&sslmode=require",
            f"{PG}://reader@db.example/archive?password=***&sslmode=require",
        ),
        (f"{PG}://reader:s3cret@db.example:port/archive", f"{PG}://reader:***@db.example:port/archive"),
        (f"{PG}://reader:s3@cret@db.example/archive", f"{PG}://reader:***@db.example/archive"),
        ("/data/archive.db", "/data/archive.db"),
    ],
    ids=["in the URL", "as a query parameter", "in a URL that does not parse", "holding an @", "no URL"],
)
def test_describe_masks_the_password(url, shown):
    assert describe(url) == shown


@pytest.mark.parametrize("command", every_command())
@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (UNREACHABLE, f"{PG}://reader:***@127.0.0.1:1/archive"),
        (f"{PG}://reader@127.0.0.1:1/archive?password={PASSWORD}", f"{PG}://reader@127.0.0.1:1/archive?password=***"),
    ],
    ids=["password in the URL", "password as a query parameter"],
)
def test_every_command_names_an_unreachable_database_without_its_password(command, url, shown, tmp_path):
    (tmp_path / "bulletin.txt").write_text(bulletin(0), encoding="utf-8")
    arguments = [argument.format(folder=tmp_path) for argument in REQUIRED_ARGUMENTS.get(command, [])]

    result = run("--db", url, *command.split(), *arguments)

    assert result.exit_code == 4, result.output
    assert f"cannot use the database {shown}: connection failed" in result.stderr
    assert PASSWORD not in result.output


def test_a_password_in_archive_db_is_not_shown():
    result = run("reports", env={"ARCHIVE_DB": UNREACHABLE})
    assert result.exit_code == 4
    assert PASSWORD not in result.output

    assert PASSWORD not in run("--help", env={"ARCHIVE_DB": UNREACHABLE}).output


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            f"{PG}://reader:s3cret@Pa55@127.0.0.1/archive",
            (
                f"--db {PG}://reader:***@127.0.0.1/archive: "
                "the user name or password in the database URL contains @: write it as %40"
            ),
        ),
        (f"{PG}://reader:s3cret@127.0.0.1:port/db", f"--db {PG}://reader:***@127.0.0.1:port/db: cannot parse"),
        (
            f"{PG}://reader:s3cret@127.0.0.1:1/archive?no_such_option=1",
            f'--db {PG}://reader:***@127.0.0.1:1/archive?no_such_option=1: invalid connection option "no_such_option"',
        ),
        ("mysql://reader:s3cret@127.0.0.1/archive", "--db mysql://reader:***@127.0.0.1/archive: the archive works"),
        ("postgresql+nodriver://reader:s3cret@127.0.0.1/db", "--db postgresql+nodriver://reader:***@127.0.0.1/db"),
    ],
    ids=["@ in the password", "a port not a number", "an unknown option", "another database", "an unknown driver"],
)
def test_an_unusable_url_exits_2_naming_it_without_its_password(url, message):
    result = run("--db", url, "reports")

    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "s3cret" not in result.output and "Pa55" not in result.output
    assert "Traceback" not in result.output


@pytest.fixture
def secret_url(db_url) -> tuple[str, str]:
    """The test database's URL with a password in it: its own, or one the server ignores (trust, as in CI)."""
    url = make_url(db_url)
    password = url.password or PASSWORD
    return url.set(password=password).render_as_string(hide_password=False), password


@ON_POSTGRESQL
def test_a_password_is_shown_as_stars_by_every_command_and_in_no_log(secret_url, tmp_path, caplog):
    url, password = secret_url
    masked = make_url(url).render_as_string(hide_password=True)
    assert ":***@" in masked
    source = tmp_path / "bulletin.txt"
    source.write_text(bulletin(0), encoding="utf-8")
    # Alembic logs its steps, SQLAlchemy its statements and connections (its own level is WARNING unless set).
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    outputs = []

    def archive(*args, exit_code=0):
        result = run("--db", url, *args)
        assert result.exit_code == exit_code, result.output
        outputs.append(result.output)
        return result

    assert archive("db", "current").stdout.startswith(f"database {masked}: revision none")
    assert archive("db", "upgrade").stdout.startswith(f"database {masked}: revision none → ")
    archive("ingest", source)
    archive("ingest", "--json", source)
    archive("reports", "--format", "json")
    archive("db", "downgrade", "0001")
    assert f"database {masked} is at revision 0001" in archive("reports", exit_code=3).stderr
    archive("db", "upgrade")
    archive("reparse")
    archive("sql", "SELECT no_such_column FROM report", exit_code=2)

    assert not [output for output in outputs if password in output]
    assert "Running upgrade" in caplog.text and "SELECT" in caplog.text  # the logs were on
    assert password not in caplog.text


@ON_POSTGRESQL
def test_the_traceback_of_an_unexpected_error_shows_no_password(secret_url, db_url):
    url, password = secret_url
    assert run("--db", url, "db", "upgrade").exit_code == 0
    engine = create_archive_engine(db_url)
    with engine.begin() as connection:  # a schema broken behind the archive's back
        connection.exec_driver_sql("ALTER TABLE report RENAME TO report_moved")
    engine.dispose()

    code, stdout, stderr = finish(start_archive("--db", url, "reports"))

    assert code == 1 and "Traceback" in stderr and "UndefinedTable" in stderr
    assert password not in stdout + stderr
