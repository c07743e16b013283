"""Benchmark make class (issue 21): scaling over Dask workers, and Dask's overhead.

``make bench-class`` (or ``python tools/bench_class.py``) writes a roster of its own
(``--students`` N, ids ``s1``..``sN``, seed ``i`` for ``si``) and renders that class at
``--quality`` (default ``l``) with the stand-in voice (``NARRATION=on
BACKPROP_VOICE=stand-in``: every beat timed and captioned, no Piper):

1. **Scaling.** Through :func:`scenes.classroom.run.run_class`, exactly as ``make class``
   (one task per scene per student, one join per student), on a local cluster of each
   count in ``--workers`` (default ``1,2``): wall time, CPU time, and the peak memory
   of each worker. Target: 2 workers at >= 1.8x the speed of 1, <= 1.5 GB per worker.
2. **Overhead.** The same renders through ``make video``'s runner
   (:func:`scenes.render.render_scenes`, ``--force``) with ``--runner-jobs`` at a time
   (default: the largest worker count), one student after the other, each student's
   numbers given as ``BPMATH_<ROLE>`` files; each student's scenes are then joined by
   the same function as the class's join task. Both sides include the joins. Dask's
   overhead is its wall time over the runner's (target <= 5 %).

Every run starts from empty output: a fresh media folder (runner), a fresh class folder
and class cache (Dask), an empty speech cache. The LaTeX and Pango caches (``Tex``,
``texts``) are warmed once before any timed run, by dry runs of every scene for every
student (:mod:`scenes.narration.script`), and copied into each run's fresh cache, so
every run starts from the same cache; ``--cold-tex`` starts every run with them empty
instead. Slide decks are not rendered on either side (``BACKPROP_PLAIN_SCENES=1``, as a
class task does).

**How it measures.** Each run is one child process (a fresh Python), reaped with
``wait4`` as :func:`scenes.perf.usage.run_measured` (the runner's measure) does: wall
time around it, and CPU time (user + system) of the child and every process under it
(client, scheduler, worker processes, each render and its ``ffmpeg``/LaTeX), as
``wait4`` reports it. Peak memory is resident size (RSS) from ``getrusage``, the same
kernel counters: each render's peak as the runner records it
(``RenderedScene.peak_rss``, returned by every class task: a task starts its render
process directly, no process between them), and each Dask worker process's own peak,
asked from the worker at the end (``Client.run``). A worker renders one task at a time,
so its peak is at most its own peak + its largest render: that sum is the figure given
per worker (an upper bound: the two peaks need not coincide, and shared pages count in
each). Which worker ran which task comes from the scheduler's task stream. The load
average (``/proc/loadavg``) is recorded before and after each run.

Everything is written under one temporary folder (``TMPDIR`` of the children too),
removed at the end; the cluster listens on 127.0.0.1 only and is stopped with its run;
each child runs in a process group of its own, killed if anything is left or the
benchmark is interrupted.

Usage: python tools/bench_class.py [--students 4] [--quality l] [--workers 1,2]
[--runner-jobs N] [--skip-runner] [--only 1,4] [--cold-tex] [--json PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: tools/ is not a package
    sys.path.insert(0, str(ROOT))

MB = 2**20
QUALITIES = ("l", "m", "h", "p", "k")
"""Manim's quality letters (:data:`scenes.render.QUALITIES`, without importing Manim)."""
TARGET_SPEEDUP = 1.8
TARGET_PEAK_MB = 1.5 * 1024  # 1.5 GB, in the MB (2**20 bytes) every figure here uses
TARGET_OVERHEAD_PCT = 5.0
CACHES = ("Tex", "texts")
"""The caches warmed once and copied into each run (the speech cache starts empty)."""
ROLES = ("chain", "wide", "training")
VOICE_ENV = {"NARRATION": "on", "BACKPROP_VOICE": "stand-in"}
DROPPED_ENV = (
    "VOICE_DIR",
    "BACKPROP_NARRATION_CACHE",
    "BACKPROP_VOICE_THREADS",
    "CLASS_CACHE",
    "CLASS_SEED",
    "SCHEDULER",
    "JOBS",
) + tuple(f"BPMATH_{r.upper()}" for r in ROLES)
"""Settings of the caller's shell that would change the work; each run sets its own."""


# --------------------------------------------------------------------------- options


