"""The `archive` command: a thin layer of options, output formats and exit codes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

import click
from alembic.util import CommandError
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn
from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from archive import __version__, store
from archive.parse import ParsedDocument
from archive.parse.model import STATUS_FAILED
from archive.query import SqlError, get_report, list_reports, run_sql
from archive.query.reports import REPORT_COLUMNS
from archive.render import FORMATS, emit_dicts, emit_rows, to_json
from archive.sources import InputProblem, SourceDocument, iter_sources

EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 1
EXIT_BAD_INPUT = 2  # the same code click uses for usage errors
EXIT_DATABASE_SCHEMA = 3
EXIT_DATABASE_UNAVAILABLE = 4

# The table view of `archive reports` (csv and json carry every column).
REPORT_TABLE_COLUMNS = {
    "id": "id", "report_date": "date", "window": "window", "region": "region",
    "region_level": "level", "local_confirmed": "confirmed",
    "local_asymptomatic": "asymptomatic", "local_positive": "positive",
    "consistent": "consistent",
}  # fmt: skip


class CliError(click.ClickException):
    """An expected failure: printed as one message, no traceback."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


@contextlib.contextmanager
def database_errors(db: str) -> Iterator[None]:
    """Turn the ways a database can be unusable into messages for a person."""
    name = store.describe(db)
    try:
        yield
    except store.SchemaError as exc:
        raise CliError(str(exc), EXIT_DATABASE_SCHEMA) from exc
    except (ArgumentError, NoSuchModuleError) as exc:
        raise CliError(
            f"--db {name}: {exc}. Give a file path or a URL such as sqlite:///FILE "
            "or postgresql+psycopg://USER@HOST/DB",
            EXIT_BAD_INPUT,
        ) from exc
    except OperationalError as exc:
        raise CliError(
            f"cannot use the database {name}: {str(exc.orig).strip()}\n"
            "Check --db (or ARCHIVE_DB), that the server is running and that you may write there.",
            EXIT_DATABASE_UNAVAILABLE,
        ) from exc


@dataclass
class Archive:
    """The database named by --db, opened (and migrated if brand-new) on first use."""

    db: str
    _engine: Engine | None = None

    def engine(self) -> Engine:
        if self._engine is None:
            with database_errors(self.db):
                self._engine = store.open_archive(self.db)
            click.get_current_context().call_on_close(self._engine.dispose)
        return self._engine

    def raw_engine(self) -> Engine:
        """An engine without the revision check, for `archive db`."""
        with database_errors(self.db):
            engine = store.create_archive_engine(self.db)
        click.get_current_context().call_on_close(engine.dispose)
        return engine


