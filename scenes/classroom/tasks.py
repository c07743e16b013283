"""The two kinds of Dask task of a class: one scene of one student, one student's lecture.

Both are plain functions of plain data (strings, dicts, bytes) returning plain data, so
they run on any worker and their results travel back to the client: a worker needs the
project installed, not the client's ``media/`` folder.

:func:`render_scene` runs the render runner (:func:`scenes.render.render_scenes`, one
scene) in a fresh process with the student's ``BPMATH_<ROLE>`` files and a media folder
of its own, so no task sees another's Manim configuration; only the LaTeX, text and
speech caches (content-addressed) are shared between the tasks of one machine.
:func:`join_lecture` joins a student's scene videos as ``make lecture`` does: chapters,
captions (``.srt``, ``.vtt`` and a subtitle track) and one sound track.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["SceneTaskError", "cache_root", "join_lecture", "render_scene"]

ROLES = ("chain", "wide", "training")
SCENE_TIMEOUT = 3600
"""Seconds one scene may take before its task fails."""


class SceneTaskError(RuntimeError):
    """One student's scene failed: names the student, the step and the cause."""

    def __init__(self, student: str, step: int, name: str, cause: str, log: str = "") -> None:
        super().__init__(f"student {student}: step {step} ({name}) failed: {cause}")
        self.student, self.step, self.name, self.cause, self.log = (
            student, step, name, cause, log,
        )

    def __reduce__(self):  # travel back from a worker intact
        return (SceneTaskError, (self.student, self.step, self.name, self.cause, self.log))


def cache_root() -> Path:
    """The caches shared by this machine's tasks: ``CLASS_CACHE`` or a temp folder."""
    default = Path(tempfile.gettempdir()) / f"backprop-class-cache-{os.getuid()}"
    return Path(os.environ.get("CLASS_CACHE") or default)


def _cause(log: str) -> str:
    """The line of a failed render that says why: the exception, else the last line."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    for line in reversed(lines):
        head = line.split(":", 1)[0]
        if head.endswith(("Error", "Exception", "Interrupt")) or head == "error":
            return line
    return lines[-1] if lines else "no output"


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
        ``cpu_seconds``, ``peak_rss`` (the render's, as the runner measures it),
        ``task_rss`` (the peak of this task's own process around the runner), ``host``.

    Raises
    ------
    SceneTaskError
        If the render fails: the student, the step and the cause.
    """
    from scenes.render import RESOLUTION_DIRS

    started = time.perf_counter()
    caches = cache_root()
    with tempfile.TemporaryDirectory(prefix=f"class-{student}-{entry['module']}-") as tmp:
        folder = Path(tmp)
        variables = {**os.environ, **(env or {})}
        (folder / "examples").mkdir()
        for role in ROLES:
            path = folder / "examples" / f"{role}.toml"
            path.write_text(tomls[role], encoding="utf-8")
            variables[f"BPMATH_{role.upper()}"] = str(path)
        media = folder / "media"
        media.mkdir()
        for name in ("Tex", "texts", "narration"):
            (caches / name).mkdir(parents=True, exist_ok=True)
            (media / name).symlink_to(caches / name, target_is_directory=True)
        variables["BACKPROP_PLAIN_SCENES"] = "1"  # no slide deck: not part of a class
        cmd = [
            sys.executable, "-m", "scenes.classroom.tasks",
            "--quality", quality, "--media-dir", str(media), "--entry", json.dumps(entry),
        ]
        try:
            proc = subprocess.run(
                cmd, cwd=folder, env=variables, capture_output=True, text=True,
                timeout=SCENE_TIMEOUT, check=False,
            )
        except subprocess.TimeoutExpired:
            raise SceneTaskError(
                student, entry["step"], entry["name"], f"timed out after {SCENE_TIMEOUT} s"
            ) from None
        log = proc.stdout + proc.stderr
        if proc.returncode != 0:
            raise SceneTaskError(student, entry["step"], entry["name"], _cause(log), log[-4000:])
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        video = media / "videos" / entry["module"] / RESOLUTION_DIRS[quality] / f"{entry['name']}.mp4"
        srt = video.with_suffix(".srt")
        return {
            "student": student,
            "step": entry["step"],
            "video": video.read_bytes(),
            "captions": srt.read_bytes() if srt.is_file() else None,
            "seconds": time.perf_counter() - started,
            "cpu_seconds": result["cpu_seconds"],
            "peak_rss": result["peak_rss"],
            "task_rss": result.get("task_rss"),
            "host": os.uname().nodename,
        }


def join_lecture(student: str, titles: list[str], parts: list[dict]) -> dict:
    """Join one student's scenes (results of :func:`render_scene`, in order) into a lecture.

    Returns ``lecture.mp4``, ``lecture.srt`` and ``lecture.vtt`` as bytes (``mp4``,
    ``srt``, ``vtt``) and the lecture's ``duration`` in seconds.
    """
    from scenes.publish import subtitles, video
    from scenes.publish.build import TITLE

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
        video.join_videos(videos, chapters, srt_path, mp4, TITLE, infos)
        return {
            "student": student,
            "mp4": mp4.read_bytes(),
            "srt": srt_path.read_bytes(),
            "vtt": subtitles.to_vtt(lecture_cues).encode("utf-8"),
            "duration": start,
        }


def _main(argv: list[str] | None = None) -> int:
    """One scene through the runner, in this fresh process; the last line is JSON."""
    parser = argparse.ArgumentParser(description=_main.__doc__)
    parser.add_argument("--quality", required=True)
    parser.add_argument("--media-dir", required=True, type=Path)
    parser.add_argument("--entry", required=True, help="the scene as JSON")
    args = parser.parse_args(argv)
    fields = json.loads(args.entry)

    from dataclasses import dataclass

    from scenes.lecture import SceneEntry
    from scenes.render import check_examples, render_scenes

    @dataclass(frozen=True)
    class Entry(SceneEntry):
        file: str = ""

        @property
        def path(self) -> str:
            return self.file

    entry = Entry(fields["step"], fields["module"], fields["name"], fields["title"], fields["path"])
    check_examples(log=lambda line: None)
    done = render_scenes(
        [entry], args.quality, jobs=1, force=True, media_dir=args.media_dir,
        log=lambda line: print(line, file=sys.stderr),
    )[0]
    import resource

    task_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps(
        {"cpu_seconds": done.cpu_seconds, "peak_rss": done.peak_rss, "task_rss": task_rss}
    ))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
