"""``make class ROSTER=roster.csv``: every student's lecture, notebook and examples.

``python -m scenes.classroom ROSTER [--quality l]`` reads the roster (every bad line
named, nothing rendered), gives each student their examples, writes their example files
and notebook, the answer key and the index page, then renders what is missing or out of
date as Dask tasks (one per scene per student, one join per student) and writes the
results into ``media/class/<id>/`` as they come back.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import bpmath
from scenes.classroom import pages
from scenes.classroom.notebook import answers, personal_notebook
from scenes.classroom.personal import Personal, personal_examples, student_seed
from scenes.classroom.roster import RosterError, Student, read_roster
from scenes.classroom.tasks import NOT_FOR_A_CLASS, ROLES, TIMEOUT_VARIABLE

__all__ = ["ClassMember", "Outcome", "main", "plan_class", "run_class"]

ROOT = Path(__file__).resolve().parents[2]
PASSED_VARIABLES = (
    "NARRATION",
    "BACKPROP_VOICE",
    "BACKPROP_VOICE_THREADS",
    "BACKPROP_FAST_STILLS",
    TIMEOUT_VARIABLE,
)
"""The client's settings every render sees, whatever the worker's own environment (the
speech cache is the worker machine's own: :func:`scenes.classroom.tasks.cache_root`)."""
VOICE_NOTICE = (
    "note: VOICE_DIR is set, but the students' lectures use the synthetic voice: its"
    " recordings speak the default example's numbers, not each student's"
)
"""Printed by ``make class`` when ``VOICE_DIR`` is set (a class never uses it)."""
_OWN_FILES = "file:scenes/classroom/"


@dataclass
class ClassMember:
    """One student with their examples; ``tomls`` may be overridden (tests)."""

    student: Student
    personal: Personal
    tomls: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.tomls:
            self.tomls = {role: self.personal.toml(role) for role in ROLES}


@dataclass
class Outcome:
    """What a class run did: scenes rendered and up to date, students done and failed."""

    rendered: int = 0
    up_to_date: int = 0
    joined: int = 0
    failures: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    usage: list[dict] = field(default_factory=list)


def plan_class(students: Sequence[Student], class_seed: str = "") -> list[ClassMember]:
    """Each student's examples, checked against every scene's limits.

    Raises
    ------
    ValueError
        Naming the student and line if an example cannot be drawn or drawn legibly.
    """
    from scenes.kit.limits import check_drawable

    members = []
    for s in students:
        seed = s.seed if s.seed is not None else student_seed(s.id, class_seed)
        try:
            mine = personal_examples(seed, saturated=s.saturated, name=s.id)
            for role in ROLES:
                check_drawable(mine.example(role), role)
                mine.example(role).check_role(role)
        except (ValueError, RuntimeError) as exc:
            raise ValueError(f"line {s.line}: student {s.id}: {exc}") from None
        members.append(ClassMember(s, mine))
    return members


def _scene_dict(entry) -> dict:
    return {
        "step": entry.step,
        "module": entry.module,
        "name": entry.name,
        "title": entry.title,
        "path": entry.path,
    }


def _scene_inputs(entries, quality: str) -> dict[str, dict[str, str]]:
    """The runner's fingerprint inputs of each scene, without example files or recordings.

    A class uses neither: its examples are each student's, and it never uses
    ``VOICE_DIR`` (:data:`scenes.classroom.tasks.NOT_FOR_A_CLASS`).
    """
    from scenes.perf import fingerprint

    names = [bpmath.examples.environment_variable(r) for r in ROLES] + list(NOT_FOR_A_CLASS)
    saved = {name: os.environ.pop(name, None) for name in names}
    try:
        found = {
            e.module: fingerprint.inputs(ROOT, ROOT / e.path, quality, slides=False)
            for e in entries
        }
    finally:
        for name, value in saved.items():
            if value is not None:
                os.environ[name] = value
    # This package's client side (roster, pages, progress) draws nothing: editing it
    # must not re-render a class. Only the task that runs the render counts.
    for inputs in found.values():
        for key in [k for k in inputs if k.startswith(_OWN_FILES)]:
            if not key.endswith("/tasks.py"):
                del inputs[key]
    return found


COSTS_FILE = ".scene-costs.json"
"""In the class folder: each scene's render CPU seconds at each quality, last measured."""
JOIN_PRIORITY = 1_000_000
"""Above every scene's: a student's join runs as soon as their twelve scenes are done."""


def scene_key(entry) -> str:
    """A scene's name in :data:`COSTS_FILE`: ``module.Scene`` (one module may hold two)."""
    return f"{entry.module}.{entry.name}"


def _all_costs(class_dir: Path) -> dict[str, dict]:
    """:data:`COSTS_FILE` by quality; empty when missing or unreadable."""
    try:
        found = json.loads((class_dir / COSTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {q: c for q, c in found.items() if isinstance(c, dict)}


def read_costs(class_dir: Path, quality: str) -> dict[str, float]:
    """The CPU seconds each scene (:func:`scene_key`) took at ``quality`` in this class's last runs.

    Empty when unknown or unreadable: the history only orders the work.
    """
    try:
        return {str(k): float(v) for k, v in _all_costs(class_dir).get(quality, {}).items()}
    except (TypeError, ValueError):
        return {}


def write_costs(class_dir: Path, quality: str, usage: Sequence[dict], entries) -> None:
    """Remember the mean render CPU seconds of each scene rendered this run."""
    key_of = {e.step: scene_key(e) for e in entries}
    seen: dict[str, list[float]] = {}
    for u in usage:
        if u.get("cpu_seconds") and u.get("step") in key_of:
            seen.setdefault(key_of[u["step"]], []).append(float(u["cpu_seconds"]))
    if not seen:
        return
    found = _all_costs(class_dir)
    costs = found.get(quality, {})
    costs.update({m: round(sum(v) / len(v), 1) for m, v in seen.items()})
    found[quality] = costs
    _write(class_dir / COSTS_FILE, json.dumps(found, indent=1, sort_keys=True) + "\n")


def scene_priorities(entries, costs: dict[str, float]) -> dict[str, int]:
    """Each scene's (:func:`scene_key`) Dask priority within a student: dearest first.

    A scene without a measured cost keeps the lecture's order among those without one,
    after the measured ones; the last tasks of a class are then its cheapest, so the
    workers run out of work close together. Priorities are 0 to ``len(entries) - 1``.
    """
    order = sorted(
        range(len(entries)),
        key=lambda i: (-costs.get(scene_key(entries[i]), -1.0), i),
    )
    return {scene_key(entries[i]): len(entries) - 1 - rank for rank, i in enumerate(order)}


def _digest(found: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(found, sort_keys=True).encode()).hexdigest()


def _write(path: Path, data: bytes | str) -> None:
    """Write ``path`` under a temporary name, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    if isinstance(data, str):
        tmp.write_text(data, encoding="utf-8")
    else:
        tmp.write_bytes(data)
    os.replace(tmp, path)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return None


def write_student_files(folder: Path, member: ClassMember) -> None:
    """The example files and the notebook of one student (cheap: always rewritten)."""
    for role in ROLES:
        _write(folder / "examples" / f"{role}.toml", member.tomls[role])
    _write(folder / "backprop_by_hand.ipynb", personal_notebook(member.student.name))


def write_teacher_files(
    class_dir: Path, members: Sequence[ClassMember], failures: dict[str, str]
) -> None:
    """``answers.csv`` and ``index.html`` of the class folder."""
    rows = [
        pages.Row(
            m.student.id,
            m.student.name,
            m.personal.seed,
            answers(m.personal),
            failures.get(m.student.id, ""),
        )
        for m in members
    ]
    _write(class_dir / "answers.csv", pages.answers_csv(rows))
    _write(class_dir / "index.html", pages.index_html(rows))


def run_class(
    members: Sequence[ClassMember],
    quality: str,
    class_dir: Path,
    *,
    client_factory: Callable,
    entries: Sequence | None = None,
    log: Callable[[str], None] = print,
    progress: bool = True,
) -> Outcome:
    """Render what is missing or out of date for ``members`` and write it to ``class_dir``.

    ``client_factory()`` is a context manager giving a Dask client; it is entered only
    if something must be rendered. A failing scene fails its student only: the others
    complete, and :attr:`Outcome.failures` names each failed student's step and cause.
    """
    from scenes.lecture import SCENES

    entries = list(SCENES if entries is None else entries)
    started = time.perf_counter()
    outcome = Outcome()
    env = {k: os.environ[k] for k in PASSED_VARIABLES if k in os.environ}
    base = _scene_inputs(entries, quality)
    titles = [f"{e.step}. {e.title}" for e in entries]
    todo: list[tuple[ClassMember, Path, list, str]] = []
    for m in members:
        folder = class_dir / m.student.id
        write_student_files(folder, m)
        examples = {
            f"example:{r.upper()}": hashlib.sha256(m.tomls[r].encode()).hexdigest()
            for r in ROLES
        }
        scenes, digests = [], []
        for e in entries:
            digest = _digest({**base[e.module], **examples})
            video = folder / "scenes" / f"{e.step:02d}-{e.module}-{e.name}.mp4"
            current = _read(video.with_suffix(".fingerprint")) == digest and video.is_file()
            scenes.append((e, video, digest, current))
            digests.append(digest)
        lecture_digest = _digest({"scenes": digests, "titles": titles})
        lecture_current = _read(folder / ".lecture.fingerprint") == lecture_digest and all(
            (folder / n).is_file() for n in ("lecture.mp4", "lecture.srt", "lecture.vtt")
        )
        outcome.up_to_date += sum(s[3] for s in scenes)
        if not (lecture_current and all(s[3] for s in scenes)):
            todo.append((m, folder, scenes, lecture_digest))
    if not todo:
        log(f"all {len(members)} lecture(s) are up to date; nothing to render")
        outcome.seconds = time.perf_counter() - started
        return outcome
    priorities = scene_priorities(entries, read_costs(class_dir, quality))
    try:
        with client_factory() as client:
            _render(client, todo, quality, env, titles, outcome, log, progress, priorities)
    finally:
        write_costs(class_dir, quality, outcome.usage, entries)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _render(client, todo, quality, env, titles, outcome, log, progress, priorities) -> None:
    """Submit every task and write each result as it comes back.

    Students go in roster order and each student's scenes dearest first (``priorities``,
    below the roster's); a join outranks every scene, so each lecture is finished and
    announced as soon as its scenes are, not at the end.
    """
    from distributed import as_completed
    from tqdm import tqdm

    from scenes.classroom.cluster import dashboard
    from scenes.classroom.tasks import join_lecture, render_scene
    from scenes.publish.build import TITLE

    link = dashboard(client)
    if link:
        log(f"Dask dashboard: {link}")
    info = client.scheduler_info()
    log(f"Dask scheduler {info.get('address', '?')}: {len(info.get('workers', {}))} worker(s)")
    what: dict = {}  # future -> ("scene", member, entry, video, digest) | ("join", ...)
    for rank, (m, folder, scenes, lecture_digest) in enumerate(todo):
        # Earlier students first; within a student, the dearest scene first.
        student_priority = (len(todo) - rank) * len(priorities)
        sid = m.student.id
        parts = []
        for e, video, digest, current in scenes:
            if current:
                srt = video.with_suffix(".srt")
                parts.append(
                    {
                        "video": video.read_bytes(),
                        "captions": srt.read_bytes() if srt.is_file() else None,
                    }
                )
                continue
            future = client.submit(
                render_scene, sid, _scene_dict(e), quality, m.tomls, env,
                key=f"scene-{sid}-{e.step:02d}-{digest[:12]}", retries=1, pure=False,
                priority=student_priority + priorities.get(scene_key(e), 0),
            )
            what[future] = ("scene", m, e, video, digest)
            parts.append(future)
        future = client.submit(
            join_lecture, sid, titles, parts, TITLE,
            key=f"lecture-{sid}-{lecture_digest[:12]}", retries=1, pure=False,
            priority=JOIN_PRIORITY,
        )
        what[future] = ("join", m, None, folder, lecture_digest)
    bar = tqdm(total=len(what), desc="class", unit="task", disable=not progress, file=sys.stdout)
    say = bar.write if progress else log
    try:
        for future in as_completed(list(what), loop=client.loop):
            kind, m, e, path, digest = what.pop(future)
            sid = m.student.id
            bar.update(1)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a task's own error, named below
                if kind == "scene":
                    outcome.failures.setdefault(sid, str(exc))
                    say(f"FAILED {exc}")
                else:
                    outcome.failures.setdefault(sid, f"student {sid}: lecture not joined: {exc}")
                continue
            if kind == "scene":
                _write(path, result["video"])
                srt = path.with_suffix(".srt")
                if result["captions"] is not None:
                    _write(srt, result["captions"])
                else:
                    srt.unlink(missing_ok=True)
                _write(path.with_suffix(".fingerprint"), digest + "\n")
                outcome.rendered += 1
                outcome.usage.append(
                    {
                        k: result.get(k)
                        for k in ("student", "step", "seconds", "cpu_seconds", "peak_rss", "task_rss", "host")
                    }
                )
            else:
                for name, key in (("lecture.mp4", "mp4"), ("lecture.srt", "srt"), ("lecture.vtt", "vtt")):
                    _write(path / name, result[key])
                _write(path / ".lecture.fingerprint", digest + "\n")
                outcome.joined += 1
                say(f"student {sid} ({m.student.name}): lecture done, {result['duration']:.0f} s -> {path / 'lecture.mp4'}")
            del future
    finally:
        bar.close()


def default_workers() -> int:
    """``JOBS`` or the cores this process may use, as ``make video`` counts them.

    Raises
    ------
    ValueError
        If ``JOBS`` is not a whole number of at least 1 (:func:`scenes.render.default_jobs`).
    """
    from scenes.render import default_jobs

    return default_jobs()


def main(argv: list[str] | None = None) -> int:
    """Run ``make class``; return the exit status (1 when any student failed)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roster", type=Path, help="CSV with columns id,name[,seed]")
    parser.add_argument("--quality", "-q", choices=("l", "m", "h", "p", "k"), default="h")
    parser.add_argument("--scheduler", default=os.environ.get("SCHEDULER") or None)
    parser.add_argument("--workers", type=int, default=None, help="local workers (default: cores)")
    parser.add_argument("--class-dir", type=Path, default=ROOT / "media" / "class")
    parser.add_argument("--only", help="comma-separated storyboard steps (drafts)")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    from scenes.classroom.cluster import ClusterError, check_scheduler, open_client

    try:
        workers = args.workers or (None if args.scheduler else default_workers())
    except ValueError as exc:
        print(f"error: {exc}; nothing was rendered", file=sys.stderr)
        return 2
    try:
        students = read_roster(args.roster)
        if args.scheduler:  # named within seconds, before the scenes are even imported
            check_scheduler(args.scheduler)
        members = plan_class(students, os.environ.get("CLASS_SEED", ""))
    except RosterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ClusterError as exc:
        print(exc, file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"error: {args.roster}: {exc}; nothing was rendered", file=sys.stderr)
        return 2
    from scenes.render import select_entries

    entries = select_entries(args.only)
    where = args.scheduler or f"a local cluster of {workers} single-threaded worker(s)"
    print(f"{len(members)} student(s), {len(entries)} scene(s) each, at -q{args.quality}, on {where}")
    if os.environ.get("VOICE_DIR"):
        print(VOICE_NOTICE)
    try:
        outcome = run_class(
            members, args.quality, args.class_dir,
            client_factory=lambda: open_client(args.scheduler, workers or 1),
            entries=entries, progress=not args.no_progress,
        )
    except ClusterError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        write_teacher_files(args.class_dir, members, {})
    write_teacher_files(args.class_dir, members, outcome.failures)
    print(
        f"\n{outcome.rendered} scene(s) rendered, {outcome.up_to_date} up to date,"
        f" {outcome.joined} lecture(s) joined, in {outcome.seconds:.0f} s"
    )
    if outcome.usage:
        cpu = sum(u["cpu_seconds"] or 0 for u in outcome.usage)
        peak = max(u["peak_rss"] or 0 for u in outcome.usage)
        print(
            f"rendering used {cpu:.0f} CPU-s; the largest scene render peaked at"
            f" {peak / 2**20:.0f} MB"
        )
    print(f"index: {args.class_dir / 'index.html'}\nanswer key: {args.class_dir / 'answers.csv'}")
    if outcome.failures:
        print(f"\n{len(outcome.failures)} student(s) failed:", file=sys.stderr)
        for why in outcome.failures.values():
            print(f"  {why}", file=sys.stderr)
        return 1
    return 0
