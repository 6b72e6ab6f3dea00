"""Read-only SQL for people: writes are refused in the text and again by the database."""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from archive.query.choices import SQL_TIMEOUT_SECONDS

ALLOWED_FIRST_WORDS = {"SELECT", "WITH", "VALUES", "EXPLAIN", "TABLE", "SHOW", "PRAGMA"}
# Words that make a statement write wherever they stand (PostgreSQL's WITH … DELETE too).
WRITE_WORDS = [
    "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "DROP", "CREATE", "ALTER", "TRUNCATE",
    "ATTACH", "DETACH", "VACUUM", "REINDEX", "GRANT", "REVOKE", "COPY",
]  # fmt: skip
# SQLite pragmas that only describe the database. Those taking an argument name a
# table or index; for the others an argument would set a value.
DESCRIBING_PRAGMAS_WITH_ARGUMENT = {
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
}  # fmt: skip
DESCRIBING_PRAGMAS = {"database_list", "compile_options", "user_version", "encoding"}

_LITERALS_AND_COMMENTS = re.compile(
    r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\[[^\]]*\]|--[^\n]*|/\*.*?\*/", re.DOTALL
)
# replace(...) is a string function, not the REPLACE statement.
_WRITE_WORD = re.compile(rf"\b({'|'.join(WRITE_WORDS)})\b(?!\s*\()", re.IGNORECASE)
_PRAGMA = re.compile(r"PRAGMA\s+(?:\w+\.)?(\w+)\s*(=|\()?", re.IGNORECASE)


class SqlError(Exception):
    """The statement could not be run; the message says why."""


class SqlRefused(SqlError):
    """The statement would change the archive."""


class SqlTimeout(SqlError):
    """The statement ran longer than its time allowed and was stopped."""

    def __init__(self, timeout: float):
        super().__init__(
            f"the query was stopped after {timeout:g} s, the time `archive sql` allows it (--timeout {timeout:g}); "
            "narrow it (a WHERE, a LIMIT) or allow more time, e.g. --timeout 600"
        )


@dataclass(frozen=True)
class SqlResult:
    columns: list[str]
    rows: list[tuple]


# SQLite calls the progress handler every this many virtual-machine instructions (well under a millisecond).
_PROGRESS_EVERY = 10_000


def run_sql(engine: Engine, sql: str, timeout: float = SQL_TIMEOUT_SECONDS, started: float | None = None) -> SqlResult:
    """Run one reading statement, stopped ``timeout`` seconds after ``started`` (a
    time.monotonic(); default: now); refuse anything that could write."""
    check_read_only(sql)
    return execute_read_only(engine, sql, timeout, started)


def check_read_only(sql: str) -> None:
    """Refuse, with a reason a person understands, a statement that is not a plain read."""
    code = _LITERALS_AND_COMMENTS.sub(" ", sql)
    statements = [part for part in code.split(";") if part.strip()]
    if not statements:
        raise SqlError("no SQL statement given: write one, e.g. SELECT * FROM report")
    if len(statements) > 1:
        raise SqlRefused(
            "several statements are refused: run one at a time (remove the extra `;`-separated ones)"
        )
    first_word = statements[0].split()[0].upper()
    if first_word not in ALLOWED_FIRST_WORDS:
        raise SqlRefused(_refusal(first_word))
    write = _WRITE_WORD.search(code)
    if write:
        raise SqlRefused(_refusal(write.group(1).upper()))
    if first_word == "PRAGMA":
        _check_pragma(statements[0].strip())


def _check_pragma(statement: str) -> None:
    pragma = _PRAGMA.match(statement)
    name, argument = (pragma.group(1).lower(), pragma.group(2)) if pragma else ("", None)
    describing = DESCRIBING_PRAGMAS | DESCRIBING_PRAGMAS_WITH_ARGUMENT
    if argument == "(":
        refused = name not in DESCRIBING_PRAGMAS_WITH_ARGUMENT
    else:
        refused = argument == "=" or name not in describing
    if refused:
        raise SqlRefused(
            f"PRAGMA {name} is refused: `archive sql` only reads; the pragmas it runs are "
            + ", ".join(sorted(describing))
        )


