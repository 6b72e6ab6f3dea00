"""Files, folders and stdin, read one at a time."""

import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from archive.sources.document import STDIN, InputProblem, SourceDocument, document_from_bytes, unreadable


def iter_sources(
    paths: Sequence[str], recursive: bool = False, stdin: BinaryIO | None = None
) -> Iterator[SourceDocument | InputProblem]:
    """Each input in order; a folder gives the files directly in it (sorted by name),
    and its subfolders' files too when ``recursive``. Hidden entries of folders are skipped.
    """
    visited_folders: set[str] = set()
    for path in paths:
        if path == STDIN:
            yield document_from_bytes(STDIN, (stdin or sys.stdin.buffer).read())
        elif os.path.isdir(path):
            yield from _walk(path, recursive, visited_folders)
        elif os.path.islink(path) and not os.path.exists(path):
            yield _broken_link(path)
        elif not os.path.exists(path):
            yield InputProblem(path, f"{path} does not exist; check the path and try again")
        else:
            yield read_source(path)


def read_source(path: str) -> SourceDocument:
    """One file; a file that cannot be read gives a document with ``error`` set."""
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError as error:
        return unreadable(path, f"cannot read {path}: {_reason(error)}")
    return document_from_bytes(path, raw)


def _walk(folder: str, recursive: bool, visited: set[str]) -> Iterator[SourceDocument | InputProblem]:
    # Symbolic links can make a folder its own descendant: each real folder is read once.
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield InputProblem(folder, f"cannot list the folder {folder}: {_reason(error)}")
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
                yield from _walk(entry.path, recursive, visited)
        elif is_file:
            yield read_source(entry.path)
        elif entry.is_symlink() and not os.path.exists(entry.path):
            yield _broken_link(entry.path)


def _broken_link(path: str) -> InputProblem:
    target = os.readlink(path)
    message = f"{path} does not exist: it is a symbolic link to {target}, which leads to no file"
    return InputProblem(path, f"{message}; fix or remove the link")


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied; give your user read access to it and try again"
    if isinstance(error, IsADirectoryError):
        return "it is a folder; ingest the folder to read the files in it"
    return f"{(error.strerror or str(error)).lower()}; check it and try again"
