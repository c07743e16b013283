"""The render runner's side of narration: environment, progress and up-front checks.

It gives each scene's process its environment, passes on the progress lines written
while a scene renders, and checks the voice and the recordings before anything renders.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scenes.narration.cache import ENV_CACHE
from scenes.narration.narrator import narration_enabled
from scenes.narration.recordings import ENV_VOICE_DIR, RecordingError, Recordings
from scenes.narration.voices import get_voice

if TYPE_CHECKING:
    from scenes.lecture import SceneEntry

__all__ = [
    "PROGRESS_PREFIX",
    "VoicePlan",
    "check_narration",
    "follow",
    "scene_environment",
]

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


@dataclass(frozen=True)
class VoicePlan:
    """Who speaks: the voice, and which beats of which scenes a teacher recorded.

    ``used`` maps each scene (of those being rendered) that has recordings to its file
    names and its number of beats (None when it could not be listed).
    """

    voice: str
    folder: Path | None = None
    used: tuple[tuple[SceneEntry, tuple[str, ...], int | None], ...] = ()

    def scene_lines(self) -> list[str]:
        """One line per scene with recordings: ``step 5: 1 of 5 beats from your ...``."""
        lines = []
        for entry, names, beats in self.used:
            counted = len(names) if beats is None else beats
            of = "" if beats is None else f" of {beats}"
            lines.append(
                f"step {entry.step}: {len(names)}{of} beat{'' if counted == 1 else 's'}"
                f" from your recordings ({', '.join(names)})"
            )
        return lines

    def total(self) -> str:
        """The one-line total: how many recordings, in how many scenes, who speaks the rest."""
        if self.folder is None:
            return f"narration: every beat spoken by the voice ({self.voice})"
        files = sum(len(names) for _, names, _ in self.used)
        if not files:
            return (
                f"narration: no recordings for these scenes in {self.folder};"
                f" the voice ({self.voice}) speaks every beat"
            )
        steps = [str(entry.step) for entry, _, _ in self.used]
        where = f" (step{'s' if len(steps) > 1 else ''} {', '.join(steps)})" if steps else ""
        return (
            f"narration: {files} beat{'' if files == 1 else 's'} from your recordings in"
            f" {len(steps)} scene{'' if len(steps) == 1 else 's'}{where};"
            f" the voice ({self.voice}) speaks every other beat"
        )


def check_narration(
    entries: Sequence[SceneEntry] | None = None,
    log: Callable[[str], None] = print,
    *,
    beats_dir: Path | None = None,
) -> VoicePlan | None:
    """Stop before anything renders if the narration cannot be made; say who speaks.

    Checks ``NARRATION`` and ``BACKPROP_VOICE``, that the voice can be loaded, and every
    file of ``VOICE_DIR`` against the whole lecture (:func:`recordings.problems`: names,
    beat numbers, empty, unreadable, silent, far too long; each scene's beats from
    :func:`scenes.narration.beatlist.beat_notes`, kept by its fingerprint). Then logs one
    line per scene of ``entries`` (default: the lecture) that has recordings, and the
    total. None when the lecture is silent.

    Raises
    ------
    SystemExit
        With the problem, or a :class:`~scenes.narration.recordings.RecordingError`
        naming every bad file, one line each.
    """
    from scenes.lecture import SCENES
    from scenes.narration import beatlist

    entries = list(SCENES if entries is None else entries)
    try:
        if not narration_enabled():
            log("narration off (NARRATION=off): the lecture is silent")
            return None
        voice = get_voice()
        if hasattr(voice, "_voice"):
            voice._voice  # noqa: B018 - load it now: a missing extra is said up front
    except (ValueError, RuntimeError) as exc:
        raise SystemExit(f"error: {exc}") from None
    name = voice.name.removeprefix("piper:")
    folder = os.environ.get(ENV_VOICE_DIR)
    if not folder:
        log(f"narration: voice {name}")
        return VoicePlan(name)
    folder_path = Path(folder).expanduser()
    modules = [e.module for e in SCENES]
    if not folder_path.is_dir():
        raise RecordingError(f"error: {ENV_VOICE_DIR}={folder}: no such folder")
    recorded = {m for m in modules if any(folder_path.glob(f"{m}-*"))}
    notes = beatlist.beat_notes(
        [e for e in SCENES if e.module in recorded], folder=beats_dir, log=log
    )
    recordings = Recordings.scan(folder_path, set(modules), notes)
    used = []
    for entry in entries:
        mine = recordings.of_scene(entry.module)
        if mine:
            count = len(notes[entry.module]) if entry.module in notes else None
            used.append((entry, tuple(p.name for p in mine.values()), count))
    plan = VoicePlan(name, folder_path, tuple(used))
    for line in plan.scene_lines():
        log(f"narration: {line}")
    log(plan.total())
    return plan


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
