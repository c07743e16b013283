"""The render runner's side of narration: environment, progress and up-front checks.

It gives each scene's process its environment, passes on the progress lines written
while a scene renders, and checks the voice and the recordings before anything renders.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from scenes.narration.cache import ENV_CACHE
from scenes.narration.narrator import narration_enabled
from scenes.narration.recordings import ENV_VOICE_DIR, Recordings
from scenes.narration.voices import get_voice

__all__ = ["PROGRESS_PREFIX", "check_narration", "follow", "scene_environment"]

PROGRESS_PREFIX = "narration:"


def scene_environment(media_dir: Path) -> dict[str, str]:
    """Variables for one scene's render process.

    Every process shares the project's speech cache (not its own staging folder's),
    and synthesizes on one thread: the runner already renders a scene per core.
    """
    return {
        ENV_CACHE: str(Path(media_dir) / "narration" / "cache"),
        "BACKPROP_VOICE_THREADS": os.environ.get("BACKPROP_VOICE_THREADS", "1"),
    }


def check_narration(modules: set[str], log: Callable[[str], None] = print) -> None:
    """Stop (``SystemExit``) before any rendering if the narration cannot be made.

    Checks ``NARRATION`` and ``BACKPROP_VOICE``, that the voice can be loaded, and every
    recording of ``VOICE_DIR`` (names, readable, not silent). Says which voice speaks.
    """
    try:
        if not narration_enabled():
            log("narration off (NARRATION=off): the lecture is silent")
            return
        voice = get_voice()
        if hasattr(voice, "_voice"):
            voice._voice  # noqa: B018 - load it now: a missing extra is said up front
        folder = os.environ.get(ENV_VOICE_DIR)
        recordings = Recordings.scan(Path(folder), modules) if folder else None
    except (ValueError, RuntimeError) as exc:
        raise SystemExit(f"error: {exc}") from None
    log(f"narration: voice {voice.name}")
    if recordings is not None:
        log(
            f"narration: {len(recordings.files)} recording(s) from {recordings.folder};"
            " every other beat uses the voice"
        )


@contextmanager
def follow(path: Path, log: Callable[[str], None], every: float = 1.0) -> Iterator[None]:
    """While the body runs, pass on each new progress line written to ``path``."""
    done = threading.Event()

    def watch() -> None:
        seen = 0
        while True:
            finished = done.wait(every)
            try:
                with path.open(encoding="utf-8", errors="replace") as handle:
                    handle.seek(seen)
                    chunk = handle.read()
            except OSError:
                chunk = ""
            complete = chunk[: chunk.rfind("\n") + 1]
            seen += len(complete.encode("utf-8"))
            for line in complete.splitlines():
                if line.startswith(PROGRESS_PREFIX):
                    log(line)
            if finished:
                return

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