def _refusal(word: str) -> str:
    return (
        f"{word} statements are refused: `archive sql` only reads (SELECT, WITH, VALUES, "
        "EXPLAIN). The archive changes only through `archive ingest`, `archive reparse` "
        "and `archive db upgrade`."
    )


def execute_read_only(
    engine: Engine, sql: str, timeout: float = SQL_TIMEOUT_SECONDS, started: float | None = None
) -> SqlResult:
    """Run ``sql`` on a connection that the database itself keeps from writing, and that
    stops it ``timeout`` seconds after ``started`` (SqlTimeout); the connection is left as it was."""
    dialect = engine.dialect.name
    deadline = (time.monotonic() if started is None else started) + timeout
    try:
        if dialect == "sqlite":
            return _run_on_sqlite(engine, sql, deadline)
        if dialect == "postgresql":
            return _run_on_postgresql(engine, sql, deadline)
    except engine.dialect.loaded_dbapi.Error as exc:
        if _is_timeout(exc):
            raise SqlTimeout(timeout) from exc
        if _is_write_refusal(exc):
            raise SqlRefused(f"the database refused to write: {exc}") from exc
        raise SqlError(str(exc).strip()) from exc
    raise SqlError(f"`archive sql` does not support {dialect} databases")


def _run_on_sqlite(engine: Engine, sql: str, deadline: float) -> SqlResult:
    database = engine.url.database
    if not database or database == ":memory:":
        # An in-memory database lives in its one connection: make it read-only for this call.
        with engine.connect() as connection:
            cursor = connection.connection.cursor()
            cursor.execute("PRAGMA query_only = ON")
            try:
                return _fetch_on_sqlite(connection.connection.driver_connection, cursor, sql, deadline)
            finally:
                cursor.execute("PRAGMA query_only = OFF")
    read_only = _read_only_sqlite_engine(Path(database))
    try:
        with read_only.connect() as connection:
            dbapi_connection = connection.connection
            return _fetch_on_sqlite(dbapi_connection.driver_connection, dbapi_connection.cursor(), sql, deadline)
    finally:
        read_only.dispose()


def _fetch_on_sqlite(raw: sqlite3.Connection, cursor, sql: str, deadline: float) -> SqlResult:
    """_fetch, interrupted by the progress handler once time.monotonic() passes ``deadline``."""
    raw.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_EVERY)
    try:
        return _fetch(cursor, sql)
    finally:
        raw.set_progress_handler(None, 0)


def _read_only_sqlite_engine(path: Path) -> Engine:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
    )

    @event.listens_for(engine, "connect")
    def query_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")

    return engine


def _run_on_postgresql(engine: Engine, sql: str, deadline: float) -> SqlResult:
    with engine.connect() as connection:
        try:
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
            # LOCAL: for this transaction only, which the rollback below ends. In milliseconds, at least 1 (0 is none).
            milliseconds = max(1, round((deadline - time.monotonic()) * 1000))
            connection.exec_driver_sql(f"SET LOCAL statement_timeout = {milliseconds}")
            # The extended protocol (binary=True) runs exactly one statement, so a
            # hidden "; COMMIT; …" cannot leave the read-only transaction.
            return _fetch(connection.connection.cursor(), sql, binary=True)
        finally:
            connection.rollback()


def _fetch(cursor, sql: str, **options) -> SqlResult:
    cursor.execute(sql, **options)
    if cursor.description is None:
        return SqlResult(columns=[], rows=[])
    columns = [description[0] for description in cursor.description]
    return SqlResult(columns=columns, rows=[tuple(row) for row in cursor.fetchall()])


def _is_timeout(exc: Exception) -> bool:
    """SQLite's interruption by the progress handler, or PostgreSQL's statement_timeout."""
    return (
        getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT
        or getattr(exc, "sqlstate", None) == "57014"  # query_canceled
    )


def _is_write_refusal(exc: Exception) -> bool:
    return (
        getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY
        or getattr(exc, "sqlstate", None) == "25006"  # read_only_sql_transaction
    )
