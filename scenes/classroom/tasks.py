"""The two kinds of Dask task of a class: one scene of one student, one student's lecture.

Both are plain functions of plain data (strings, dicts, bytes) returning plain data, so
they run on any worker and their results travel back to the client: a worker needs the
project installed, not the client's ``media/`` folder.

:func:`render_scene` calls the render runner's :func:`scenes.render.render_scene`, which
starts exactly one fresh process for the scene, with the student's ``BPMATH_<ROLE>``
files and a media folder of its own: that process is the only one to import Manim, so no
task sees another's Manim configuration (the worker itself never imports Manim). Only
the LaTeX, text and speech caches (content-addressed) are shared between the tasks of
one machine. The render runs in a process group of its own, killed with everything in
it on a timeout (``CLASS_SCENE_TIMEOUT``, default :data:`SCENE_TIMEOUT`), on an error,
when the task is cancelled or its worker closes, and (Linux) when the worker process
dies. A class never uses ``VOICE_DIR``: a teacher's recordings speak the default
example's numbers, not a student's, so every student's lecture has the synthetic voice.
:func:`join_lecture` joins a student's scene videos as ``make lecture`` does: chapters,
captions (``.srt``, ``.vtt`` and a subtitle track) and one sound track.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "SceneTaskError",
    "cache_root",
    "join_lecture",
    "nanny_variables",
    "render_environment",
    "render_scene",
    "scene_timeout",
]

ROLES = ("chain", "wide", "training")
SCENE_TIMEOUT = 3600
"""Seconds one scene may take before its task fails (``CLASS_SCENE_TIMEOUT`` overrides)."""
TIMEOUT_VARIABLE = "CLASS_SCENE_TIMEOUT"
NOT_FOR_A_CLASS = ("VOICE_DIR",)
"""Variables no class render sees: recordings speak the default example's numbers."""
NARRATION_CACHE = "BACKPROP_NARRATION_CACHE"
"""The speech cache's variable (:data:`scenes.narration.cache.ENV_CACHE`, which imports
Manim: a test checks they agree)."""


class SceneTaskError(RuntimeError):
    """One student's scene failed: names the student, the step and the cause."""

    def __init__(self, student: str, step: int, name: str, cause: str, log: str = "") -> None:
        super().__init__(f"student {student}: step {step} ({name}) failed: {cause}")
        self.student, self.step, self.name, self.cause, self.log = (
            student, step, name, cause, log,
        )

    def __reduce__(self):  # travel back from a worker intact
        return (SceneTaskError, (self.student, self.step, self.name, self.cause, self.log))


@dataclass(frozen=True)
class _Scene:
    """The fields of a :class:`scenes.lecture.SceneEntry` the runner uses, without Manim."""

    step: int
    module: str
    name: str
    title: str
    path: str


def cache_root() -> Path:
    """The caches shared by this machine's tasks: ``CLASS_CACHE`` or a temp folder."""
    default = Path(tempfile.gettempdir()) / f"backprop-class-cache-{os.getuid()}"
    return Path(os.environ.get("CLASS_CACHE") or default)


def scene_timeout(env: Mapping[str, str] | None = None) -> float:
    """``CLASS_SCENE_TIMEOUT`` (seconds, > 0) of ``env``, this process, or the default.

    The default is :data:`SCENE_TIMEOUT`.

    Raises
    ------
    ValueError
        If ``CLASS_SCENE_TIMEOUT`` is set but not a positive number.
    """
    raw = ((env or {}).get(TIMEOUT_VARIABLE) or os.environ.get(TIMEOUT_VARIABLE, "")).strip()
    if not raw:
        return float(SCENE_TIMEOUT)
    try:
        seconds = float(raw)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise ValueError(f"{TIMEOUT_VARIABLE}={raw!r} is not a positive number of seconds")
    return seconds