def output_format(command: Callable) -> Callable:
    """The shared --format option of read commands."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output: a table for people, csv, json or ndjson for programs.",
    )(command)


def period_filters(command: Callable) -> Callable:
    """The shared --region/--from/--to options of commands that list reports."""
    date = click.DateTime(formats=["%Y-%m-%d"])
    command = click.option(
        "--to",
        "date_to",
        type=date,
        callback=_as_date,
        metavar="YYYY-MM-DD",
        help="Last report date.",
    )(command)
    command = click.option(
        "--from",
        "date_from",
        type=date,
        callback=_as_date,
        metavar="YYYY-MM-DD",
        help="First report date.",
    )(command)
    return click.option("--region", help="Only this issuing region, e.g. 哈尔滨市.")(command)


def _as_date(_context, _parameter, value):
    return value.date() if value else None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="ARCHIVE_DB",
    default=store.DEFAULT_DATABASE,
    show_default=True,
    metavar="URL|PATH",
    help="SQLAlchemy URL (postgresql+psycopg://…) or SQLite file path; env ARCHIVE_DB.",
)
@click.version_option(__version__, prog_name="archive")
@click.pass_context
def main(ctx: click.Context, db: str) -> None:
    """Chinese epidemic bulletins (疫情通报) as normalized, traceable SQL tables.

    Exit codes: 0 ok, 1 some inputs failed, 2 usage error or bad input,
    3 the database needs `archive db upgrade` (or is not an archive),
    4 the database cannot be reached or written.
    """
    ctx.obj = Archive(db)


# --- ingest ---------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--year", type=click.IntRange(1900, 2100), help="Year of dates that state none (10月29日)."
)
@click.option("--recursive", "-r", is_flag=True, help="Read subfolders of folders too.")
@click.option("--dry-run", is_flag=True, help="Parse and show the result; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_obj
def ingest(archive: Archive, paths, year, recursive, dry_run, as_json) -> None:
    """Read bulletins from files, folders or - (standard input) into the archive.

    The same bytes twice are skipped. A file that cannot be read or parsed is
    recorded as failed with its reason; the others are stored all the same.
    """
    sources = iter_sources(paths, recursive=recursive)
    if dry_run:
        _dry_run(sources, year, as_json)
        return
    engine = archive.engine()
    with _progress() as on_outcome, database_errors(archive.db):
        summary = store.ingest(engine, sources, year=year, on_outcome=on_outcome)
    if as_json:
        click.echo(to_json(summary.as_dict()))
    else:
        for outcome in summary.outcomes:
            if outcome.status == STATUS_FAILED:
                where = "" if outcome.source in outcome.message else f"{outcome.source}: "
                click.echo(f"failed: {where}{outcome.message}", err=True)
        no_bulletin = f" ({summary.no_bulletin} without a bulletin)" if summary.no_bulletin else ""
        click.echo(
            f"documents: {summary.new} new{no_bulletin}, {summary.skipped} skipped, "
            f"{summary.failed} failed\nreports: {summary.reports}\nproblems: {summary.problems}"
        )
    click.get_current_context().exit(EXIT_SOME_INPUTS_FAILED if summary.failed else EXIT_OK)


def _dry_run(sources, year: int | None, as_json: bool) -> None:
    records = [_dry_run_record(item, year) for item in sources]
    if as_json:
        click.echo(to_json(records))
    else:
        for record in records:
            problems = sum(len(report["problems"]) for report in record["reports"])
            reason = f": {record['error']}" if record["error"] else ""
            click.echo(
                f"{record['source']}: {record['status']}{reason}, "
                f"{len(record['reports'])} reports, {problems} problems"
            )
        click.echo("dry run: nothing was written")
    failed = any(record["status"] == STATUS_FAILED for record in records)
    click.get_current_context().exit(EXIT_SOME_INPUTS_FAILED if failed else EXIT_OK)


def _dry_run_record(item: SourceDocument | InputProblem, year: int | None) -> dict:
    if isinstance(item, InputProblem):
        return {
            "source": item.source,
            "status": STATUS_FAILED,
            "error": item.message,
            "reports": [],
        }
    parsed: ParsedDocument = store.parse_source(item, year)
    return {
        "source": item.source,
        "sha256": item.sha256,
        "encoding": item.encoding,
        "status": parsed.status,
        "error": parsed.error,
        "published_on": parsed.published_on,
        "reports": [
            {
                **asdict(report),
                "consistent": report.consistent,
                "sentence": parsed.text[report.span_start : report.span_end],
            }
            for report in parsed.reports
        ],
    }


@contextlib.contextmanager
def _progress() -> Iterator[Callable | None]:
    """A progress line on a terminal; nothing when stderr is a file or a pipe."""
    if not sys.stderr.isatty():
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} documents"),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("", total=None)
        yield lambda outcome: progress.update(task, advance=1, description=outcome.source)


@main.command()
@click.pass_obj
def reparse(archive: Archive) -> None:
    """Parse the stored documents again with this version of the parser.

    Reports keep their ids while their document, region, date and window are
    unchanged; what was added, removed or changed is listed.
    """
    with database_errors(archive.db):
        summary = store.reparse(archive.engine())
    click.echo(
        f"documents: {summary.documents} parsed again, {summary.failed} failed\n"
        f"reports: {summary.reports} ({summary.count('added')} added, {summary.count('removed')} removed, "
        f"{summary.count('changed')} changed)"
    )
    for change in summary.changes:
        who = f"report {change.report_id}" if change.report_id else f"document {change.document_id}"
        detail = f": {change.detail}" if change.detail else ""
        click.echo(f"{change.what}: {who} {change.region} {change.report_date} {change.window}{detail}")


# --- db -------------------------------------------------------------------


@main.group()
def db() -> None:
    """Schema migrations (Alembic): the only way the schema changes."""


@db.command("upgrade")
@click.argument("revision", default="head")
@click.pass_obj
def db_upgrade(archive: Archive, revision: str) -> None:
    """Upgrade the database to REVISION (default: the newest)."""
    _migrate(archive, store.upgrade, revision)


@db.command("downgrade")
@click.argument("revision")
@click.pass_obj
def db_downgrade(archive: Archive, revision: str) -> None:
    """Downgrade the database to REVISION (`base` drops every table)."""
    _migrate(archive, store.downgrade, revision)


def _migrate(archive: Archive, step: Callable[[Engine, str], None], revision: str) -> None:
    engine = archive.raw_engine()
    with database_errors(archive.db):
        before = store.current_revision(engine)
        try:
            step(engine, revision)
        except CommandError as exc:
            raise CliError(
                f"{exc}; `archive db current` shows the database's revision", EXIT_BAD_INPUT
            ) from exc
        after = store.current_revision(engine)
    click.echo(
        f"database {store.describe(engine)}: revision {before or 'none'} → {after or 'none'}"
    )


@db.command("current")
@click.pass_obj
def db_current(archive: Archive) -> None:
    """Show the database's revision and the one this archive needs."""
    engine = archive.raw_engine()
    with database_errors(archive.db):
        current, head = store.current_revision(engine), store.head_revision()
    state = "up to date" if current == head else "run `archive db upgrade`"
    revision = current or "none"
    click.echo(
        f"database {store.describe(engine)}: revision {revision} (this archive needs {head}: {state})"
    )


