"""Render the lecture's scenes: ``python -m scenes.render --quality h``.

This is what ``make video`` (``-qh``, 1080p60) and ``make preview`` (``-ql``) run. It
checks the examples first (a bad ``BPMATH_<ROLE>`` file stops everything before any
rendering), then renders the scenes of :data:`scenes.lecture.SCENES` that are out of
date, several at a time (``--jobs``, default ``JOBS`` or the number of cores), each with
the ``manim`` command in its own process, printing a progress line per scene and the
output paths at the end. ``--force`` renders even the scenes that are up to date.

Other tools (``make lecture``) call :func:`render_scenes`, which renders only what is
missing or out of date and returns where each video is; ``make class`` calls
:func:`render_scene`, which renders one scene now in exactly the environment it is given.

Every render is one fresh process in a session (process group) of its own: on a timeout,
an error or an interruption the whole group is killed (the render, its LaTeX, ffmpeg,
speech), and on Linux the render is also killed if the thread that started it dies with
its process (a Dask worker killed by its nanny). Importing this module does not import
Manim: the render process does, and the commands that need it (``main``,
:func:`check_examples`, the default list of scenes) import it when they run.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import bpmath
from scenes.perf import fingerprint, placement
from scenes.perf.usage import Split, Usage, parse_split

if TYPE_CHECKING:
    from scenes.lecture import SceneEntry

__all__ = [
    "QUALITIES",
    "RenderedScene",
    "SceneRenderError",
    "check_examples",
    "default_jobs",
    "main",
    "output_path",
    "render_scene",
    "render_scenes",
    "select_entries",
]

RESOLUTION_DIRS = {
    "l": "480p15",
    "m": "720p30",
    "h": "1080p60",
    "p": "1440p60",
    "k": "2160p60",
}
QUALITIES = tuple(RESOLUTION_DIRS)
"""The ``-q`` letters Manim knows: low, medium, high, 1440p, 4k."""
ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.1
"""How often a running render is checked for its timeout and for a stop request."""


def __getattr__(name: str) -> Any:
    """``SCENES`` and ``SceneEntry`` (:mod:`scenes.lecture`, which imports Manim), on demand."""
    if name in ("SCENES", "SceneEntry"):
        from scenes import lecture

        return getattr(lecture, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class RenderedScene:
    """Where one scene's video is, and whether this run had to render it.

    ``seconds`` is the wall time of its render (0 when up to date); ``cpu_seconds`` and
    ``peak_rss`` (bytes) are the rendering process's CPU time and largest resident size,
    when it was rendered; ``split`` says where that CPU time went (stills, joining,
    narration), as the render reported it.
    """

    entry: SceneEntry
    quality: str
    video: Path
    rendered: bool
    seconds: float
    cpu_seconds: float | None = None
    peak_rss: int | None = None
    split: Split | None = None


class SceneRenderError(RuntimeError):
    """``manim`` failed on one scene; ``log`` holds the end of its output."""

    def __init__(self, entry: SceneEntry, log: str) -> None:
        super().__init__(
            f"step {entry.step} ({entry.name}, {entry.path}) failed to render:\n{log}"
        )
        self.entry = entry
        self.log = log


def output_path(
    entry: SceneEntry, quality: str, media_dir: Path = ROOT / "media"
) -> Path:
    """Where ``manim`` writes the video of ``entry`` at ``quality``."""
    return (
        media_dir
        / "videos"
        / entry.module
        / RESOLUTION_DIRS[quality]
        / f"{entry.name}.mp4"
    )


def check_examples(log: Callable[[str], None] = print) -> None:
    """Stop with a clear message (``SystemExit``) if a user's example file is bad."""
    from scenes.kit.limits import check_drawable

    for role in bpmath.examples.ROLES:
        source = os.environ.get(bpmath.examples.environment_variable(role))
        try:
            check_drawable(bpmath.examples.get(role), role)
        except (ValueError, TypeError) as exc:
            raise SystemExit(
                f"error: the {role} example is not usable: {exc}"
            ) from None
        if source:
            log(f"using {source} as the {role} example")


def _check_quality(quality: str) -> None:
    if quality not in RESOLUTION_DIRS:
        raise ValueError(
            f"unknown quality {quality!r}: use one of {', '.join(QUALITIES)}"
            " (l = 480p15, m = 720p30, h = 1080p60, p = 1440p60, k = 2160p60)"
        )


def _slides_enabled() -> bool:
    """Whether scenes are manim-slides ``Slide`` objects, by ``kit.beats``'s own rule."""
    from manim import Scene

    from scenes.kit.beats import _base_scene

    return _base_scene() is not Scene


