"""Run a command and measure what it cost: CPU time, peak memory, and where it went."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from typing import Any

__all__ = ["Split", "Usage", "parse_split", "run_measured"]


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


@dataclass(frozen=True)
class Split:
    """Where a scene's render spent CPU seconds, from the lines it printed.

    ``stills`` is what writing its still stretches cost (the ``stills:`` line of
    :mod:`scenes.perf.stills`, 0 when Manim's own encoding was used), ``joining`` what
    joining its partial movies into the scene's video cost (same line), ``narration``
    what synthesizing its speech cost (the ``narration:`` line, 0 without one). The rest
    of the process's CPU time went into drawing and encoding the moving frames.
    """

    stills: float = 0.0
    still_frames: int = 0
    joining: float = 0.0
    narration: float = 0.0


_STILLS_LINE = re.compile(
    r"^stills: \d+ still stretch\(es\), (\d+) frame\(s\), ([\d.]+) CPU-s;"
    r" joining ([\d.]+) CPU-s"
)
_NARRATION_LINE = re.compile(r"^narration: \d+ cue\(s\) synthesized, ([\d.]+) CPU-s")


def parse_split(log: str) -> Split:
    r"""The :class:`Split` reported in a scene render's output ``log`` (last line wins).

    >>> parse_split("stills: 3 still stretch(es), 250 frame(s), 0.41 CPU-s; joining"
    ...             " 0.20 CPU-s\nnarration: 4 cue(s) synthesized, 12.5 CPU-s")
    Split(stills=0.41, still_frames=250, joining=0.2, narration=12.5)
    >>> parse_split("nothing said")
    Split(stills=0.0, still_frames=0, joining=0.0, narration=0.0)
    """
    found: dict[str, float | int] = {}
    for line in log.splitlines():
        line = line.strip()
        if m := _STILLS_LINE.match(line):
            found.update(
                still_frames=int(m[1]), stills=float(m[2]), joining=float(m[3])
            )
        elif m := _NARRATION_LINE.match(line):
            found["narration"] = float(m[1])
    return Split(**found)  # type: ignore[arg-type]
