"""The Dask client of a class: a LocalCluster by default, or a running scheduler.

``SCHEDULER=tcp://host:8786`` connects to a running cluster; without it a
:class:`~distributed.LocalCluster` is started with one single-threaded worker process per
core (``JOBS`` or the cores this process may use). Either way the client is closed, and a
local cluster stopped, when the ``with`` block ends.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "CONNECT_TIMEOUT",
    "LONG_TASK_CONFIG",
    "ClusterError",
    "check_scheduler",
    "dashboard",
    "open_client",
]

CONNECT_TIMEOUT = 5
"""Seconds to reach a scheduler before giving up (the issue asks for under 10)."""

LONG_TASK_CONFIG = {
    # Sampling the task thread's stack every 10 ms: ours waits for its render process.
    "distributed.worker.profile.enabled": False,
    # Each process's event-loop health check (20 ms) and resource monitors (0.5 s,
    # the memory monitor 0.1 s) are tuned for many short tasks; a scene takes minutes.
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Dask settings for the embedded cluster, whose tasks each wait minutes for a render.

With Dask's defaults a LocalCluster of two workers spends 15 % of a core on itself
while its tasks wait (2-core Xeon, 60 s measured over the whole process tree); with
these, 2 %. On a 2-core machine that was most of the class's overhead over ``make
video``'s runner. A running cluster (``SCHEDULER``) keeps its own settings: set these
(``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False`` ...) where its workers start.
"""


class ClusterError(RuntimeError):
    """The scheduler cannot be reached."""


def _has_dashboard() -> bool:
    return importlib.util.find_spec("bokeh") is not None


@contextmanager
def open_client(
    scheduler: str | None = None, workers: int = 1, host: str = "127.0.0.1"
) -> Iterator:
    """A connected :class:`distributed.Client`; stops what it started on exit.

    Parameters
    ----------
    scheduler : str, optional
        The address of a running scheduler (``tcp://host:8786``); none starts a
        LocalCluster of ``workers`` single-threaded worker processes on ``host``.

    Raises
    ------
    ClusterError
        If ``scheduler`` cannot be reached within :data:`CONNECT_TIMEOUT` seconds.
    """
    import dask.config
    from distributed import Client, LocalCluster

    if scheduler:
        check_scheduler(scheduler)
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except Exception as exc:  # noqa: BLE001 - whatever it is, the scheduler is not there
            raise _unreachable(scheduler, exc) from None
        try:
            yield client
        finally:
            client.close()
        return
    # The in-process scheduler's own INFO lines would bury the progress bar.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    # Set for the cluster's whole life: the scheduler and the nannies run in this
    # process, and each nanny hands the settings to its worker.
    with dask.config.set(LONG_TASK_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host=host,
            # On the workers' host, not every interface (":0" binds 0.0.0.0).
            dashboard_address=f"{host}:0" if _has_dashboard() else None,
            silence_logs=logging.ERROR,
        )
        try:
            client = Client(cluster, set_as_default=False)
            try:
                yield client
            finally:
                client.close()
        finally:
            cluster.close()


def _unreachable(address: str, exc: BaseException) -> ClusterError:
    reason = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return ClusterError(
        f"error: cannot reach the Dask scheduler SCHEDULER={address} within"
        f" {CONNECT_TIMEOUT} s ({reason[:200]}); nothing was rendered"
    )


def check_scheduler(address: str) -> None:
    """Raise :class:`ClusterError` unless a Dask scheduler answers at ``address`` in time."""
    try:
        _probe(address, CONNECT_TIMEOUT)
    except Exception as exc:  # noqa: BLE001 - whatever it is, the scheduler is not there
        raise _unreachable(address, exc) from None


def _probe(address: str, timeout: float) -> None:
    """Open one connection to ``address`` and say hello, all within ``timeout`` seconds.

    A wrong address can hang or answer garbage (another service on that port); the
    client's own timeout does not bound every such case, this does.
    """
    import asyncio

    from distributed.comm import connect

    async def hello() -> None:
        comm = await connect(address, timeout=timeout - 1)
        try:
            await comm.write({"op": "identity"})
            reply = await comm.read()
        finally:
            await comm.close()
        if not isinstance(reply, dict) or reply.get("type") != "Scheduler":
            raise ConnectionError(f"{address} is not a Dask scheduler")

    asyncio.run(asyncio.wait_for(hello(), timeout))


def dashboard(client) -> str | None:
    """The dashboard's address, when the scheduler serves one."""
    try:
        link = client.dashboard_link
    except Exception:  # noqa: BLE001 - no dashboard is not an error
        return None
    return link if "dashboard" in client.scheduler_info().get("services", {}) else None