# --- read side ------------------------------------------------------------


@main.command()
@period_filters
@output_format
@click.pass_obj
def reports(archive: Archive, region, date_from, date_to, fmt) -> None:
    """List reports by date and region."""
    rows = list_reports(archive.engine(), region=region, date_from=date_from, date_to=date_to)
    if fmt == "table":
        for row in rows:
            row["window"] = f"{row['window_start_hour']}–{row['window_end_hour']}"
        table = [[row[key] for key in REPORT_TABLE_COLUMNS] for row in rows]
        emit_rows(list(REPORT_TABLE_COLUMNS.values()), table, fmt)
    else:
        emit_dicts(rows, [column.name for column in REPORT_COLUMNS], fmt)


@main.command()
@click.argument("report_id", type=int, metavar="ID")
@output_format
@click.pass_obj
def show(archive: Archive, report_id: int, fmt: str) -> None:
    """One report with its districts, channels, notices and source sentence."""
    detail = get_report(archive.engine(), report_id)
    if detail is None:
        raise CliError(
            f"no report with id {report_id}: `archive reports` lists the reports and their ids",
            EXIT_BAD_INPUT,
        )
    if fmt in ("json", "ndjson"):
        click.echo(to_json(detail, indent=2 if fmt == "json" else None))
        return
    sections = {key: detail.pop(key) for key in ("districts", "channels", "notices")}
    detail["problems"] = to_json(detail["problems"], indent=None)
    if fmt == "table":
        emit_rows(["field", "value"], list(detail.items()), fmt, title=f"report {report_id}")
    else:
        click.echo("# report")
        emit_rows(list(detail), [list(detail.values())], fmt)
    for name, rows in sections.items():
        columns = list(rows[0]) if rows else []
        if fmt == "csv":
            click.echo(f"\n# {name}")
        emit_dicts(rows, columns, fmt, title=name)


@main.command()
@click.argument("statement", metavar='"SELECT …"')
@output_format
@click.pass_obj
def sql(archive: Archive, statement: str, fmt: str) -> None:
    """Run one read-only SQL statement; writes are refused."""
    try:
        result = run_sql(archive.engine(), statement)
    except SqlError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    emit_rows(result.columns, result.rows, fmt)
