"""The `archive` command: a thin layer of options, output formats and exit codes.

A command imports what it uses when it runs (SQLAlchemy, the parser, Rich, Alembic), so
that `archive --help` loads click alone and a read command loads no parser, ORM or ingest
machinery; tests/test_startup.py keeps it so. A new command does the same: import its
query function inside its body, from the module that defines it (archive.query.reports,
not the package), and keep module-level imports to the light ones below.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from archive import __version__
from archive.parse.model import STATUS_FAILED, WORKING_FIELDS
from archive.query.choices import CASE_TYPES, CHANNELS, SQL_TIMEOUT_SECONDS
from archive.render import FORMATS, emit_dicts, emit_rows, to_json
from archive.report import FORMATS as REPORT_FORMATS
from archive.store import DEFAULT_DATABASE
from archive.store.workers import AUTOMATIC_AFTER_ITEMS, automatic_jobs

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.exc import DBAPIError

    from archive.sources import InputProblem, SourceDocument
    from archive.store import IngestOutcome

EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 1
EXIT_BAD_INPUT = 2  # the same code click uses for usage errors
EXIT_DATABASE_SCHEMA = 3
EXIT_DATABASE_UNAVAILABLE = 4
EXIT_SQL_TIMEOUT = 5  # `archive sql` stopped a query at --timeout
# PostgreSQL errors of a database that cannot be written: no privilege, or a search_path schema that does not exist.
CANNOT_WRITE = {"42501", "3F000"}

# The table view of `archive reports` (csv and json carry every column).
REPORT_TABLE_COLUMNS = {
    "id": "id", "report_date": "date", "window": "window", "region": "region",
    "region_level": "level", "local_confirmed": "confirmed",
    "local_asymptomatic": "asymptomatic", "local_positive": "positive",
    "consistent": "consistent",
}  # fmt: skip
SERIES_TABLE_COLUMNS = {
    "region": "region", "report_date": "date", "missing": "missing", "window": "window",
    "partial": "partial", "local_confirmed": "confirmed", "local_asymptomatic": "asymptomatic",
    "local_positive": "positive", "imported_confirmed": "imported confirmed",
    "imported_asymptomatic": "imported asymptomatic", "report_id": "report",
}  # fmt: skip
CHECK_TABLE_COLUMNS = {
    "kind": "kind", "region": "region", "first_date": "from", "last_date": "to",
    "window": "window", "report_ids": "reports", "detail": "detail", "sentence": "sentence",
    "parent_sentence": "parent sentence",
}  # fmt: skip


class CliError(click.ClickException):
    """An expected failure: printed as one message, no traceback."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


@contextlib.contextmanager
def database_errors(db: str) -> Iterator[None]:
    """Turn the ways a database can be unusable into messages for a person."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

    from archive.store import SchemaError, describe

    name = describe(db)
    try:
        yield
    except SchemaError as exc:
        raise CliError(str(exc), EXIT_DATABASE_SCHEMA) from exc
    except (ArgumentError, NoSuchModuleError) as exc:
        raise CliError(
            f"--db {name}: {exc}. Give a file path or a URL such as sqlite:///FILE "
            "or postgresql+psycopg://USER@HOST/DB",
            EXIT_BAD_INPUT,
        ) from exc
    except DBAPIError as exc:
        if isinstance(exc, OperationalError) or getattr(exc.orig, "sqlstate", None) in CANNOT_WRITE:
            raise CliError(
                f"cannot use the database {name}: {_driver_message(exc)}\n"
                "Check --db (or ARCHIVE_DB), that the server is running and that you may write there.",
                EXIT_DATABASE_UNAVAILABLE,
            ) from exc
        if exc.statement is None:  # refused while connecting, not for want of a server: an option of the URL
            raise CliError(f"--db {name}: {_driver_message(exc)}; correct the URL", EXIT_BAD_INPUT) from exc
        raise


def _driver_message(exc: DBAPIError) -> str:
    """The database's own message, without the statement PostgreSQL quotes after it."""
    diagnostic = getattr(exc.orig, "diag", None)
    return getattr(diagnostic, "message_primary", None) or str(exc.orig).strip()


