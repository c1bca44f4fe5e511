"""Work done beside the build: a forked child process takes jobs in order on the other core,
and this process does those the child has not started once it needs their results."""

from __future__ import annotations

import gc
import multiprocessing as mp
import pickle
import shutil
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

# The jobs of the pool being started: the child, a fork, finds them here by number (a closure
# cannot be sent to another process, a number can).
_jobs: Sequence[Callable[[], Any]] = ()


def _run(number: int, folder: str) -> str:
    """In the child: do one job; leave its result in a file of ``folder``, give its name.

    A big result sent through the pool's pipe would come in small pieces, each waiting for
    this process's busy main thread to let the receiving thread run.
    """
    result = _jobs[number]()
    with tempfile.NamedTemporaryFile(dir=folder, delete=False) as out:
        pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
    return out.name


def _read(name: str) -> Any:
    """A job's result from the file the child left."""
    with open(name, "rb") as f:
        return pickle.load(f)


class Background:
    """Jobs, by name, started in a child process in their order; ``results()`` gives their
    results by name.

    Where no child can run (no fork, or other threads that a fork could copy with a lock
    held), each job is done in this process when its result is asked for. A job the child
    has not started, or that failed there for any reason, is done here, so its errors are
    raised and reported here as usual.
    """

    def __init__(self, jobs: Mapping[str, Callable[[], Any]]) -> None:
        global _jobs
        self._names = list(jobs)
        self._jobs = list(jobs.values())
        self._results: dict[str, Any] | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future] = []
        self._folder: str | None = None
        forks = "fork" in mp.get_all_start_methods() and threading.active_count() == 1
        if len(self._jobs) > 1 and forks:
            _jobs = self._jobs
            self._folder = tempfile.mkdtemp(prefix="site287g-")
            # The child's garbage collector leaves alone what the build had made by then.
            context = mp.get_context("fork")
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=gc.freeze)
            self._futures = [
                self._pool.submit(_run, n, self._folder) for n in range(len(self._jobs))
            ]
            _jobs = ()  # the child has its copy

    def results(self) -> dict[str, Any]:
        """Every job's result (waiting for the child's, doing here those it has not begun)."""
        if self._results is None:
            results: list[Any] = [None] * len(self._jobs)
            pending = set(range(len(self._jobs)))
            try:
                for n in reversed(range(len(self._futures))):  # from the end: the child begins
                    if self._futures[n].cancel():
                        results[n] = self._jobs[n]()
                        pending.discard(n)
                for n in sorted(pending):
                    results[n] = self._from_child(n)
            finally:
                self.stop()
            self._results = dict(zip(self._names, results, strict=True))
        return self._results

    def _from_child(self, n: int) -> Any:
        """Job ``n``'s result from the child, or done here if the child could not do it."""
        if n < len(self._futures):
            try:
                return _read(self._futures[n].result())
            except Exception:  # noqa: BLE001 (done again here, where its error is reported)
                pass
        return self._jobs[n]()

    def stop(self) -> None:
        """Drop the jobs not begun and their results, and let the child end (after its current
        job, whose result has nowhere to go)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
