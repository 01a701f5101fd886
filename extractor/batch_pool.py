"""Worker processes for a batch, where one dead or stuck worker costs only its own file.

Each worker is a forked process with the pipeline loaded (once, in the main
process before the first fork, so a fresh worker starts at once), then takes one
path at a time over its own pipe and sends back the file's JSON line. The main
process waits on every pipe and every process sentinel at once
(:func:`multiprocessing.connection.wait`), so it sees at once:

* a line: the worker gets the next file (files are fed largest first);
* a worker that died (the OOM killer's SIGKILL, a segfault): its file is
  retried once in a fresh worker, and a second death gives the file an
  ``extract.worker_died`` line naming the signal;
* a file past its wall-clock budget: the worker's process group is killed
  (with any OCR child), the file gets an ``extract.timeout`` line, and a fresh
  worker takes its place.

Workers end with the main process: they ask the kernel for SIGKILL when their
parent dies (``prctl(PR_SET_PDEATHSIG)`` on Linux), check the parent's pid
while idle, and are daemonic (ended at a normal exit).

Test hook (read only by worker processes, never in-process or on Dask):
``LEGAL_FACTS_TEST_HOOK="sleep=SECONDS,kill=TEXT"`` sleeps before every file
(``sleep=SECONDS@TEXT``: only before files whose base name contains TEXT) and
makes the worker SIGKILL itself on a file whose base name contains TEXT.
It exists so that tests can hold a worker busy, or kill it, at a known moment.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait

TEST_HOOK_ENV = "LEGAL_FACTS_TEST_HOOK"
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_MAX_START_FAILURES = 3  # workers in a row that die before they are ready: the batch cannot run workers


@dataclass(frozen=True)
class Event:
    """Something the summary reports about one file: a worker death or a timeout.

    Attributes:
        path: the file the worker was on.
        kind: "worker_died" (retried), "worker_died_twice" (error line) or "timeout" (error line).
        detail: the signal name ("SIGKILL") or the budget ("300 s").
    """

    path: str
    kind: str
    detail: str


def signal_name(exitcode: int | None) -> str:
    """Name how a process ended: ``-9`` -> "SIGKILL", ``3`` -> "exit status 3"."""
    if exitcode is None:
        return "unknown"
    if exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit status {exitcode}"


def _die_with_parent(parent_pid: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the idle parent-pid check below still ends the worker
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(0)


def _test_hook(path: str) -> None:
    spec = os.environ.get(TEST_HOOK_ENV)
    if not spec:
        return
    for part in spec.split(","):
        key, _, value = part.partition("=")
        if key == "sleep":
            seconds, _, only = value.partition("@")
            if only in os.path.basename(path):
                time.sleep(float(seconds))
        elif key == "kill" and value and value in os.path.basename(path):
            os.kill(os.getpid(), signal.SIGKILL)


_warm = False


def warm_up() -> None:
    """Load the pipeline and the extractors' lazy data (once per process), before any file's clock starts.

    Forked workers inherit what the main process loaded here, so a fresh worker starts at once.
    A failure is left for each file to report as its own ``extract.failed`` line.
    """
    global _warm
    if _warm:
        return
    _warm = True
    try:
        from .extract import extract_text
        extract_text("Jane Roe v. City of Springfield. On May 2, 2025 the Court DENIED the motion.")
    except Exception:  # noqa: BLE001
        pass


def _worker_main(conn, parent_pid: int, task_args: tuple) -> None:
    _die_with_parent(parent_pid)
    try:
        os.setpgid(0, 0)  # its own group, so a timeout kills an OCR child with it
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from .batch import process_one
    warm_up()
    conn.send(("ready", None))
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent_pid:
                os._exit(0)
            continue
        try:
            path = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if path is None:
            os._exit(0)
        _test_hook(path)
        conn.send(("line", process_one(path, *task_args)))


class _Worker:
    def __init__(self, ctx, task_args: tuple):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, os.getpid(), task_args), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.path: str | None = None
        self.deadline = 0.0

    def give(self, path: str, timeout: float) -> bool:
        """Send ``path``; False when the worker's pipe is already broken (it died), so the path stays queued."""
        try:
            self.conn.send(path)
        except OSError:
            return False
        self.path, self.deadline = path, time.monotonic() + timeout
        return True

    def kill(self) -> None:
        for target in (lambda: os.killpg(self.proc.pid, signal.SIGKILL), lambda: os.kill(self.proc.pid, signal.SIGKILL)):
            try:
                target()
            except (ProcessLookupError, PermissionError, OSError):
                continue
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


def run_in_workers(paths: list[str], task_args: tuple, *, jobs: int, timeout: float,
                   failed_line, events: list[Event]) -> Iterator[tuple[str, str]]:
    """Yield ``(path, json_line)`` for every path, computed in ``jobs`` worker processes.

    Args:
        paths: files in the order they are handed out (largest first is best).
        task_args: the arguments after ``path`` of :func:`extractor.batch.process_one`.
        jobs: worker processes (at least 1).
        timeout: wall-clock budget of one file, in seconds.
        failed_line: ``(path, code, message) -> json_line`` for a file that gets an error line here.
        events: receives an :class:`Event` for each worker death and timeout.
    Yields:
        Each path exactly once, in the order the files finish.
    """
    fork = sys.platform.startswith("linux")
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        warm_up()
    queue = deque(paths)
    retried: set[str] = set()
    workers: list[_Worker] = []
    start_failures = 0
    try:
        while queue or any(w.path for w in workers):
            busy = sum(1 for w in workers if w.path)
            while len(workers) < min(jobs, busy + len(queue)):
                workers.append(_Worker(ctx, task_args))
            for w in workers:
                if w.ready and w.path is None and queue and w.give(queue[0], timeout):
                    queue.popleft()
            deadlines = [w.deadline for w in workers if w.path]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            wait([w.conn for w in workers] + [w.proc.sentinel for w in workers], wait_for)
            for w in list(workers):
                lost = False
                try:
                    while w.conn.poll():
                        kind, line = w.conn.recv()
                        if kind == "ready":
                            w.ready, start_failures = True, 0
                        else:
                            path, w.path = w.path, None
                            yield path, line
                except (EOFError, OSError):
                    lost = True
                if lost or not w.proc.is_alive():
                    if w.proc.is_alive():  # its pipe broke: no use for it any more
                        w.kill()
                    w.proc.join(5)
                    workers.remove(w)
                    w.conn.close()
                    how = signal_name(w.proc.exitcode)
                    if w.path is None:
                        start_failures += 0 if w.ready else 1
                        if start_failures >= _MAX_START_FAILURES:
                            while queue:
                                path = queue.popleft()
                                yield path, failed_line(path, "extract.worker_died",
                                                        f"No worker process could start ({how}).")
                    elif w.path in retried:
                        events.append(Event(w.path, "worker_died_twice", how))
                        yield w.path, failed_line(w.path, "extract.worker_died",
                                                  f"The worker process reading this file died ({how}), "
                                                  "also when retried in a fresh worker.")
                    else:
                        events.append(Event(w.path, "worker_died", how))
                        retried.add(w.path)
                        queue.appendleft(w.path)
                elif w.path and time.monotonic() >= w.deadline:
                    path = w.path
                    w.kill()
                    workers.remove(w)
                    events.append(Event(path, "timeout", f"{timeout:g} s"))
                    yield path, failed_line(path, "extract.timeout",
                                            f"Extracting the file took longer than {timeout:g} s; its worker was stopped.")
    finally:
        for w in workers:
            if w.path:
                w.kill()
            else:
                w.stop()