@dataclass
class Archive:
    """The database named by --db, opened (and migrated if brand-new) on first use."""

    db: str
    _engine: Engine | None = None

    def engine(self) -> Engine:
        if self._engine is None:
            from archive.store import open_archive

            with database_errors(self.db):
                self._engine = open_archive(self.db)
            click.get_current_context().call_on_close(self._engine.dispose)
        return self._engine

    def raw_engine(self) -> Engine:
        """An engine without the revision check, for `archive db`."""
        from archive.store import create_archive_engine

        with database_errors(self.db):
            engine = create_archive_engine(self.db)
        click.get_current_context().call_on_close(engine.dispose)
        return engine


NO_REPORTS_YET = "no reports yet: run `archive ingest PATH…` to read bulletins into the archive"


@contextlib.contextmanager
def reading(archive: Archive) -> Iterator[Engine]:
    """The engine of a read command. An archive without reports is not an error (a note on
    stderr, an empty result); a filter that cannot apply is bad input (exit 2)."""
    from archive.query.filters import QueryError, has_reports

    engine = archive.engine()
    if not has_reports(engine):
        click.echo(NO_REPORTS_YET, err=True)
    try:
        yield engine
    except QueryError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc


@dataclass(frozen=True)
class Output:
    """How a read command writes its rows: the shared --format and --no-headers."""

    fmt: str
    headers: bool

    def rows(self, columns: Sequence[str], rows: Sequence[Sequence], title: str | None = None):
        emit_rows(columns, rows, self.fmt, title, self.headers)

    def dicts(self, rows: Iterable[dict], columns: Sequence[str], title: str | None = None):
        emit_dicts(rows, columns, self.fmt, title, self.headers)

    def table_or_dicts(self, rows: Iterable[dict], columns: Sequence[str], table: dict[str, str]):
        """A table of the ``table`` columns under their headings (``window`` as 0–14), or
        every column in the other formats."""
        if self.fmt != "table":
            self.dicts(rows, columns)
            return
        shown = [{**row, "window": _window(row)} for row in rows]
        self.rows(list(table.values()), [[row[key] for key in table] for row in shown])


def _window(row: dict) -> str | None:
    start, end = row.get("window_start_hour"), row.get("window_end_hour")
    return None if start is None else f"{start}–{end}"


def output_options(command: Callable) -> Callable:
    """The shared --format and --no-headers options of read commands, given as ``output``."""

    @functools.wraps(command)
    def with_output(*args, fmt: str, no_headers: bool, **kwargs):
        if no_headers and fmt not in ("csv", "table"):
            raise click.UsageError(f"--no-headers applies to --format csv or table, not {fmt}")
        return command(*args, output=Output(fmt, headers=not no_headers), **kwargs)

    with_output = click.option(
        "--no-headers", is_flag=True, help="Leave out the header line (csv, table)."
    )(with_output)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output: a table for people, csv, json or ndjson for programs.",
    )(with_output)


class IsoDate(click.ParamType):
    """A YYYY-MM-DD date that exists (2022-02-30 is refused with the reason)."""

    name = "YYYY-MM-DD"

    def convert(self, value, parameter, context):
        from archive.query.filters import QueryError, as_date

        try:
            return as_date(value)
        except QueryError as exc:
            self.fail(str(exc), parameter, context)


def period_filters(command: Callable) -> Callable:
    """The shared --region/--from/--to options of commands that read reports."""
    command = click.option("--to", "date_to", type=IsoDate(), help="Last report date.")(command)
    command = click.option("--from", "date_from", type=IsoDate(), help="First report date.")(
        command
    )
    return click.option("--region", help="Only this issuing region, e.g. 哈尔滨市.")(command)


