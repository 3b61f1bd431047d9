"""A function of a list, mapped on every core: contiguous shares, the results in order.

:func:`map_chunks` cuts a list into one contiguous share per process, scores
the first share in this process while forked workers score the others, and
joins the results in the list's order, so the result is the one the function
gives on the whole list in one process (the scorers are pure functions of each
text). Below ``minimum`` items, where processes cannot be forked (the pool
relies on ``fork``, which copies the loaded lexicons for free: a fresh
interpreter would spend longer importing them than a chapter takes to score),
and in a worker of a process pool (its caller already shares the work among the
cores, as the corpus's map of texts does), it is that one call. A worker ignores Ctrl-C, dies at SIGTERM or SIGHUP, and dies
with this process (so no worker outlives it holding its open files, such as an
export's lock); this process, interrupted, stops the workers and passes the
interrupt on.

Example:
    >>> map_chunks(lambda part: [x * 2 for x in part], [1, 2, 3, 4], workers=1)
    [2, 4, 6, 8]
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says it).

    Example:
        >>> usable_cores() >= 1
        True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether worker processes can be forked here (Linux; elsewhere one process does the work).

    Example:
        >>> can_fork() == sys.platform.startswith("linux")
        True
    """
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def in_a_worker() -> bool:
    """Whether this process is a worker that ``multiprocessing`` started (a pool's).

    Example:
        >>> in_a_worker()
        False
    """
    return multiprocessing.parent_process() is not None


def workers_for(n_items: int, workers: int | None = None, minimum: int = 1) -> int:
    """How many processes share ``n_items``: ``workers`` if given, else one per usable core
    from ``minimum`` items on (else one); never more than the items, at least one.

    Example:
        >>> workers_for(10, 4), workers_for(10, 40), workers_for(0, 2), workers_for(10, minimum=100)
        (4, 10, 1, 1)
    """
    if workers is None:
        workers = usable_cores() if n_items >= minimum else 1
    return max(1, min(workers, n_items))


def shares(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """``items`` cut into ``n`` contiguous shares whose sizes differ by one at most.

    Example:
        >>> shares([1, 2, 3, 4, 5], 2)
        [[1, 2, 3], [4, 5]]
    """
    size, extra = divmod(len(items), n)
    bounds = [0]
    for k in range(n):
        bounds.append(bounds[-1] + size + (k < extra))
    return [items[a:b] for a, b in zip(bounds, bounds[1:])]


def map_chunks(fn: Callable[..., list[R]], items: Sequence[T], *args: Any,
               workers: int | None = None, minimum: int = 1) -> list[R]:
    """``fn(items, *args)``, computed as ``fn`` of contiguous shares of ``items`` on
    :func:`workers_for` processes, joined in order.

    ``fn`` takes a share and ``args`` and returns one result per item (a module-level
    function: the workers receive it by name). The first share is computed in
    this process; a pool of forked workers computes the others (in a pool's worker,
    :func:`in_a_worker`, this process computes them all).

    Example:
        >>> from analysis.sentiment.scorers import _score_all
        >>> texts = ["A horrible death.", "A fine day."] * 3
        >>> map_chunks(_score_all, texts, patch, workers=2) == _score_all(texts, patch)
        True
    """
    n = workers_for(len(items), workers, minimum)
    if n == 1 or not can_fork() or in_a_worker():
        return fn(items, *args)
    first, *rest = shares(items, n)
    pool = multiprocessing.get_context("fork").Pool(n - 1, initializer=_worker_signals,
                                                    initargs=(os.getpid(),))
    try:
        pending = pool.starmap_async(fn, [(share, *args) for share in rest], chunksize=1)
        done = fn(first, *args)
        for part in pending.get():
            done.extend(part)
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()
    return done


#: Linux's ``prctl`` option that sends a process a signal when its parent dies.
_PR_SET_PDEATHSIG = 1


def _worker_signals(parent: int) -> None:
    """In a worker: Ctrl-C is for the process that started it; SIGTERM and SIGHUP end it quietly
    (it inherited that process's handlers, which are not its to run); it is killed when
    ``parent`` dies, even by SIGKILL (or at once, if that happened while it started)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
