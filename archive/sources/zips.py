"""Zip archives: each member is a document, read in memory (never extracted to disk, so that a
member's name never reaches the file system), and at most MAX_MEMBER_BYTES inflated.

Members that are not read say why: a name leading out of the archive (../../x, /etc/x), a member
that inflates past the limit (a zip bomb), one encrypted or damaged. Folders, and hidden files
(.DS_Store, __MACOSX/), are no documents, as in a folder ingested.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from archive.sources.decode import DecodeError

# A bulletin, a PDF of one, a picture of one: a few megabytes. A member larger than this is refused
# before it fills the memory, whatever its header claims.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
# The flag of names written in UTF-8; without it, Windows archivers wrote the system's code page,
# GBK on Chinese systems (zipfile reads such names as code page 437).
_UTF8_NAMES = 0x800


class MemberError(Exception):
    """A member that cannot be read; the message says why and what to do."""


def open_zip(file: BinaryIO, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise DecodeError(f"{name} is a damaged zip archive ({error}); make it again and ingest that") from error


def members(archive: zipfile.ZipFile) -> Iterator[tuple[zipfile.ZipInfo, str]]:
    """The members that are files, with their names as written."""
    for info in archive.infolist():
        name = member_name(info)
        if info.is_dir() or any(part.startswith(".") or part == "__MACOSX" for part in name.split("/") if part not in ("", "..")):
            continue
        yield info, name


def member_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & _UTF8_NAMES:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def check_name(name: str) -> None:
    """A name that would lead out of the archive if it were extracted is refused: it is hostile."""
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or posixpath.isabs(name) or ".." in parts or (parts and parts[0].endswith(":")):
        raise MemberError("its name leads out of the archive (a path-traversal name); it was not read")


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, inflated a megabyte at a time up to the limit."""
    if info.file_size > MAX_MEMBER_BYTES:
        raise MemberError(_too_large(f"its header gives {info.file_size:,} bytes"))
    chunks, size = [], 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise MemberError(_too_large(f"it inflates past {MAX_MEMBER_BYTES:,} bytes"))
                chunks.append(chunk)
    except RuntimeError as error:  # zipfile's word for an encrypted member
        raise MemberError(f"it cannot be read ({error}); unpack the archive with its password and ingest the files") from error
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError) as error:
        raise MemberError(f"it is damaged or compressed in a way zip readers do not know ({error}); unpack it with another tool and ingest the files") from error
    return b"".join(chunks)


def _too_large(what: str) -> str:
    return f"{what}, more than the {MAX_MEMBER_BYTES // (1024 * 1024)} MB a member may hold (a zip bomb?); it was not read"
