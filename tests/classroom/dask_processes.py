"""A real Dask scheduler and workers on 127.0.0.1, started and stopped by the tests.

Workers run with a working folder of their own (not the client's), one thread each, no
nanny (a killed worker stays dead). Everything started is stopped on exit, whatever the
test's outcome.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DASK = str(Path(sys.executable).with_name("dask"))
START_TIMEOUT = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class DaskProcesses:
    """The scheduler's address and the worker processes by name."""

    address: str
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)

    def kill_worker(self, name: str) -> None:
        """SIGKILL a worker and every process it started (its scene renders)."""
        proc = self.workers[name]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


@contextlib.contextmanager
def dask_processes(folder: Path, n_workers: int = 2) -> Iterator[DaskProcesses]:
    """``dask scheduler`` and ``n_workers`` ``dask worker`` processes; stopped on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "CLASS_CACHE": str(folder / "cache")}
    procs: list[subprocess.Popen] = []
    log = (folder / "dask.log").open("w")
    try:
        procs.append(
            subprocess.Popen(
                [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                 "--no-dashboard", "--scheduler-file", str(folder / "scheduler.json")],
                cwd=folder, env=env, stdout=log, stderr=log, start_new_session=True,
            )
        )
        deadline = time.monotonic() + START_TIMEOUT
        while not (folder / "scheduler.json").is_file():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        assert json.loads((folder / "scheduler.json").read_text())["address"] == address
        found = DaskProcesses(address)
        for i in range(1, n_workers + 1):
            cwd = folder / f"worker-{i}"  # not the client's folder
            cwd.mkdir(exist_ok=True)
            proc = subprocess.Popen(
                [DASK, "worker", address, "--name", f"w{i}", "--nthreads", "1",
                 "--no-nanny", "--host", "127.0.0.1", "--no-dashboard"],
                cwd=cwd, env=env, stdout=log, stderr=log, start_new_session=True,
            )
            procs.append(proc)
            found.workers[f"w{i}"] = proc
        from distributed import Client

        with Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(n_workers, timeout=START_TIMEOUT)
        yield found
    finally:
        for proc in reversed(procs):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=20)
        log.close()