def default_jobs() -> int:
    """``JOBS`` from the environment, else the number of cores this process may use.

    Raises
    ------
    ValueError
        If ``JOBS`` is set but not a whole number of at least 1 (``make class`` refuses
        it with the same message).
    """
    raw = os.environ.get("JOBS", "").strip()
    if raw:
        try:
            jobs = int(raw)
        except ValueError:
            raise ValueError(f"JOBS={raw!r} is not a whole number") from None
        if jobs < 1:
            raise ValueError(f"JOBS={raw!r}: at least one process is needed")
        return jobs
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1
    )


@dataclass(frozen=True)
class _Job:
    """Where one scene renders and where its files end up.

    ``env`` is the render process's whole environment (None: this process's, with the
    shared speech cache of ``media_dir``); ``timeout`` (seconds) and ``stop`` (asked
    every :data:`POLL_SECONDS`) end the render, its process group killed.
    """

    entry: SceneEntry
    quality: str
    media_dir: Path
    slides: bool
    env: Mapping[str, str] | None = field(default=None, compare=False)
    timeout: float | None = field(default=None, compare=False)
    stop: Callable[[], bool] | None = field(default=None, compare=False)

    @property
    def video(self) -> Path:
        return output_path(self.entry, self.quality, self.media_dir)

    @property
    def stamp(self) -> Path:
        return self.video.with_name(f".{self.entry.name}.fingerprint")

    @property
    def slides_dir(self) -> Path:
        """Where the scene's deck goes: ``kit.beats.slides_folder`` of ``media_dir``."""
        from scenes.kit.beats import slides_folder

        return slides_folder(RESOLUTION_DIRS[self.quality], self.media_dir)

    @property
    def slide_deck(self) -> Path:
        return self.slides_dir / f"{self.entry.name}.json"

    def fingerprint(self) -> str:
        return fingerprint.fingerprint(
            ROOT, ROOT / self.entry.path, self.quality, slides=self.slides
        )

    @property
    def captions(self) -> Path:
        return self.video.with_suffix(".srt")

    def last_cpu_seconds(self) -> float:
        """CPU seconds of the last render (from the stamp), 0 if unknown."""
        try:
            return float(self.stamp.read_text(encoding="utf-8").split()[1])
        except (OSError, IndexError, ValueError):
            return 0.0

    def up_to_date(self, digest: str) -> bool:
        """The stored fingerprint is ``digest`` and every output of that render is there.

        The stamp is written last, so a video newer than it was made since by something
        else (plain ``manim``, perhaps without slides or captions): render again. The
        captions count when that render wrote them (the stamp says so; a scene without
        notes has none).
        """
        try:
            stored, _, *made = self.stamp.read_text(encoding="utf-8").split()
            stamped = self.stamp.stat().st_mtime
        except (OSError, ValueError):
            return False
        if stored != digest or not self.video.is_file():
            return False
        if self.video.stat().st_mtime > stamped:
            return False
        needed = [self.slide_deck] if self.slides else []
        needed += [self.captions] if "captions" in made else []
        return all(p.is_file() for p in needed)


STAGING_PREFIX = ".rendering-"
"""Staging folders are ``<media>/.rendering-<pid>-<module>-<quality>-<random>``."""


