"""The files of a batch beside ``OUT``: the journal, the resume record, the lock, and atomic writes.

* ``OUT.partial`` is the journal: one JSON record a line, appended and flushed
  as each file finishes: ``{"source", "sha256", "options", "version", "line"}``
  (``line`` is the output line as a string, so a reused line is byte-identical).
  It is read line by line; a torn or invalid line (power loss inside a UTF-8
  character, a full disk) is dropped and its file redone.
* ``OUT.resume`` is written with ``OUT`` at the end of a run: the same records
  with ``line_sha256`` in place of the line, so a rerun knows what each line of
  ``OUT`` was made from. A line whose hash does not match is not reused.
* ``OUT.lock`` is held (``flock``) while a batch runs; a second batch on the
  same output stops at once with ``usage.output_locked``.

A line is reused only when the file's sha256, the options that change output
and the extractor version all match, and its error (if any) is not transient.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import TRANSIENT_ERRORS, UsageError


def sidecars(out: Path) -> dict[str, Path]:
    """The paths a batch on ``out`` writes beside it: ``partial``, ``resume``, ``lock`` and ``tmp``."""
    return {kind: out.with_name(f"{out.name}.{kind}") for kind in ("partial", "resume", "lock", "tmp")}


def _records(path: Path) -> Iterator[tuple[dict, int]]:
    """Yield ``(record, end_offset)`` for each valid journal line; invalid or torn lines are skipped."""
    offset = 0
    with open(path, "rb") as fh:
        for raw in fh:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                return  # a torn last line: never yielded, and cut off by open_journal
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                continue
            if isinstance(record, dict) and isinstance(record.get("source"), str):
                yield record, offset


def read_journal(path: Path) -> dict[str, dict]:
    """Records of ``OUT.partial`` by source path (the last one wins); ``{}`` when there is none.

    Records without a string ``line`` are dropped.
    """
    if not path.exists():
        return {}
    return {r["source"]: r for r, _ in _records(path) if isinstance(r.get("line"), str)}


def read_finished(out: Path) -> dict[str, dict]:
    """Records of a finished ``OUT`` (from ``OUT.resume``, each with its ``line``); only lines whose hash matches."""
    resume = sidecars(out)["resume"]
    if not (out.exists() and resume.exists()):
        return {}
    by_hash: dict[str, str] = {}
    with open(out, "rb") as fh:
        for raw in fh:
            if raw.endswith(b"\n"):
                try:
                    line = raw[:-1].decode("utf-8")
                except UnicodeDecodeError:
                    continue
                by_hash[hashlib.sha256(raw[:-1]).hexdigest()] = line
    found = {}
    for record, _ in _records(resume):
        line = by_hash.get(record.get("line_sha256"))
        if line is not None:
            found[record["source"]] = {**record, "line": line}
    return found


def redo_reason(record: dict | None, sha256: str | None, options: dict, version: str) -> str | None:
    """Why a previous line cannot be reused, or None when it can.

    Returns:
        None, or one of "new file", "changed file", "new version", "changed options", "transient error".
    """
    if record is None:
        return "new file"
    if record.get("sha256") is None or record.get("sha256") != sha256:
        return "changed file"
    if record.get("version") != version:
        return "new version"
    if record.get("options") != options:
        return "changed options"
    try:
        error = json.loads(record["line"]).get("error")
    except (ValueError, AttributeError):
        return "changed file"
    if error and error.get("code") in TRANSIENT_ERRORS:
        return "transient error"
    return None


def record_for(source: str, line: str, options: dict, version: str) -> dict:
    """The journal record of one output line (its sha256 is the line's ``document.id``)."""
    try:
        sha256 = (json.loads(line).get("document") or {}).get("id")
    except (ValueError, AttributeError):
        sha256 = None
    return {"source": source, "sha256": sha256, "options": options, "version": version, "line": line}


def dump(obj, indent: int | None = None) -> str:
    """JSON text that is always valid UTF-8: a lone surrogate (a name that was not UTF-8) is written escaped.

    ``json.loads`` gives the same string back, so ``os.fsencode`` of a source gives the original name's bytes.
    One line unless ``indent`` is given.
    """
    return _escape_surrogates(json.dumps(obj, ensure_ascii=False, indent=indent))


def _escape_surrogates(text: str) -> str:
    # surrogates can only stand inside JSON strings here, where \\uXXXX is their JSON escape
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return "".join(f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


class Journal:
    """``OUT.partial`` opened for appending: a torn last line is cut off first, then each record is flushed."""

    def __init__(self, path: Path):
        self.path = path
        good = 0
        if path.exists():
            for _, end in _records(path):
                good = end
            with open(path, "rb") as fh:
                data_end = fh.seek(0, os.SEEK_END)
            if data_end != good:
                # drop the torn tail (and any unreadable lines after the last good one)
                with open(path, "r+b") as fh:
                    fh.truncate(good)
        self._fh = open(path, "a", encoding="utf-8")

    def append(self, record: dict) -> None:
        """Write one record as a line and flush it to the OS."""
        self._fh.write(dump(record) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def write_atomically(path: Path, lines: list[str], tmp: Path) -> None:
    """Write ``lines`` (each with ``\\n``) to ``tmp``, fsync it, rename it over ``path`` and fsync the folder."""
    with open(tmp, "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def finished_records(records: list[dict]) -> list[str]:
    """``OUT.resume`` lines for the records of ``OUT`` in order: the line replaced by its sha256."""
    rows = []
    for r in records:
        row = {k: v for k, v in r.items() if k != "line"}
        row["line_sha256"] = hashlib.sha256(r["line"].encode("utf-8")).hexdigest()
        rows.append(dump(row))
    return rows


class OutputLock:
    """An exclusive ``flock`` on ``OUT.lock`` for the length of a batch.

    Raises:
        UsageError: ``usage.output_locked`` when another process holds it.
    """

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def __enter__(self) -> "OutputLock":
        for _ in range(5):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                holder = self.path.read_text(errors="replace").strip() or "?"
                raise UsageError("usage.output_locked",
                                 f"Another batch (pid {holder}) is writing this output; lock file {self.path}.")
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:  # not a lock file another batch removed while we opened it
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode())
                self.fd = fd
                return self
            os.close(fd)
        raise UsageError("usage.output_locked", f"Could not take the lock file {self.path}.")

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            try:
                self.path.unlink()
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None