def limit_option(command: Callable) -> Callable:
    """The shared --limit option."""
    limit = click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
    return limit(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="ARCHIVE_DB",
    default=DEFAULT_DATABASE,
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
    4 the database cannot be reached or written,
    5 `archive sql` stopped a query that ran past its --timeout.
    """
    ctx.obj = Archive(db)


# --- ingest ---------------------------------------------------------------


def parallel_jobs(command: Callable) -> Callable:
    """The shared --jobs option of the commands that parse."""
    return click.option(
        "--jobs", "-j", type=click.IntRange(1, 64),
        help="Processes that decode and parse in parallel (what is stored is the same). "
        f"Default: one per core ({automatic_jobs()} here) once there are more than "
        f"{AUTOMATIC_AFTER_ITEMS:,} documents, one until then.",
    )(command)  # fmt: skip


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--year", type=click.IntRange(1900, 2100), help="Year of dates that state none (10月29日)."
)
@click.option("--recursive", "-r", is_flag=True, help="Read subfolders of folders too.")
@click.option("--dry-run", is_flag=True, help="Parse and show the result; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--explain",
    is_flag=True,
    help="With --dry-run: for each figure, the grammar's pattern and the tokens (with their spans) it was read from.",
)
@parallel_jobs
@click.pass_obj
def ingest(archive: Archive, paths, year, recursive, dry_run, as_json, explain, jobs) -> None:
    """Read bulletins from files, folders or - (standard input) into the archive.

    \b
    Forms, told from the bytes, whatever the file's name:
      text and saved web pages (UTF-8, GB18030/GBK, Big5; .txt, .html)
      PDF (the text layer, newspaper columns in order; scanned pages by OCR)
      Word (.docx)          MHTML (.mhtml, .mht: a browser's single-file save)
      zip (each member)     WARC, WARC.gz (each HTML or text page, with its URL and capture time)
      pictures (PNG, JPEG, WebP) by OCR: pip install 'bulletin-archive[ocr]'

    The same bytes twice are stored once, with every place they were found. A file
    that cannot be read or parsed is recorded as failed with its reason; the others
    are stored all the same.
    """
    from archive.sources import iter_sources
    from archive.store import database_files
    from archive.store import ingest as store_inputs

    if explain and not dry_run:
        raise click.UsageError("--explain shows how a dry run read each figure: give --dry-run too.")
    with database_errors(archive.db):
        own_files = database_files(archive.db)  # never inputs, even in a folder given
    if dry_run:
        _dry_run(iter_sources(paths, recursive=recursive, excluded=own_files), year, as_json, explain)
        return
    engine = archive.engine()
    # Undecoded: bytes already stored are recognised by their hash and never decoded.
    sources = iter_sources(paths, recursive=recursive, decode=False, excluded=own_files)
    inputs: list[dict] = []  # every input's outcome, kept for --json only
    with _progress() as progress, database_errors(archive.db):

        def on_outcome(outcome: IngestOutcome) -> None:
            if as_json:
                inputs.append(vars(outcome))
            if progress is not None:
                progress(outcome)

        summary = store_inputs(engine, sources, year=year, on_outcome=on_outcome, jobs=jobs)
    if as_json:
        click.echo(to_json({**summary.as_dict(), "inputs": inputs}))
    else:
        for outcome in summary.failures:
            where = "" if outcome.source in outcome.message else f"{outcome.source}: "
            click.echo(f"failed: {where}{outcome.message}", err=True)
        no_bulletin = f" ({summary.no_bulletin} without a bulletin)" if summary.no_bulletin else ""
        click.echo(
            f"documents: {summary.new} new{no_bulletin}, {summary.skipped} skipped, {summary.failed} failed"
        )
        for line in _found_lines(summary.found_again, summary.passed_over):
            click.echo(line)
        click.echo(f"reports: {summary.reports}\nproblems: {summary.problems}")
    click.get_current_context().exit(EXIT_SOME_INPUTS_FAILED if summary.failed else EXIT_OK)


def _found_lines(found_again: int, passed_over: dict[str, int]) -> list[str]:
    """What the summary says beyond documents, when there is something to say."""
    lines = []
    if found_again:
        lines.append(f"documents stored before, found in a new place: {found_again}")
    if passed_over:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(passed_over.items()))
        lines.append(f"web archive records passed over: {sum(passed_over.values())} ({kinds})")
    return lines


def _dry_run(sources, year: int | None, as_json: bool, explain: bool) -> None:
    from archive.sources import PassedOver

    passed_over: dict[str, int] = {}
    records = []
    for item in sources:
        if isinstance(item, PassedOver):
            passed_over[item.kind] = passed_over.get(item.kind, 0) + 1
        else:
            records.append(_dry_run_record(item, year, explain))
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
        for line in _found_lines(0, passed_over):
            click.echo(line)
        click.echo("dry run: nothing was written")
    failed = any(record["status"] == STATUS_FAILED for record in records)
    click.get_current_context().exit(EXIT_SOME_INPUTS_FAILED if failed else EXIT_OK)


def _dry_run_record(item: SourceDocument | InputProblem, year: int | None, explain: bool = False) -> dict:
    from archive.sources import InputProblem
    from archive.store import parse_source

    if isinstance(item, InputProblem):
        return {
            "source": item.source,
            "status": STATUS_FAILED,
            "error": item.message,
            "reports": [],
        }
    parsed = parse_source(item, year)
    if explain:
        from archive.parse.lexer import KINDS
    return {
        "source": item.source,
        "sha256": item.sha256,
        "encoding": item.encoding,
        "status": parsed.status,
        "error": parsed.error,
        "published_on": parsed.published_on,
        "reports": [
            {
                **{key: value for key, value in asdict(report).items() if key not in WORKING_FIELDS},
                "consistent": report.consistent,
                "sentence": parsed.text[report.span_start : report.span_end],
                **({"readings": [reading.as_dict(parsed.text, KINDS) for reading in report.readings]} if explain else {}),
            }
            for report in parsed.reports
        ],
    }


_PROGRESS_REDRAW_SECONDS = 0.1


@contextlib.contextmanager
def _progress() -> Iterator[Callable | None]:
    """A progress line on a terminal; nothing when stderr is a file or a pipe."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} documents"),
        TextColumn("{task.description}"),
    )
    # Redrawn from the callback rather than by Rich's refresh thread: `ingest --jobs` starts
    # worker processes, which must not be forked from a process running other threads.
    with Progress(*columns, console=Console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("", total=None)
        drawn_at = time.monotonic()

        def advance(outcome) -> None:
            nonlocal drawn_at
            progress.update(task, advance=1, description=outcome.source)
            if time.monotonic() - drawn_at >= _PROGRESS_REDRAW_SECONDS:
                progress.refresh()
                drawn_at = time.monotonic()

        yield advance


@main.command()
@parallel_jobs
@click.pass_obj
def reparse(archive: Archive, jobs: int) -> None:
    """Parse the stored documents again with this version of the parser.

    Reports keep their ids while their document, region, date and window are
    unchanged; what was added, removed or changed is listed.
    """
    from archive.store import reparse as reparse_documents

    with database_errors(archive.db):
        summary = reparse_documents(archive.engine(), jobs=jobs)
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
    from archive.store import upgrade

    _migrate(archive, upgrade, revision)


@db.command("downgrade")
@click.argument("revision")
@click.pass_obj
def db_downgrade(archive: Archive, revision: str) -> None:
    """Downgrade the database to REVISION (`base` drops every table)."""
    from archive.store import downgrade

    _migrate(archive, downgrade, revision)


def _migrate(archive: Archive, step: Callable[[Engine, str], None], revision: str) -> None:
    from alembic.util import CommandError

    from archive.store import current_revision, describe

    engine = archive.raw_engine()
    with database_errors(archive.db):
        before = current_revision(engine)
        try:
            step(engine, revision)
        except CommandError as exc:
            raise CliError(
                f"{exc}; `archive db current` shows the database's revision", EXIT_BAD_INPUT
            ) from exc
        after = current_revision(engine)
    click.echo(f"database {describe(engine)}: revision {before or 'none'} → {after or 'none'}")


@db.command("current")
@click.pass_obj
def db_current(archive: Archive) -> None:
    """Show the database's revision and the one this archive needs."""
    from archive.store import current_revision, describe, head_revision

    engine = archive.raw_engine()
    with database_errors(archive.db):
        current, head = current_revision(engine), head_revision()
    state = "up to date" if current == head else "run `archive db upgrade`"
    revision = current or "none"
    click.echo(
        f"database {describe(engine)}: revision {revision} (this archive needs {head}: {state})"
    )


# --- read side ------------------------------------------------------------


@main.command()
@period_filters
@limit_option
@output_options
@click.pass_obj
def reports(archive: Archive, region, date_from, date_to, limit, output: Output) -> None:
    """List reports by date and region."""
    from archive.query.reports import REPORT_COLUMNS, list_reports

    with reading(archive) as engine:
        rows = list_reports(engine, region, date_from, date_to, limit)
    output.table_or_dicts(rows, [column.name for column in REPORT_COLUMNS], REPORT_TABLE_COLUMNS)


@main.command()
@click.argument("report_id", type=int, metavar="ID")
@output_options
@click.pass_obj
def show(archive: Archive, report_id: int, output: Output) -> None:
    """One report with its districts, channels, notices, places, source sentence, page, and
    every place its document was found."""
    from archive.query.reports import get_report

    with reading(archive) as engine:
        detail = get_report(engine, report_id)
    if detail is None:
        raise CliError(
            f"no report with id {report_id}: `archive reports` lists the reports and their ids",
            EXIT_BAD_INPUT,
        )
    if output.fmt in ("json", "ndjson"):
        click.echo(to_json(detail, indent=2 if output.fmt == "json" else None))
        return
    sections = {key: detail.pop(key) for key in ("districts", "channels", "notices", "places", "found")}
    detail["problems"] = to_json(detail["problems"], indent=None)
    if output.fmt == "table":
        output.rows(["field", "value"], list(detail.items()), title=f"report {report_id}")
    else:
        click.echo("# report")
        output.rows(list(detail), [list(detail.values())])
    for name, rows in sections.items():
        columns = list(rows[0]) if rows else []
        if output.fmt == "csv":
            click.echo(f"\n# {name}")
        output.dicts(rows, columns, title=name)


@main.command()
@period_filters
@click.option("--district", help="Only this area, e.g. 香坊区.")
@click.option("--case-type", type=click.Choice(CASE_TYPES), help="Only this case type.")
@click.option("--pivot", is_flag=True, help="Areas × days: a column per day.")
@limit_option
@output_options
@click.pass_obj
def districts(
    archive: Archive, region, date_from, date_to, district, case_type, pivot, limit, output: Output
) -> None:
    """New local cases per area and day, from each region's canonical report of the day."""
    from archive.query.districts import DISTRICT_COLUMNS, PIVOT_COLUMNS, districts, districts_pivot

    filters = (region, date_from, date_to, district, case_type, limit)
    with reading(archive) as engine:
        if pivot:
            rows = districts_pivot(engine, *filters)
            columns = list(rows[0]) if rows else PIVOT_COLUMNS  # the day columns vary
        else:
            rows, columns = districts(engine, *filters), DISTRICT_COLUMNS
    output.dicts(rows, columns)


@main.command()
@period_filters
@click.option("--channel", type=click.Choice(CHANNELS), help="Only this channel.")
@limit_option
@output_options
@click.pass_obj
def channels(archive: Archive, region, date_from, date_to, channel, limit, output: Output) -> None:
    """How the new local cases were found: per region, day and channel, with its share."""
    from archive.query.channels import CHANNEL_COLUMNS, channels

    with reading(archive) as engine:
        rows = channels(engine, region, date_from, date_to, channel, limit)
    output.dicts(rows, CHANNEL_COLUMNS)


@main.command()
@click.option("--search", metavar="TEXT", help="Only notices holding every word, best first.")
@period_filters
@limit_option
@output_options
@click.pass_obj
def notices(archive: Archive, search, region, date_from, date_to, limit, output: Output) -> None:
    """The numbered public guidance of the bulletins' articles; --search finds words (口罩)."""
    from archive.query.notices import NOTICE_COLUMNS, notices

    with reading(archive) as engine:
        rows = notices(engine, search, region, date_from, date_to, limit)
    output.dicts(rows, NOTICE_COLUMNS)


@main.command()
@click.option("--search", metavar="TEXT", help="Only places whose name holds every word (弄, 新村).")
@period_filters
@click.option("--district", help="Only this district, e.g. 浦东新区.")
@click.option("--summary", is_flag=True, help="One row per place: first and last day listed, days, reports.")
@limit_option
@output_options
@click.pass_obj
def places(
    archive: Archive, search, region, date_from, date_to, district, summary, limit, output: Output
) -> None:
    """Places named for new local cases (address lists, case lines); --search finds names (弄)."""
    from archive.query.places import PLACE_COLUMNS, PLACE_SUMMARY_COLUMNS, place_summary, places

    filters = (search, region, district, date_from, date_to, limit)
    with reading(archive) as engine:
        if summary:
            rows, columns = place_summary(engine, *filters), PLACE_SUMMARY_COLUMNS
        else:
            rows, columns = places(engine, *filters), PLACE_COLUMNS
    output.dicts(rows, columns)


@main.command()
@period_filters
@output_options
@click.pass_obj
def series(archive: Archive, region, date_from, date_to, output: Output) -> None:
    """Daily figures per region, one row a day; days without a report are marked missing."""
    from archive.query.series import SERIES_COLUMNS, series

    with reading(archive) as engine:
        rows = series(engine, region, date_from, date_to)
    output.table_or_dicts(rows, SERIES_COLUMNS, SERIES_TABLE_COLUMNS)


@main.command()
@click.option(
    "--summary", is_flag=True,
    help="Per region: pairs of sources one level apart compared, agreeing, disagreeing.",
)  # fmt: skip
@period_filters
@output_options
@click.pass_obj
def check(archive: Archive, summary: bool, region, date_from, date_to, output: Output) -> None:
    """Reports that do not add up, conflicting or duplicate documents, sources one level
    apart that disagree (a district's post and its city's list), and missing days."""
    from archive.query.check import FINDING_COLUMNS, check
    from archive.query.cross import SUMMARY_COLUMNS, cross_summary

    with reading(archive) as engine:
        if summary:
            output.dicts(cross_summary(engine, region, date_from, date_to), SUMMARY_COLUMNS)
            return
        # written as they are read (the findings of a large archive are never all in memory)
        output.table_or_dicts(check(engine, region, date_from, date_to), FINDING_COLUMNS, CHECK_TABLE_COLUMNS)


@main.command()
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, writable=True),
    metavar="DIR",
    help="Folder to write into (created if needed; files replaced).",
)
@output_options
@click.pass_obj
def export(archive: Archive, out_dir: str, output: Output) -> None:
    """Every table and view as NAME.csv and NAME.jsonl."""
    from archive.query.export import EXPORT_COLUMNS, export

    with reading(archive) as engine:
        try:
            rows = export(engine, out_dir)
        except OSError as exc:
            raise CliError(f"cannot write into {out_dir}: {exc.strerror}", EXIT_BAD_INPUT) from exc
    output.dicts(rows, EXPORT_COLUMNS)


