"""Run a command and measure what it cost: CPU time and peak memory."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from typing import Any

__all__ = ["Usage", "run_measured"]


@dataclass(frozen=True)
class Usage:
    """CPU seconds (user + system) and largest resident size in bytes of a process."""

    cpu_seconds: float
    peak_rss: int


def run_measured(cmd: list[str], **kwargs: Any) -> tuple[int, Usage]:
    """Run ``cmd`` (``subprocess.Popen`` keywords) to completion.

    Returns
    -------
    tuple of (int, Usage)
        The exit code, and the process's own usage with that of the children it waited
        for (``wait4``): CPU time and peak resident size.
    """
    proc = subprocess.Popen(cmd, **kwargs)
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    proc.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports ru_maxrss in kilobytes.
    return proc.returncode, Usage(usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)