def _worker_counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a comma-separated list of worker counts (e.g. 1,2)"
        ) from None
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: every worker count must be at least 1")
    if len(set(counts)) != len(counts):
        raise argparse.ArgumentTypeError(f"{text!r}: a worker count is repeated")
    return counts


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: at least 1 is needed")
    return value


def _students(text: str) -> int:
    value = _positive(text)
    if value > 1000:  # scenes.classroom.roster.MAX_STUDENTS
        raise argparse.ArgumentTypeError(f"{text!r}: a roster holds at most 1000 students")
    return value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The benchmark's options (``--child`` is the tool's own, for its run processes)."""
    parser = argparse.ArgumentParser(
        prog="bench_class.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--students", type=_students, default=4, help="class size (4)")
    parser.add_argument("--quality", "-q", choices=QUALITIES, default="l")
    parser.add_argument(
        "--workers", type=_worker_counts, default=[1, 2], help="local cluster sizes (1,2)"
    )
    parser.add_argument(
        "--runner-jobs", type=_positive, help="runner's jobs (default: most workers)"
    )
    parser.add_argument(
        "--skip-runner", action="store_true", help="no run through make video's runner"
    )
    parser.add_argument("--only", help="comma-separated storyboard steps (default all)")
    parser.add_argument(
        "--cold-tex", action="store_true", help="no warm-up: LaTeX/Pango caches empty too"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the report")
    parser.add_argument("--child", choices=("dask", "runner"), help=argparse.SUPPRESS)
    parser.add_argument("--spec", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child and not args.spec:
        parser.error("--child needs --spec")
    if args.runner_jobs is None:
        args.runner_jobs = max(args.workers)
    return args


def roster_text(students: int) -> str:
    """The benchmark's roster: ``s1``..``sN`` with the fixed seeds 1..N.

    >>> print(roster_text(2), end="")
    id,name,seed
    s1,Student 1,1
    s2,Student 2,2
    """
    rows = [f"s{i},Student {i},{i}\n" for i in range(1, students + 1)]
    return "id,name,seed\n" + "".join(rows)


# --------------------------------------------------------------------------- machine


def machine() -> dict:
    """Cores, CPU model and memory of this machine (from ``nproc`` and ``/proc``)."""
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024 // MB
    try:
        nproc = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout)
    except (OSError, ValueError):
        nproc = len(os.sched_getaffinity(0))
    return {"nproc": nproc, "cpu_model": model, "memory_mb": memory}


def loadavg() -> str:
    """``/proc/loadavg``'s three load averages."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())


def git_state() -> dict:
    """The commit measured, and whether the work tree differed from it."""

    def git(*cmd: str) -> str:
        out = subprocess.run(["git", *cmd], cwd=ROOT, capture_output=True, text=True)
        return out.stdout.strip()

    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain"))}


# --------------------------------------------------------------------------- children