def _remove_abandoned_staging(media_dir: Path) -> None:
    """Delete staging folders whose runner process is gone (a killed run's leftovers)."""
    for folder in media_dir.glob(f"{STAGING_PREFIX}*"):
        pid = folder.name[len(STAGING_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not placement.alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _move_deck(staged: Path, job: _Job) -> None:
    """Move the deck rendered under ``staged`` (a slides folder) to ``job.slides_dir``.

    manim-slides records each slide's file by absolute path, so the staged folder's
    prefix is replaced by the final one in the deck; the deck is written last.
    """
    name = job.entry.name
    deck = json.loads((staged / f"{name}.json").read_text(encoding="utf-8"))
    old, new = str(staged), str(job.slides_dir)
    for slide in deck.get("slides", []):
        for key in ("file", "rev_file"):
            value = slide.get(key)
            if isinstance(value, str) and value.startswith(old):
                slide[key] = new + value[len(old) :]
    placement.replace_dir(staged / "files" / name, job.slides_dir / "files" / name)
    placement.write_text_atomically(job.slide_deck, json.dumps(deck, indent=2))


class _StoppedError(Exception):
    """The render was stopped (timeout or stop request); its process group is killed."""


if sys.platform.startswith("linux"):
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
    _PR_SET_PDEATHSIG = 1

    def _die_with_parent(parent: int) -> Callable[[], None]:
        """In the child before ``exec``: SIGKILL when the thread that started it dies."""

        def set_up() -> None:
            _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            if os.getppid() != parent:  # the parent died before the line above
                os._exit(137)

        return set_up

else:  # pragma: no cover - the group is still killed on timeout, error and stop

    def _die_with_parent(parent: int) -> None:
        return None


def _kill_group(pgid: int) -> None:
    """SIGKILL every process left in process group ``pgid``."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def run_in_group(
    cmd: Sequence[str],
    *,
    timeout: float | None = None,
    stop: Callable[[], bool] | None = None,
    **popen: Any,
) -> tuple[int, Usage]:
    """Run ``cmd`` (``subprocess.Popen`` keywords) in a session of its own, to the end.

    Whatever happens, nothing it started outlives it: when it exits, on ``timeout``
    (seconds, raises :class:`subprocess.TimeoutExpired`), when ``stop()`` says so
    (raises :class:`_StoppedError`) and on any exception here (an interruption), its whole
    process group is killed. On Linux it is also killed (``PR_SET_PDEATHSIG``) if the
    thread that started it dies, e.g. with its process.

    Returns
    -------
    tuple of (int, Usage)
        The exit code, and the process's own usage with that of the children it waited
        for (``wait4``), as :func:`scenes.perf.usage.run_measured` measures it.
    """
    proc = subprocess.Popen(
        list(cmd), start_new_session=True, preexec_fn=_die_with_parent(os.getpid()), **popen
    )
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        # WNOWAIT: the exited leader stays a zombie, so its group id cannot be reused
        # before the group is killed below.
        while os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(list(cmd), timeout)
            if stop is not None and stop():
                raise _StoppedError("stopped")
            time.sleep(POLL_SECONDS)
    finally:
        _kill_group(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports ru_maxrss in kilobytes.
    return proc.returncode, Usage(usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)


def _child_environment(job: _Job) -> dict[str, str]:
    """The render process's environment: ``job.env``, else this process's own."""
    if job.env is not None:
        env = dict(job.env)
    else:
        from scenes.narration import runner as narration

        env = dict(os.environ)
        env.update(narration.scene_environment(job.media_dir))
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p
    )
    return env


def _render_one(
    job: _Job, digest: str | None, log: Callable[[str], None]
) -> tuple[Usage, Split]:
    """Render ``job`` in a staging folder, then move its files into place.

    Manim writes everything (partial movies, the video, its captions, the slide deck)
    under ``<media>/.<module>-<quality>-*/media``, sharing only the LaTeX and Pango
    caches of ``<media>``; the finished files are moved where plain ``manim`` puts them.
    ``digest`` None writes no fingerprint stamp (the caller keeps its own).
    """
    entry = job.entry
    job.media_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(
            prefix=f"{STAGING_PREFIX}{os.getpid()}-{entry.module}-{job.quality}-",
            dir=job.media_dir,
        )
    )
    staged = _Job(entry, job.quality, staging / "media", job.slides)
    output = staging / "manim.log"

    def tail(lines: int = 30) -> str:
        try:
            text = output.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        return "\n".join(text.splitlines()[-lines:])

    try:
        # Read as the folder-wide manim.cfg (cwd), beside the project's --config_file.
        (staging / "manim.cfg").write_text(
            "[CLI]\n"
            f"tex_dir = {job.media_dir / 'Tex'}\n"
            f"text_dir = {job.media_dir / 'texts'}\n",
            encoding="utf-8",
        )
        cmd = [
            sys.executable,
            "-m",
            "scenes.perf.worker",
            "render",
            f"-q{job.quality}",
            "--progress_bar",
            "none",
            # The play-call cache costs a hash of every mobject per play (15 % of a
            # render) and buys nothing here: an unchanged scene is not rendered at all.
            "--disable_caching",
            "--config_file",
            str(ROOT / "manim.cfg"),
            "--media_dir",
            str(staged.media_dir),
            str(ROOT / entry.path),
            entry.name,
        ]
        env = _child_environment(job)
        if job.env is None:  # the runner's own renders show their speech's progress
            from scenes.narration import runner as narration

            watch = narration.follow(output, lambda line: log(f"  {entry.name}: {line}"))
        else:
            watch = contextlib.nullcontext()
        try:
            with output.open("w", encoding="utf-8") as out, watch:
                returncode, usage = run_in_group(
                    cmd, cwd=staging, env=env, stdout=out, stderr=out,
                    timeout=job.timeout, stop=job.stop,
                )
        except subprocess.TimeoutExpired:
            raise SceneRenderError(
                entry,
                f"{tail()}\nerror: timed out after {job.timeout:g} s; the render and"
                " every process it started were killed",
            ) from None
        except _StoppedError:
            raise SceneRenderError(
                entry,
                f"{tail()}\nerror: stopped (cancelled); the render and every process it"
                " started were killed",
            ) from None
        text = output.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            if line.startswith("notice:"):
                log(f"  {entry.name}: {line}")
        if returncode != 0:
            raise SceneRenderError(entry, "\n".join(text.splitlines()[-30:]))
        if not staged.video.is_file():
            raise SceneRenderError(entry, f"manim wrote no video at {staged.video}")
        if job.slides and not staged.slide_deck.is_file():
            raise SceneRenderError(entry, f"manim-slides wrote no deck {staged.slide_deck}")
        # Everything is complete: move it where plain manim puts it.
        placement.replace_file(staged.video, job.video)
        has_captions = staged.video.with_suffix(".srt").is_file()
        if has_captions:
            placement.replace_file(staged.video.with_suffix(".srt"), job.captions)
        else:
            job.captions.unlink(missing_ok=True)  # a stale file would describe old frames
        if job.slides:
            _move_deck(staged.slides_dir, job)
        # Written last (up_to_date relies on it). The CPU time orders the next run: the
        # longest scenes start first.
        if digest is not None:
            placement.write_text_atomically(
                job.stamp,
                f"{digest}\n{usage.cpu_seconds:.1f}\n{'captions' if has_captions else ''}\n",
            )
        return usage, parse_split(text)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def render_scenes(
    entries: Sequence[SceneEntry] | None = None,
    quality: str = "h",
    *,
    log: Callable[[str], None] = print,
    jobs: int | None = None,
    force: bool = False,
    media_dir: Path | None = None,
) -> list[RenderedScene]:
    """Render what is out of date among ``entries`` (default: the whole lecture).

    Scenes render in parallel processes, at most ``jobs`` at a time. A scene whose
    fingerprint (:mod:`scenes.perf.fingerprint`) matches the one stored at its last
    render, and whose files are all there, is not rendered again. Each scene's files
    (video, captions, slide deck) are written under temporary names and moved into place
    only when complete. Prints a progress line per scene through ``log``.

    Parameters
    ----------
    entries : sequence of SceneEntry, optional
        The scenes; default :data:`scenes.lecture.SCENES`.
    quality : str
        Manim's quality letter (see :data:`QUALITIES`).
    log : callable
        Receives the progress lines.
    jobs : int, optional
        Processes at a time; default :func:`default_jobs` (``JOBS`` or the cores).
    force : bool
        Render even the scenes that are up to date.
    media_dir : Path, optional
        Where videos, captions and slide decks go (``videos/<module>/<res>/`` and
        ``slides/<res>/``); default the project's ``media/``, where plain ``manim`` run
        from the project root puts them.

    Returns
    -------
    list of RenderedScene
        One per entry, in the order given.

    Raises
    ------
    ValueError
        If ``quality`` is not a Manim quality letter, or ``jobs`` is below 1.
    SceneRenderError
        If a scene fails; it names the scene and holds the end of Manim's output. The
        scenes already running are finished first; none not yet started is begun.
    """
    _check_quality(quality)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs={jobs}: at least one process is needed")
    if entries is None:
        from scenes.lecture import SCENES

        entries = SCENES
    entries = list(entries)
    media_dir = (ROOT / "media" if media_dir is None else Path(media_dir)).resolve()
    media_dir.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_staging(media_dir)
    slides = _slides_enabled()
    work = [_Job(e, quality, media_dir, slides) for e in entries]
    results: dict[int, RenderedScene] = {}
    lock = threading.Lock()
    count = 0

    def report(i: int, scene: RenderedScene) -> None:
        nonlocal count
        with lock:
            count += 1
            results[i] = scene
            what = (
                f"rendered in {scene.seconds:.1f} s" if scene.rendered else "up to date"
            )
            log(
                f"[{count}/{len(work)}] step {scene.entry.step}: {scene.entry.title}"
                f" ({scene.entry.name}) {what}"
            )

    pending: list[tuple[int, _Job, str]] = []
    for i, job in enumerate(work):
        digest = job.fingerprint()
        if not force and job.up_to_date(digest):
            report(i, RenderedScene(job.entry, quality, job.video, False, 0.0))
        else:
            pending.append((i, job, digest))
    # Longest first (by the last render's CPU time), so no process is left with a long
    # scene at the end while the other cores idle; unknown ones keep the lecture order.
    pending.sort(key=lambda p: -p[1].last_cpu_seconds())

    def run(i: int, job: _Job, digest: str) -> None:
        t0 = time.perf_counter()
        usage, split = _render_one(job, digest, log)
        seconds = time.perf_counter() - t0
        report(
            i,
            RenderedScene(
                job.entry, quality, job.video, True, seconds, *astuple(usage), split
            ),
        )

    failures: list[tuple[int, BaseException]] = []
    if pending:
        with ThreadPoolExecutor(max_workers=min(jobs, len(pending))) as pool:
            futures = {pool.submit(run, *p): p[0] for p in pending}
            for future in as_completed(futures):
                if future.cancelled():  # not started: another scene failed first
                    continue
                exc = future.exception()
                if exc is not None:
                    failures.append((futures[future], exc))
                    for other in futures:
                        other.cancel()
    if failures:
        raise min(failures, key=lambda f: f[0])[1]
    return [results[i] for i in range(len(work))]


def render_scene(
    entry: SceneEntry,
    quality: str,
    media_dir: Path,
    env: Mapping[str, str],
    *,
    slides: bool = False,
    timeout: float | None = None,
    stop: Callable[[], bool] | None = None,
    log: Callable[[str], None] = print,
) -> RenderedScene:
    """Render ``entry`` now, in one fresh process whose environment is exactly ``env``.

    The runner's render of one scene (staging folder, files moved into place when
    complete, the process group killed whatever happens) without its up-to-date check
    or fingerprint stamp: for callers that keep their own (``make class``). Manim is
    imported by the render process only, not here.

    Parameters
    ----------
    env : mapping
        The render process's whole environment (``BPMATH_<ROLE>`` files, narration
        settings and cache...); ``PYTHONPATH`` gets the project root in front.
    slides : bool
        Whether the scene makes a slide deck (``env`` must agree: see ``kit.beats``).
    timeout : float, optional
        Seconds before the render is killed (:class:`SceneRenderError`).
    stop : callable, optional
        Asked every :data:`POLL_SECONDS`; True kills the render (:class:`SceneRenderError`).
    log : callable
        Receives the render's ``notice:`` lines.

    Raises
    ------
    SceneRenderError
        If the render fails, times out or is stopped; its ``log`` ends with why.
    """
    _check_quality(quality)
    media_dir = Path(media_dir).resolve()
    job = _Job(entry, quality, media_dir, slides, dict(env), timeout, stop)
    started = time.perf_counter()
    usage, split = _render_one(job, None, log)
    return RenderedScene(
        entry, quality, job.video, True, time.perf_counter() - started, *astuple(usage), split
    )


def select_entries(only: str | None) -> list[SceneEntry]:
    """The lecture's scenes named by ``--only`` ("3,9": storyboard steps), else all.

    An unknown step stops the command with its number (``SystemExit``).
    """
    from scenes.lecture import SCENES

    if not only:
        return list(SCENES)
    wanted = {int(s) for s in only.split(",")}
    unknown = sorted(wanted - {e.step for e in SCENES})
    if unknown:
        raise SystemExit(f"error: --only names unknown step(s) {unknown}")
    return [e for e in SCENES if e.step in wanted]


def main(argv: list[str] | None = None) -> int:
    """Render the selected scenes; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", "-q", choices=QUALITIES, default="h")
    parser.add_argument("--only", help="comma-separated storyboard steps, e.g. 1,4,5")
    parser.add_argument(
        "--jobs", "-j", type=int, help="scenes rendered at a time (default: JOBS or cores)"
    )
    parser.add_argument(
        "--force", action="store_true", help="render even the scenes that are up to date"
    )
    args = parser.parse_args(argv)
    from scenes.narration import runner as narration

    # A kill (make's, a CI timeout's) unwinds like Ctrl-C: staging folders are removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    check_examples()
    entries = select_entries(args.only)
    # Every recording of VOICE_DIR is checked here, before any scene starts: a bad one
    # ends the command (RecordingError, a SystemExit) with one line per bad file.
    voices = narration.check_narration(entries)
    started = time.perf_counter()
    try:
        done = render_scenes(entries, args.quality, jobs=args.jobs, force=args.force)
    except (SceneRenderError, ValueError) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    fresh = sum(scene.rendered for scene in done)
    print(
        f"\n{len(done)} scene(s), {fresh} rendered, in"
        f" {time.perf_counter() - started:.0f} s:"
    )
    for scene in done:
        print(f"  {scene.video.relative_to(ROOT)}")
    if voices is not None and voices.folder is not None:
        print(voices.total())
    return 0


if __name__ == "__main__":
    sys.exit(main())
