"""Files, folders and stdin, read one at a time; containers (zip, WARC) opened into their documents."""

import errno
import io
import os
import sys
from collections.abc import Collection, Iterator, Sequence
from typing import BinaryIO

from archive.sources import forms
from archive.sources.containers import Item, items_in
from archive.sources.document import STDIN, InputProblem, PassedOver, RawSource, SourceDocument, raw_source, unreadable


def iter_sources(
    paths: Sequence[str],
    recursive: bool = False,
    stdin: BinaryIO | None = None,
    decode: bool = True,
    excluded: Collection[str] = (),
) -> Iterator[SourceDocument | RawSource | InputProblem | PassedOver]:
    """Each input in order; a folder gives the files directly in it (sorted by name),
    and its subfolders' files too when ``recursive``. Hidden entries of folders are skipped.
    A zip or a web archive gives the documents it holds, and a PassedOver for each of its
    records that is no page. With ``decode`` false, documents come undecoded (RawSource).
    ``excluded`` are real paths of files that are never inputs (the archive's own database
    files): skipped in folders, refused when named.
    """
    visited_folders: set[str] = set()
    skip = _Excluded(excluded)
    for path in paths:
        if path == STDIN:
            yield from _decoded(_items(STDIN, io.BytesIO((stdin or sys.stdin.buffer).read())), decode)
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
            yield from read_file(path, decode)


def read_file(path: str, decode: bool = True) -> Iterator[Item]:
    """One file's documents (one, unless it is a container); a file that cannot be read gives a
    document with ``error`` set."""
    name = printable(path)
    try:
        with open(path, "rb") as file:
            yield from _decoded(_items(name, file), decode)
    except OSError as error:
        yield unreadable(name, f"cannot read {name}: {_reason(error)}")


def _items(name: str, file: BinaryIO) -> Iterator[Item]:
    head = file.read(forms.SNIFF_BYTES)
    form = forms.form_of(head)
    if form == forms.ZIP:
        file.seek(0)
        form = forms.form_of_zip(file)  # which leaves the file at its start
        head = b""
    if form in forms.CONTAINERS:
        file.seek(0)
        yield from items_in(name, file, form)
    else:
        yield raw_source(name, head + file.read())


def _decoded(items: Iterator[Item], decode: bool) -> Iterator[Item]:
    for item in items:
        yield item.decode() if decode and isinstance(item, RawSource) else item


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
) -> Iterator[Item]:
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
                yield from read_file(entry.path, decode)
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