def nanny_variables() -> frozenset[str]:
    """The variables a Dask nanny sets in its worker's environment (none without Dask).

    Dask's ``distributed.nanny.pre-spawn-environ`` and ``distributed.nanny.environ``:
    thread limits for numeric libraries and ``MALLOC_TRIM_THRESHOLD_``, meant for work
    done inside the worker, not for the programs it starts.
    """
    try:
        import dask.config
    except ImportError:
        return frozenset()
    names: set[str] = set()
    for key in ("distributed.nanny.pre-spawn-environ", "distributed.nanny.environ"):
        names.update(dask.config.get(key, default=None) or {})
    return frozenset(names)


def _cause(log: str) -> str:
    """The line of a failed render that says why: the exception, else the last line."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    for line in reversed(lines):
        head = line.split(":", 1)[0]
        if head.endswith(("Error", "Exception", "Interrupt")) or head == "error":
            return line
    return lines[-1] if lines else "no output"


def render_environment(
    env: Mapping[str, str] | None, examples: Mapping[str, Path], caches: Path
) -> dict[str, str]:
    """The render process's environment: this worker's, the client's ``env`` over it.

    The variables a Dask nanny sets for its worker (:func:`nanny_variables`) are left
    out unless the client gives them: a render is a program of its own, and
    ``MALLOC_TRIM_THRESHOLD_`` in particular turns off glibc's adaptive ``mmap``
    threshold, so every frame-sized array is mapped and zeroed afresh (7 % more CPU a
    render at -ql, all of it in the kernel). The render then sees what ``make video``'s
    renders see. Then the student's example files (``BPMATH_<ROLE>``), no slide deck, the machine's
    shared speech cache, one synthesis thread unless asked otherwise, and none of
    :data:`NOT_FOR_A_CLASS` (whether the worker or the client has it).
    """
    variables = dict(os.environ)
    for name in nanny_variables():
        variables.pop(name, None)
    variables.update(env or {})
    for name in NOT_FOR_A_CLASS:
        variables.pop(name, None)
    for role in ROLES:
        variables[f"BPMATH_{role.upper()}"] = str(examples[role])
    variables["BACKPROP_PLAIN_SCENES"] = "1"  # no slide deck: not part of a class
    variables[NARRATION_CACHE] = str(caches / "narration" / "cache")
    variables.setdefault("BACKPROP_VOICE_THREADS", "1")  # a worker renders one scene per core
    return variables


def _stop_request() -> Callable[[], bool] | None:
    """True once this Dask task is cancelled or its worker closes (None outside Dask)."""
    try:
        from distributed import get_worker
        from distributed.core import Status

        worker = get_worker()
        key = worker.get_current_task()
    except (ImportError, ValueError, AttributeError, KeyError):
        return None
    ending = {Status.closing, Status.closed, Status.failed}

    def stop() -> bool:
        if worker.status in ending:
            return True
        task = worker.state.tasks.get(key)
        return task is None or task.state in ("cancelled", "released", "forgotten")

    return stop


def _check_examples(student: str, entry: dict, examples: Mapping[str, Path]) -> None:
    """Refuse an unreadable example file before starting a render (bpmath only)."""
    import bpmath

    for role, path in examples.items():
        try:
            bpmath.examples.get(role, path).check_role(role)
        except (ValueError, TypeError) as exc:
            raise SceneTaskError(
                student, entry["step"], entry["name"],
                f"error: the {role} example is not usable: {exc}",
            ) from None


def render_scene(
    student: str,
    entry: dict,
    quality: str,
    tomls: dict[str, str],
    env: dict[str, str] | None = None,
) -> dict:
    """Render ``entry`` (``step, module, name, title, path``) for one student.

    Parameters
    ----------
    student : str
        The student's id (for messages).
    entry : dict
        The scene, as the fields of a :class:`scenes.lecture.SceneEntry` plus its
        ``path`` relative to the project root.
    quality : str
        Manim's quality letter.
    tomls : dict
        The student's example files' text by role.
    env : dict, optional
        Variables the render sees besides this worker's own (``NARRATION``...).

    Returns
    -------
    dict
        ``video`` (mp4 bytes), ``captions`` (srt bytes or None), ``seconds``,
        ``cpu_seconds``, ``peak_rss`` (the render process's, as the runner measures
        it), ``host``.

    Raises
    ------
    SceneTaskError
        If the render fails, times out or is cancelled: the student, the step and the
        cause.
    """
    from scenes.render import SceneRenderError
    from scenes.render import render_scene as run_render

    started = time.perf_counter()
    caches = cache_root()
    scene = _Scene(**{k: entry[k] for k in ("step", "module", "name", "title", "path")})
    with tempfile.TemporaryDirectory(prefix=f"class-{student}-{entry['module']}-") as tmp:
        folder = Path(tmp)
        (folder / "examples").mkdir()
        examples = {}
        for role in ROLES:
            examples[role] = folder / "examples" / f"{role}.toml"
            examples[role].write_text(tomls[role], encoding="utf-8")
        _check_examples(student, entry, examples)
        media = folder / "media"
        media.mkdir()
        for name in ("Tex", "texts"):
            (caches / name).mkdir(parents=True, exist_ok=True)
            (media / name).symlink_to(caches / name, target_is_directory=True)
        (caches / "narration" / "cache").mkdir(parents=True, exist_ok=True)
        try:
            done = run_render(
                scene, quality, media, render_environment(env, examples, caches),
                timeout=scene_timeout(env), stop=_stop_request(), log=lambda line: None,
            )
        except SceneRenderError as exc:
            raise SceneTaskError(
                student, entry["step"], entry["name"], _cause(exc.log), exc.log[-4000:]
            ) from None
        srt = done.video.with_suffix(".srt")
        return {
            "student": student,
            "step": entry["step"],
            "video": done.video.read_bytes(),
            "captions": srt.read_bytes() if srt.is_file() else None,
            "seconds": time.perf_counter() - started,
            "cpu_seconds": done.cpu_seconds,
            "peak_rss": done.peak_rss,
            "host": os.uname().nodename,
        }


def join_lecture(student: str, titles: list[str], parts: list[dict], title: str) -> dict:
    """Join one student's scenes (results of :func:`render_scene`, in order) into a lecture.

    ``titles`` are the chapters' titles, ``title`` the video's (the client's
    :data:`scenes.publish.build.TITLE`: that module imports Manim, the worker does not).

    Returns ``lecture.mp4``, ``lecture.srt`` and ``lecture.vtt`` as bytes (``mp4``,
    ``srt``, ``vtt``) and the lecture's ``duration`` in seconds.
    """
    from scenes.publish import subtitles, video

    with tempfile.TemporaryDirectory(prefix=f"class-{student}-lecture-") as tmp:
        folder = Path(tmp)
        videos, cues = [], []
        for i, part in enumerate(parts):
            path = folder / f"{i:02d}.mp4"
            path.write_bytes(part["video"])
            videos.append(path)
            srt = path.with_suffix(".srt")
            if part.get("captions"):
                srt.write_bytes(part["captions"])
                cues.append(subtitles.read_srt(srt))
            else:
                cues.append([])
        infos = [video.probe(v) for v in videos]
        durations = [i.duration for i in infos]
        lecture_cues = subtitles.lecture_cues(cues, durations)
        srt_path = folder / "lecture.srt"
        srt_path.write_text(subtitles.to_srt(lecture_cues), encoding="utf-8")
        chapters, start = [], 0.0
        for title, duration in zip(titles, durations):
            chapters.append(video.Chapter(title, start, start + duration))
            start += duration
        mp4 = folder / "lecture.mp4"
        video.join_videos(videos, chapters, srt_path, mp4, title, infos)
        return {
            "student": student,
            "mp4": mp4.read_bytes(),
            "srt": srt_path.read_bytes(),
            "vtt": subtitles.to_vtt(lecture_cues).encode("utf-8"),
            "duration": start,
        }
