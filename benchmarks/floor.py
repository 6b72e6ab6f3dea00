"""The floor the ingest is compared with: the least any ingest of these files must do.

Read each file, hash it, decode it (UTF-8, else GB18030, else Big5-HKSCS), take one
regular-expression pass for "area N例" figures, and write a row per document and a
row per figure with the driver's plain executemany, all in one transaction. No
HTML stripping, no normalization, no grammar, no validation, no ORM.

    python benchmarks/floor.py CORPUS_DIR DATABASE_URL
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sqlite3
import sys
from collections.abc import Iterator

_FIGURE = re.compile(r"([\u4e00-\u9fff]{1,8}?[区县市旗])(\d+)例")
_CODECS = ("utf-8", "gb18030", "big5hkscs")
_CHUNK = 1000  # rows per executemany call, so that memory stays flat
TABLES = (
    "CREATE TABLE floor_document (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL)",
    "CREATE TABLE floor_row (document_id INTEGER NOT NULL, area TEXT NOT NULL, count INTEGER NOT NULL)",
)


def files(folder: str) -> Iterator[str]:
    for root, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            if not name.startswith("."):
                yield os.path.join(root, name)


def decode(raw: bytes) -> str:
    for codec in _CODECS:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def connect(url: str):
    """A DB-API connection and its placeholder: SQLite for a path or sqlite URL, else PostgreSQL."""
    if url.startswith("postgresql"):
        import psycopg

        return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1)), "%s"
    path = url.removeprefix("sqlite:///")
    return sqlite3.connect(path, isolation_level=None), "?"


def run(folder: str, url: str) -> tuple[int, int]:
    """Load the folder; returns (documents, figure rows)."""
    connection, mark = connect(url)
    try:
        cursor = connection.cursor()
        for statement in ("DROP TABLE IF EXISTS floor_row", "DROP TABLE IF EXISTS floor_document", *TABLES):
            cursor.execute(statement)
        if isinstance(connection, sqlite3.Connection):
            cursor.execute("BEGIN")
        else:
            connection.commit()
        insert_document = f"INSERT INTO floor_document VALUES ({mark}, {mark}, {mark}, {mark})"
        insert_row = f"INSERT INTO floor_row VALUES ({mark}, {mark}, {mark})"
        documents, rows, figures = [], [], 0
        for document_id, path in enumerate(files(folder), start=1):
            with open(path, "rb") as file:
                raw = file.read()
            text = decode(raw)
            documents.append((document_id, hashlib.sha256(raw).hexdigest(), path, text))
            rows += [(document_id, area, int(count)) for area, count in _FIGURE.findall(text)]
            if len(documents) >= _CHUNK:
                cursor.executemany(insert_document, documents)
                documents = []
            if len(rows) >= _CHUNK:
                cursor.executemany(insert_row, rows)
                figures += len(rows)
                rows = []
        if documents:
            cursor.executemany(insert_document, documents)
        if rows:
            cursor.executemany(insert_row, rows)
        figures += len(rows)
        connection.commit()
        return document_id, figures
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("database", help="a SQLite path or sqlite:///PATH, or a postgresql+psycopg:// URL")
    args = parser.parse_args(argv)
    documents, figures = run(args.corpus, args.database)
    print(f"floor: {documents} documents, {figures} figure rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
