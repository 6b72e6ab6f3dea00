"""Files, folders and stdin, read one at a time."""

import errno
import os
import sys
from collections.abc import Collection, Iterator, Sequence
from typing import BinaryIO

from archive.sources.document import (
    STDIN,
    InputProblem,
    RawSource,
    SourceDocument,
    raw_source,
    unreadable,
)


def iter_sources(
    paths: Sequence[str],
    recursive: bool = False,
    stdin: BinaryIO | None = None,
    decode: bool = True,
    excluded: Collection[str] = (),
) -> Iterator[SourceDocument | RawSource | InputProblem]:
    """Each input in order; a folder gives the files directly in it (sorted by name),
    and its subfolders' files too when ``recursive``. Hidden entries of folders are skipped.
    With ``decode`` false, inputs that could be read come undecoded (RawSource).
    ``excluded`` are real paths of files that are never inputs (the archive's own database
    files): skipped in folders, refused when named.
    """
    visited_folders: set[str] = set()
    skip = _Excluded(excluded)
    for path in paths:
        if path == STDIN:
            item = raw_source(STDIN, (stdin or sys.stdin.buffer).read())
            yield item.decode() if decode else item
        elif os.path.isdir(path):
            yield from _walk(path, recursive, visited_folders, decode, skip)
        elif skip.holds(path, os.path.basename(path)):
            name = printable(path)
            yield InputProblem(name, f"{name} is a file of the archive's own database (--db), not a bulletin; leave it out")
        elif os.path.islink(path) and not os.path.exists(path):
            yield _broken_link(path)
        elif not os.path.exists(path):
            yield InputProblem(printable(path), f"{printable(path)} does not exist; check the path and try again")
        else:
            yield read_source(path, decode)


def read_source(path: str, decode: bool = True) -> SourceDocument | RawSource:
    """One file; a file that cannot be read gives a document with ``error`` set."""
    name = printable(path)
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError as error:
        return unreadable(name, f"cannot read {name}: {_reason(error)}")
    item = raw_source(name, raw)
    return item.decode() if decode else item


class _Excluded:
    """Files that are never inputs, recognised by name first so that walking a large folder
    resolves the real path of the few files whose name matches, not of every file."""

    def __init__(self, real_paths: Collection[str]):
        self._paths = frozenset(real_paths)
        self._names = frozenset(os.path.basename(path) for path in self._paths)

    def holds(self, path: str, name: str) -> bool:
        return name in self._names and os.path.realpath(path) in self._paths


def _walk(
    folder: str, recursive: bool, visited: set[str], decode: bool, skip: _Excluded
) -> Iterator[SourceDocument | RawSource | InputProblem]:
    # Symbolic links can make a folder its own descendant: each real folder is read once.
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield InputProblem(printable(folder), f"cannot list the folder {printable(folder)}: {_reason(error)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:  # a symbolic link that loops back to itself
            is_dir = is_file = False
        if is_dir:
            if recursive:
                yield from _walk(entry.path, recursive, visited, decode, skip)
        elif is_file:
            if not skip.holds(entry.path, entry.name):
                yield read_source(entry.path, decode)
        elif entry.is_symlink() and not os.path.exists(entry.path):
            yield _broken_link(entry.path)


def printable(path: str) -> str:
    """The path as text that can be stored and printed: the bytes of a name that is not UTF-8
    (a GBK name from a Windows archive) become \\xNN escapes instead of lone surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _broken_link(path: str) -> InputProblem:
    name, target = printable(path), printable(os.readlink(path))
    if _loops(path):
        message = f"{name} is a symbolic link that loops: following it leads back to it ({target})"
    else:
        message = f"{name} does not exist: it is a symbolic link to {target}, which leads to no file"
    return InputProblem(name, f"{message}; fix or remove the link")


def _loops(link: str) -> bool:
    try:
        os.stat(link)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied; give your user read access to it and try again"
    if isinstance(error, IsADirectoryError):
        return "it is a folder; ingest the folder to read the files in it"
    return f"{(error.strerror or str(error)).lower()}; check it and try again"
