"""Aqyl's files: writing output files so that nobody ever opens half of one, and never over a
file being read (the data folder is ``aqyl.config.data_dir``)."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aqyl.domain.errors import AqylError

# Files this process reads (the files it imports, the database): an output is never one of them.
_READ: dict[Path, str] = {}  # each with the key of the refusal


def reading(path: Path | str, *, database: bool = False) -> None:
    """``path`` is read by this command (or is its database): no output may overwrite it."""
    _READ[Path(path)] = "output_is_database" if database else "output_is_input"  # the refusal's key


def output_place(path: Path) -> None:
    """Make ready to write the file ``path``, or refuse with what to do: a folder, a file being
    read, the database, a folder that cannot be made or written."""
    if path.is_dir():
        raise AqylError("output_is_folder", path=path)
    for read, key in _READ.items():
        with contextlib.suppress(OSError):
            if path.exists() and read.exists() and path.samefile(read):
                raise AqylError(key, path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise output_error(path, error) or error from error


def output_folder(folder: Path) -> None:
    """Make the folder results are written into, or refuse with what to do."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise output_error(folder / "x", error) or error from error


def output_error(path: Path, error: OSError) -> AqylError | None:
    """What a failed write of ``path`` means to the user, if it is the place's fault (None: another fault)."""
    if error.errno == errno.ENOSPC:
        return AqylError("output_no_space", path=path)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or (error.errno == errno.ENOENT and path.parent.is_dir()):
        return AqylError("output_not_writable", path=path)
    if error.errno in (errno.EEXIST, errno.ENOTDIR) and (blocking := _file_on_the_way(path.parent)):
        return AqylError("output_folder_is_file", folder=blocking)
    if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EISDIR):
        return AqylError("output_bad_folder", path=path, folder=path.parent)
    return None


def _file_on_the_way(folder: Path) -> Path | None:
    """The file that stands where ``folder`` or one of the folders above it should be."""
    for place in (folder, *folder.parents):
        if place.is_file():
            return place
    return None


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary name beside ``path`` to write to; renamed to ``path`` when the block succeeds,
    removed when it fails."""
    output_place(path)
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
        partial.replace(path)
    except OSError as error:
        # the writer's own faults name the file (or none, as a full disk): others pass as they are
        if error.filename in (None, str(partial), str(path)) and (said := output_error(path, error)):
            raise said from error
        raise
    finally:
        partial.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    with atomic_path(path) as partial:
        partial.write_bytes(data)