@main.command()
@click.option(
    "--out",
    "out_file",
    required=True,
    type=click.Path(dir_okay=False, writable=True),
    metavar="FILE",
    help="File to write (replaced if it exists), e.g. report.html.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    default="html",
    show_default=True,
    help="html: one self-contained page with charts; md: the same sections as Markdown tables.",
)
@period_filters
@click.pass_obj
def report(archive: Archive, out_file: str, fmt: str, region, date_from, date_to) -> None:
    """Write a report of the period: curve, top areas, channels, notices, data quality, sources."""
    from archive.report.rendering import render_report

    with reading(archive) as engine:
        page = render_report(engine, fmt=fmt, region=region, date_from=date_from, date_to=date_to)
    try:
        Path(out_file).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {out_file}: {exc.strerror}", EXIT_BAD_INPUT) from exc
    click.echo(f"wrote {out_file}")


@main.command()
@click.argument("statement", metavar='"SELECT …"')
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=SQL_TIMEOUT_SECONDS,
    show_default=True,
    metavar="SECONDS",
    help="Stop the query when the command has run this many seconds (exit 5).",
)
@output_options
@click.pass_obj
def sql(archive: Archive, statement: str, timeout: float, output: Output) -> None:
    """Run one read-only SQL statement; writes are refused, and a query running past --timeout is stopped."""
    started = time.monotonic()  # the time allowed counts opening the database too
    from archive.query.sql import SqlError, SqlTimeout, run_sql
    from archive.store.pairs import bring_pairs_up_to_date

    with reading(archive) as engine:
        bring_pairs_up_to_date(engine)  # cross_pair and cross_check read the pairs kept in source_pair
        try:
            result = run_sql(engine, statement, timeout, started)
        except SqlTimeout as exc:
            raise CliError(str(exc), EXIT_SQL_TIMEOUT) from exc
        except SqlError as exc:
            raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    output.rows(result.columns, result.rows)
