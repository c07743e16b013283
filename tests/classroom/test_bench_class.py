"""tools/bench_class.py (issue 21's benchmark): its options, roster and report, on made-up data.

Nothing renders here: the benchmark itself is run by hand (``make bench-class``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from scenes.classroom.roster import parse_roster

TOOL = Path(__file__).resolve().parents[2] / "tools" / "bench_class.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_class", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_class"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["bench_class"]


def test_defaults_are_the_issues_benchmark(bench):
    args = bench.parse_args([])
    assert (args.students, args.quality, args.workers) == (4, "l", [1, 2])
    assert args.runner_jobs == 2 and not args.skip_runner and args.json is None
    assert bench.parse_args(["--workers", "1,2,4"]).runner_jobs == 4
    assert bench.parse_args(["--workers", "2", "--runner-jobs", "3"]).runner_jobs == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--workers", "0"], "at least 1"),
        (["--workers", "1,x"], "comma-separated list"),
        (["--workers", "2,2"], "repeated"),
        (["--workers", ""], "at least 1"),
        (["--students", "0"], "at least 1"),
        (["--students", "1001"], "at most 1000"),
        (["--students", "four"], "not a whole number"),
        (["--runner-jobs", "0"], "at least 1"),
        (["--quality", "x"], "invalid choice"),
        (["--child", "dask"], "--child needs --spec"),
    ],
)
def test_bad_options_are_refused(bench, capsys, argv, message):
    with pytest.raises(SystemExit) as stop:
        bench.parse_args(argv)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_the_roster_is_s1_to_sn_with_fixed_seeds(bench):
    students = parse_roster(bench.roster_text(4))
    assert [(s.id, s.seed) for s in students] == [(f"s{i}", i) for i in range(1, 5)]
    assert bench.roster_text(4) == bench.roster_text(4)


def test_scene_task_keys(bench):
    assert bench._scene_key("scene-s1-03-0123456789ab") == ("s1", 3)
    assert bench._scene_key("scene-a-b.c-12-0123456789ab") == ("a-b.c", 12)
    assert bench._scene_key("lecture-s1-0123456789ab") is None
    assert bench._scene_key(("tuple", 1)) is None


MB = 2**20


def dask_result():
    """Two workers; worker A ran s1's two scenes, worker B s2's scene and both joins."""
    scenes = [
        {"student": "s1", "step": 1, "seconds": 20, "cpu_seconds": 18, "peak_rss": 300 * MB},
        {"student": "s1", "step": 2, "seconds": 30, "cpu_seconds": 27, "peak_rss": 350 * MB},
        {"student": "s2", "step": 1, "seconds": 25, "cpu_seconds": 22, "peak_rss": 320 * MB},
    ]
    tasks = [
        {"key": "scene-s1-01-aaaaaaaaaaaa", "worker": "tcp://127.0.0.1:1", "status": "OK", "seconds": 20},
        {"key": "scene-s1-02-bbbbbbbbbbbb", "worker": "tcp://127.0.0.1:1", "status": "OK", "seconds": 30},
        {"key": "scene-s2-01-cccccccccccc", "worker": "tcp://127.0.0.1:2", "status": "OK", "seconds": 25},
        {"key": "lecture-s1-dddddddddddd", "worker": "tcp://127.0.0.1:2", "status": "OK", "seconds": 3},
        {"key": "lecture-s2-eeeeeeeeeeee", "worker": "tcp://127.0.0.1:2", "status": "OK", "seconds": 2},
    ]
    usage = {
        "tcp://127.0.0.1:1": {"pid": 1, "own_cpu_s": 5, "own_peak_rss": 220 * MB, "children_cpu_s": 50, "children_peak_rss": 350 * MB},
        "tcp://127.0.0.1:2": {"pid": 2, "own_cpu_s": 8, "own_peak_rss": 230 * MB, "children_cpu_s": 26, "children_peak_rss": 320 * MB},
    }
    return {"scenes": scenes, "tasks": tasks, "workers": usage}


def test_each_worker_gets_its_own_tasks_and_peak(bench):
    a, b = bench.dask_workers(dask_result())
    assert (a["tasks"], a["scene_tasks"], b["tasks"], b["scene_tasks"]) == (2, 2, 3, 1)
    assert a["busy_s"] == 50 and b["busy_s"] == 30
    assert a["cpu_s"] == 55 and b["cpu_s"] == 34
    assert a["peak_mb"] == pytest.approx(220 + 350)
    assert b["peak_mb"] == pytest.approx(230 + 320)


def run(kind, n, wall, cpu, peak):
    row = {
        "name": f"{kind}-{n}", "kind": kind, "ok": True, "wall_s": wall, "cpu_s": cpu,
        "rendered": 48, "joined": 4, "busy": 0.9, "peak_per_worker_mb": peak,
        "tex_new": 0, "load_before": "0.10 0.20 0.30", "load_after": "2.00 1.00 0.50",
        "render_cpu_s": cpu - 20,
    }
    if kind == "dask":
        row.update(workers=n, workers_cpu_s=cpu - 10, worker_detail=[])
    else:
        row.update(jobs=n, join_s=6.0, runner_peak_mb=180.0, render_peak_mb=peak - 180)
    return row


def report(bench, runs, runner_jobs=2):
    return {
        "machine": {"nproc": 2, "cpu_model": "Made-up CPU", "memory_mb": 1000},
        "git": {"commit": "0123456789abcdef", "dirty": False},
        "config": {
            "students": 4, "quality": "l", "steps": list(range(1, 13)),
            "voice": "stand-in", "tex": "warm", "workers": [1, 2],
        },
        "runs": runs,
        "summary": bench.summarize(runs, runner_jobs),
    }


def test_targets_met(bench):
    runs = [run("dask", 1, 1900.0, 1850.0, 700.0), run("dask", 2, 1000.0, 1900.0, 720.0),
            run("runner", 2, 960.0, 1800.0, 450.0)]
    summary = bench.summarize(runs, 2)
    assert summary["speedup"] == {"1->2": pytest.approx(1.9)}
    assert summary["overhead_pct"] == pytest.approx(100 * 40 / 960)
    assert summary["overhead_cpu_pct"] == pytest.approx(100 * 100 / 1800)
    assert all(t["met"] for t in summary["targets"].values())
    text = bench.format_report(report(bench, runs))
    assert "2 cores (nproc), Made-up CPU" in text
    assert "speed-up 1 -> 2 workers: 1.90 (target >= 1.8): met" in text
    assert "peak memory per worker (MB): 720.00 (target <= 1536): met" in text
    assert "Dask's overhead against the runner (% of wall time): 4.17 (target <= 5): met" in text
    assert "0.10 0.20 0.30 -> 2.00 1.00 0.50" in text
    json.dumps(report(bench, runs))  # the --json file holds the same report


def test_targets_missed_and_runs_missing(bench):
    runs = [run("dask", 1, 1000.0, 1000.0, 1600.0), run("dask", 2, 700.0, 1100.0, 1700.0),
            run("runner", 2, 600.0, 900.0, 450.0)]
    text = bench.format_report(report(bench, runs))
    assert "speed-up 1 -> 2 workers: 1.43 (target >= 1.8): NOT met" in text
    assert "(target <= 1536): NOT met" in text
    assert "(target <= 5): NOT met" in text
    only = [run("dask", 2, 700.0, 1100.0, 700.0)]
    text = bench.format_report(report(bench, only))
    assert "speed-up 1 -> 2 workers: not measured" in text
    assert "Dask's overhead against the runner (% of wall time): not measured" in text


def test_a_failed_run_is_shown_and_left_out(bench):
    failed = {"name": "dask-2", "kind": "dask", "workers": 2, "ok": False, "code": 1}
    runs = [run("dask", 1, 1000.0, 1000.0, 700.0), failed]
    text = bench.format_report(report(bench, runs))
    assert "dask-2         2  FAILED (exit 1)" in text
    assert "speed-up 1 -> 2 workers: not measured" in text


def test_main_writes_the_json(bench, monkeypatch, tmp_path, capsys):
    runs = [run("dask", 1, 1900.0, 1850.0, 700.0), run("dask", 2, 1000.0, 1900.0, 720.0)]
    monkeypatch.setattr(bench, "benchmark", lambda args, say: report(bench, runs))
    out = tmp_path / "deep" / "bench.json"
    assert bench.main(["--skip-runner", "--json", str(out)]) == 0
    assert json.loads(out.read_text())["summary"]["speedup"] == {"1->2": pytest.approx(1.9)}
    assert "report written to" in capsys.readouterr().out