def _child_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_ENV}
    env.update(VOICE_ENV)
    env["BACKPROP_PLAIN_SCENES"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    env["TMPDIR"] = str(tmp)
    env.update(extra)
    return env


def _group(pgid: int) -> list[str]:
    """The live (not zombie) processes of process group ``pgid``: ``pid command``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid or fields[0] == "Z":
                continue
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, IndexError, ValueError):
            continue
        found.append(f"{stat.parent.name} {command.decode(errors='replace').strip()[:120]}")
    return found


def _kill_group(pgid: int, grace: float = 0.0) -> list[str]:
    """SIGKILL what is left of process group ``pgid`` after ``grace`` seconds.

    Returns the processes that were still there (a zombie is not counted: the
    ``multiprocessing`` resource tracker of a LocalCluster ends as one, for init to reap).
    """
    deadline = time.monotonic() + grace
    left = _group(pgid)
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = _group(pgid)
    if left:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)
    return left


def run_child(cmd: list[str], env: dict[str, str], cwd: Path, log: Path) -> dict:
    """Run ``cmd`` in a process group of its own; its wall, CPU, peak and exit code.

    CPU and peak are what ``wait4`` reports for the child and every process under it
    that was waited for, the counters :func:`scenes.perf.usage.run_measured` reads (the
    same call, here with the child's pid kept so that its process group can be killed).
    """
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: nothing it starts outlives it
        )
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            _kill_group(proc.pid)
            proc.wait()
            raise
    proc.returncode = os.waitstatus_to_exitcode(status)
    leftover = _kill_group(proc.pid, grace=5.0)
    return {
        "code": proc.returncode,
        "wall_s": time.perf_counter() - started,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "tree_peak_rss": usage.ru_maxrss * 1024,  # KiB on Linux
        "leftover_processes_killed": leftover,
    }


def _files(folder: Path) -> int:
    """The cached items in ``folder``: SVG files (a formula's or a text's)."""
    return sum(1 for _ in folder.rglob("*.svg")) if folder.is_dir() else 0


def _log_tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --------------------------------------------------------------------------- dask child


def _worker_usage() -> dict:
    """Run on each Dask worker at the end: its own and its children's CPU and peak RSS."""
    import os
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "pid": os.getpid(),
        "own_cpu_s": me.ru_utime + me.ru_stime,
        "own_peak_rss": me.ru_maxrss * 1024,
        "children_cpu_s": kids.ru_utime + kids.ru_stime,
        "children_peak_rss": kids.ru_maxrss * 1024,
    }


def _scene_key(key: str) -> tuple[str, int] | None:
    """(student, step) of a class scene task's key ``scene-<id>-<step>-<digest>``."""
    if not isinstance(key, str) or not key.startswith("scene-"):
        return None
    try:
        student, step, _ = key[len("scene-") :].rsplit("-", 2)
        return student, int(step)
    except ValueError:
        return None


def _child_dask(spec: dict) -> int:
    """One class through run_class on a local cluster; writes the result JSON."""
    from distributed import get_task_stream

    from scenes.classroom import cluster, run
    from scenes.classroom.roster import read_roster
    from scenes.render import select_entries

    # make class serves a dashboard when bokeh is there, on ":0": every interface. Not
    # part of what is measured, and this benchmark listens on 127.0.0.1 only.
    cluster._has_dashboard = lambda: False
    members = run.plan_class(read_roster(spec["roster"]))
    entries = select_entries(spec["only"])
    found: dict = {}

    @contextlib.contextmanager
    def client_factory():
        with cluster.open_client(None, spec["workers"], host="127.0.0.1") as client:
            info = client.scheduler_info()
            addresses = [info["address"], *info["workers"]]
            outside = [a for a in addresses if not a.startswith("tcp://127.0.0.1:")]
            if outside:
                raise RuntimeError(f"the cluster listens outside 127.0.0.1: {outside}")
            with get_task_stream(client=client) as stream:
                try:
                    yield client
                finally:
                    found["workers"] = client.run(_worker_usage)
            found["tasks"] = [
                {
                    "key": str(t["key"]),
                    "worker": t["worker"],
                    "status": t.get("status"),
                    "seconds": sum(
                        s["stop"] - s["start"]
                        for s in t["startstops"]
                        if s.get("action") == "compute"
                    ),
                }
                for t in stream.data
            ]

    started = time.perf_counter()
    outcome = run.run_class(
        members, spec["quality"], Path(spec["class_dir"]),
        client_factory=client_factory, entries=entries, progress=False,
        log=lambda line: print(line, flush=True),
    )
    result = {
        "seconds": time.perf_counter() - started,
        "rendered": outcome.rendered,
        "joined": outcome.joined,
        "failures": outcome.failures,
        "scenes": outcome.usage,
        **found,
    }
    Path(spec["out"]).write_text(json.dumps(result), encoding="utf-8")
    for why in outcome.failures.values():
        print(f"FAILED {why}", flush=True)
    return 1 if outcome.failures else 0


# ------------------------------------------------------------------------- runner child


def _child_runner(spec: dict) -> int:
    """The same renders through make video's runner, student after student, each joined."""
    import resource

    from scenes.classroom.tasks import join_lecture
    from scenes.publish.build import TITLE
    from scenes.render import check_examples, render_scenes, select_entries

    entries = select_entries(spec["only"])
    titles = [f"{e.step}. {e.title}" for e in entries]
    media = Path(spec["media_dir"])
    scenes, joins = [], []
    started = time.perf_counter()
    for student, files in spec["students"].items():
        for role, path in files.items():
            os.environ[f"BPMATH_{role.upper()}"] = path
        check_examples(log=lambda line: None)
        done = render_scenes(
            entries, spec["quality"], jobs=spec["jobs"], force=True, media_dir=media,
            log=lambda line: print(line, flush=True),
        )
        scenes += [
            {
                "student": student,
                "step": d.entry.step,
                "seconds": d.seconds,
                "cpu_seconds": d.cpu_seconds,
                "peak_rss": d.peak_rss,
            }
            for d in done
        ]
        parts = []
        for d in done:
            srt = d.video.with_suffix(".srt")
            parts.append(
                {
                    "video": d.video.read_bytes(),
                    "captions": srt.read_bytes() if srt.is_file() else None,
                }
            )
        t0 = time.perf_counter()
        lecture = join_lecture(student, titles, parts, TITLE)
        joins.append({"student": student, "seconds": time.perf_counter() - t0})
        print(f"student {student}: lecture joined, {lecture['duration']:.0f} s", flush=True)
    own = resource.getrusage(resource.RUSAGE_SELF)
    result = {
        "seconds": time.perf_counter() - started,
        "rendered": len(scenes),
        "joined": len(joins),
        "failures": {},
        "scenes": scenes,
        "joins": joins,
        "runner_peak_rss": own.ru_maxrss * 1024,
    }
    Path(spec["out"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


# ------------------------------------------------------------------------- the figures


def _mb(value: float | None) -> float | None:
    return None if value is None else value / MB


def dask_workers(result: dict) -> list[dict]:
    """Per worker: tasks, busy seconds, CPU and the peak-memory bound (MB)."""
    where: dict[tuple[str, int], str] = {}
    busy: dict[str, float] = {}
    count: dict[str, int] = {}
    for task in result.get("tasks", []):
        if task.get("status") not in (None, "OK"):
            continue
        busy[task["worker"]] = busy.get(task["worker"], 0.0) + task["seconds"]
        count[task["worker"]] = count.get(task["worker"], 0) + 1
        scene = _scene_key(task["key"])
        if scene is not None:
            where[scene] = task["worker"]
    rows = []
    for address, usage in sorted(result.get("workers", {}).items()):
        mine = [
            s for s in result.get("scenes", [])
            if where.get((s["student"], s["step"])) == address
        ]
        render = max((s.get("peak_rss") or 0 for s in mine), default=0)
        rows.append(
            {
                "address": address,
                "tasks": count.get(address, 0),
                "scene_tasks": len(mine),
                "busy_s": busy.get(address, 0.0),
                "cpu_s": usage["own_cpu_s"] + usage["children_cpu_s"],
                "own_peak_mb": _mb(usage["own_peak_rss"]),
                "render_peak_mb": _mb(render),
                "children_peak_mb": _mb(usage["children_peak_rss"]),
                "peak_mb": _mb(usage["own_peak_rss"] + render),
            }
        )
    return rows


def summarize(runs: list[dict], runner_jobs: int) -> dict:
    """Speed-ups over the fewest workers, the largest peak, Dask's overhead; vs targets."""
    dask = {r["workers"]: r for r in runs if r["kind"] == "dask" and r.get("ok")}
    runner = next((r for r in runs if r["kind"] == "runner" and r.get("ok")), None)
    out: dict = {"speedup": {}, "targets": {}}
    if dask:
        base = min(dask)
        for n, r in sorted(dask.items()):
            if n != base:
                out["speedup"][f"{base}->{n}"] = dask[base]["wall_s"] / r["wall_s"]
        out["base_workers"] = base
        peaks = [r["peak_per_worker_mb"] for r in dask.values() if r.get("peak_per_worker_mb")]
        out["peak_per_worker_mb"] = max(peaks) if peaks else None
    if runner is not None and runner_jobs in dask:
        d = dask[runner_jobs]
        out["overhead_pct"] = 100 * (d["wall_s"] - runner["wall_s"]) / runner["wall_s"]
        out["overhead_cpu_pct"] = 100 * (d["cpu_s"] - runner["cpu_s"]) / runner["cpu_s"]
        out["overhead_against"] = f"dask-{runner_jobs} vs runner-{runner_jobs}"
    if 1 in dask and 2 in dask:
        s = dask[1]["wall_s"] / dask[2]["wall_s"]
        out["targets"]["speedup_1_to_2"] = {
            "value": s, "target": f">= {TARGET_SPEEDUP}", "met": s >= TARGET_SPEEDUP
        }
    if out.get("peak_per_worker_mb") is not None:
        p = out["peak_per_worker_mb"]
        out["targets"]["peak_per_worker_mb"] = {
            "value": p, "target": f"<= {TARGET_PEAK_MB:.0f}", "met": p <= TARGET_PEAK_MB
        }
    if "overhead_pct" in out:
        o = out["overhead_pct"]
        out["targets"]["dask_overhead_pct"] = {
            "value": o, "target": f"<= {TARGET_OVERHEAD_PCT:.0f}", "met": o <= TARGET_OVERHEAD_PCT
        }
    return out


def _num(value: float | None, fmt: str = ".0f", none: str = "-") -> str:
    return none if value is None else format(value, fmt)


def format_report(report: dict) -> str:
    """The report as text: machine, set-up, one table, per-worker detail, targets."""
    m, c = report["machine"], report["config"]
    lines = [
        f"machine: {m['nproc']} cores (nproc), {m['cpu_model']},"
        f" {_num(m.get('memory_mb'))} MB memory; commit {report['git']['commit'][:12]}"
        f"{' (work tree differs)' if report['git']['dirty'] else ''}",
        f"class: {c['students']} student(s) x {len(c['steps'])} scene(s)"
        f" (steps {','.join(map(str, c['steps']))}) at -q{c['quality']}, voice {c['voice']},"
        f" no slide decks; per-student lecture join included on both sides",
        f"caches: every run starts with empty output, class cache and speech cache;"
        f" LaTeX/Pango {c['tex']}",
        "",
        f"{'run':<10} {'procs':>5} {'scenes':>6} {'joins':>5} {'wall s':>8} {'CPU s':>8}"
        f" {'CPU/wall':>8} {'speed-up':>8} {'busy':>5} {'peak MB/worker':>14}"
        f"  {'new Tex':>7}  load before -> after",
    ]
    summary = report["summary"]
    base = summary.get("base_workers")
    base_wall = next(
        (r["wall_s"] for r in report["runs"] if r["kind"] == "dask" and r["workers"] == base
         and r.get("ok")),
        None,
    )
    for r in report["runs"]:
        procs = r["workers"] if r["kind"] == "dask" else r["jobs"]
        if not r.get("ok"):
            lines.append(f"{r['name']:<10} {procs:>5}  FAILED (exit {r.get('code')}): see above")
            continue
        speed = (
            f"{base_wall / r['wall_s']:.2f}x" if r["kind"] == "dask" and base_wall else "-"
        )
        lines.append(
            f"{r['name']:<10} {procs:>5} {r['rendered']:>6} {r['joined']:>5}"
            f" {r['wall_s']:8.1f} {r['cpu_s']:8.1f} {r['cpu_s'] / r['wall_s']:8.2f}"
            f" {speed:>8} {_num(r.get('busy'), '.0%'):>5}"
            f" {_num(r.get('peak_per_worker_mb')):>14}"
            f"  {_num(r.get('tex_new'), 'd'):>7}  {r['load_before']} -> {r['load_after']}"
        )
    lines.append("")
    for r in report["runs"]:
        if not r.get("ok"):
            continue
        if r["kind"] == "dask":
            lines.append(
                f"{r['name']}: renders {r['render_cpu_s']:.1f} CPU-s, workers"
                f" {r['workers_cpu_s']:.1f} CPU-s, client and scheduler"
                f" {r['cpu_s'] - r['workers_cpu_s']:.1f} CPU-s"
            )
            for w in r["worker_detail"]:
                lines.append(
                    f"  worker {w['address']}: {w['tasks']} task(s), busy {w['busy_s']:.1f} s,"
                    f" {w['cpu_s']:.1f} CPU-s; peak {_num(w['peak_mb'])} MB ="
                    f" worker {_num(w['own_peak_mb'])}"
                    f" + render {_num(w['render_peak_mb'])}"
                )
        else:
            lines.append(
                f"{r['name']}: renders {r['render_cpu_s']:.1f} CPU-s, joins"
                f" {r['join_s']:.1f} s; peak {_num(r['peak_per_worker_mb'])} MB ="
                f" runner process {_num(r['runner_peak_mb'])} (shared by its"
                f" {r['jobs']} jobs) + largest render {_num(r['render_peak_mb'])}"
            )
    lines.append(
        "busy: the share of worker (or job) time spent inside a task (or a render);"
        " peak MB/worker: an upper bound, see --help"
    )
    lines.append("")
    for name, label in (
        ("speedup_1_to_2", "speed-up 1 -> 2 workers"),
        ("peak_per_worker_mb", "peak memory per worker (MB)"),
        ("dask_overhead_pct", "Dask's overhead against the runner (% of wall time)"),
    ):
        t = summary["targets"].get(name)
        if t is None:
            lines.append(f"{label}: not measured")
        else:
            lines.append(
                f"{label}: {t['value']:.2f} (target {t['target']}):"
                f" {'met' if t['met'] else 'NOT met'}"
            )
    if "overhead_cpu_pct" in summary:
        lines.append(
            f"Dask's overhead in CPU time ({summary['overhead_against']}):"
            f" {summary['overhead_cpu_pct']:.1f} %"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- the driver


def _warm(folder: Path, students: dict, modules: list[str], say) -> dict:
    """Dry-run every scene for every student into ``folder/media``'s LaTeX/Pango caches."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tmp").mkdir(exist_ok=True)
    (folder / "manim.cfg").write_text(
        f"[CLI]\nmedia_dir = {folder / 'media'}\n", encoding="utf-8"
    )
    started = time.perf_counter()
    for student, files in students.items():
        env = _child_env(
            folder / "tmp", **{f"BPMATH_{r.upper()}": p for r, p in files.items()}
        )
        log = folder / f"warm-{student}.log"
        cmd = [
            sys.executable, "-m", "scenes.narration.script",
            "--notes", str(folder / f"notes-{student}.json"), *modules,
        ]
        done = run_child(cmd, env, folder, log)
        notes = json.loads((folder / f"notes-{student}.json").read_text(encoding="utf-8"))
        errors = {m: n["error"] for m, n in notes.items() if isinstance(n, dict)}
        if done["code"] != 0 or errors:
            raise SystemExit(
                f"warming the LaTeX cache failed for {student}: {errors or ''}\n"
                + _log_tail(log)
            )
    media = folder / "media"
    found = {name: _files(media / name) for name in CACHES}
    say(
        f"warmed the LaTeX/Pango caches by dry runs: {found['Tex']} Tex and"
        f" {found['texts']} text file(s) in {time.perf_counter() - started:.0f} s"
    )
    return {"seconds": time.perf_counter() - started, "files": found, "media": str(media)}


def _seed_caches(warm: dict | None, target: Path) -> None:
    """Copy the warmed caches into ``target`` (a run's fresh cache or media folder)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in CACHES:
        source = Path(warm["media"]) / name if warm else None
        if source is not None and source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("*.lock"))
        else:
            (target / name).mkdir(parents=True, exist_ok=True)


def _run(kind: str, name: str, spec: dict, folder: Path, env: dict, say) -> tuple[dict, dict]:
    """One timed child run; its row (without the figures) and its result JSON."""
    spec_path = folder / "spec.json"
    spec["out"] = str(folder / "result.json")
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    log = folder / "run.log"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--spec", str(spec_path)]
    say(f"{name}: running (load {loadavg()}) ...")
    before = loadavg()
    done = run_child(cmd, env, folder, log)
    row = {"name": name, "kind": kind, "load_before": before, "load_after": loadavg(), **done}
    result = {}
    if (folder / "result.json").is_file():
        result = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    row["ok"] = done["code"] == 0 and bool(result) and not result.get("failures")
    if not row["ok"]:
        say(f"{name} FAILED (exit {done['code']}); the end of its log:\n{_log_tail(log)}")
    else:
        say(f"{name}: {done['wall_s']:.1f} s, {done['cpu_s']:.1f} CPU-s (load {row['load_after']})")
    if done["leftover_processes_killed"]:
        say(
            f"{name}: processes left behind, now killed: "
            + "; ".join(done["leftover_processes_killed"])
        )
    return row, result


def benchmark(args: argparse.Namespace, say=print) -> dict:
    """Run every configuration; the report (see :func:`format_report`)."""
    from scenes.classroom.roster import read_roster
    from scenes.classroom.run import plan_class
    from scenes.render import select_entries

    entries = select_entries(args.only)  # an unknown step stops here
    report: dict = {
        "machine": machine(),
        "git": git_state(),
        "config": {
            "students": args.students,
            "quality": args.quality,
            "steps": [e.step for e in entries],
            "voice": "stand-in (NARRATION=on BACKPROP_VOICE=stand-in)",
            "tex": "empty in every run" if args.cold_tex
            else "warmed once by dry runs, the same copy in every run",
            "workers": args.workers,
            "runner_jobs": None if args.skip_runner else args.runner_jobs,
            "joins_included": True,
            "slide_decks": False,
        },
        "runs": [],
    }
    root = Path(tempfile.mkdtemp(prefix="bench-class-"))
    try:
        roster = root / "roster.csv"
        roster.write_text(roster_text(args.students), encoding="utf-8")
        students: dict[str, dict[str, str]] = {}
        for member in plan_class(read_roster(roster)):
            sid = member.student.id
            students[sid] = {}
            for role in ROLES:
                path = root / "examples" / sid / f"{role}.toml"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(member.tomls[role], encoding="utf-8")
                students[sid][role] = str(path)
        modules = [e.module for e in entries]
        warm = None if args.cold_tex else _warm(root / "warm", students, modules, say)
        report["warm"] = warm and {k: warm[k] for k in ("seconds", "files")}

        for n in args.workers:
            folder = root / f"dask-{n}"
            cache = folder / "cache"
            _seed_caches(warm, cache)
            (folder / "tmp").mkdir()
            spec = {
                "roster": str(roster), "only": args.only, "quality": args.quality,
                "workers": n, "class_dir": str(folder / "class"),
            }
            env = _child_env(folder / "tmp", CLASS_CACHE=str(cache))
            row, result = _run("dask", f"dask-{n}", spec, folder, env, say)
            row["workers"] = n
            if row["ok"]:
                detail = dask_workers(result)
                row.update(
                    rendered=result["rendered"],
                    joined=result["joined"],
                    tex_new=_files(cache / "Tex") - (warm["files"]["Tex"] if warm else 0),
                    render_cpu_s=sum(s.get("cpu_seconds") or 0 for s in result["scenes"]),
                    workers_cpu_s=sum(w["cpu_s"] for w in detail),
                    busy=sum(w["busy_s"] for w in detail) / (n * row["wall_s"]),
                    worker_detail=detail,
                    peak_per_worker_mb=max((w["peak_mb"] for w in detail), default=None),
                )
            report["runs"].append(row)
            shutil.rmtree(folder, ignore_errors=True)

        if not args.skip_runner:
            jobs = args.runner_jobs
            folder = root / f"runner-{jobs}"
            media = folder / "media"
            _seed_caches(warm, media)
            (folder / "tmp").mkdir()
            spec = {
                "students": students, "only": args.only, "quality": args.quality,
                "jobs": jobs, "media_dir": str(media),
            }
            env = _child_env(folder / "tmp")
            row, result = _run("runner", f"runner-{jobs}", spec, folder, env, say)
            row["jobs"] = jobs
            if row["ok"]:
                render = max((s.get("peak_rss") or 0 for s in result["scenes"]), default=0)
                row.update(
                    rendered=result["rendered"],
                    joined=result["joined"],
                    tex_new=_files(media / "Tex") - (warm["files"]["Tex"] if warm else 0),
                    render_cpu_s=sum(s.get("cpu_seconds") or 0 for s in result["scenes"]),
                    join_s=sum(j["seconds"] for j in result["joins"]),
                    busy=sum(s["seconds"] for s in result["scenes"]) / (jobs * row["wall_s"]),
                    runner_peak_mb=_mb(result["runner_peak_rss"]),
                    render_peak_mb=_mb(render),
                    peak_per_worker_mb=_mb(result["runner_peak_rss"] + render),
                )
            report["runs"].append(row)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    report["summary"] = summarize(report["runs"], args.runner_jobs)
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with ``--child``, one of its runs); the exit code."""
    args = parse_args(argv)
    if args.child:
        spec = json.loads(args.spec.read_text(encoding="utf-8"))
        return (_child_dask if args.child == "dask" else _child_runner)(spec)
    # A kill (make's, a CI timeout's) unwinds like Ctrl-C: children and temp folders go.
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    def say(line: str) -> None:
        print(line, flush=True)

    try:
        report = benchmark(args, say)
    finally:
        signal.signal(signal.SIGTERM, previous)
    print()
    print(format_report(report))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nreport written to {args.json}")
    return 0 if all(r.get("ok") for r in report["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
