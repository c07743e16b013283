"""A class task's render: one fresh process, killed with its children whatever happens.

* The render runs in a process group of its own (:func:`scenes.render.run_in_group`): a
  render that hangs is killed with its children at its timeout, on an error, on a stop
  request (a cancelled Dask task), and when the process that started it dies.
* A task starts exactly one process per scene, and the worker never imports Manim.
* A class never uses ``VOICE_DIR``; a bad ``JOBS`` is refused as ``make video`` does;
  the local cluster's dashboard listens on the workers' host only.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from scenes import render
from scenes.classroom import cluster, run, tasks
from scenes.classroom.roster import parse_roster

HANG = textwrap.dedent(
    """
    import subprocess, sys, time
    child = subprocess.Popen(["sleep", "60"])
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(f"{child.pid}\\n")
    import os
    os.replace(sys.argv[1] + ".tmp", sys.argv[1])
    if sys.argv[2] == "exit":
        sys.exit(3)
    time.sleep(60)
    """
)
"""A render stand-in: starts a child (``sleep 60``), writes its pid, then hangs or exits 3."""


def hang(pids: Path, then: str = "hang") -> list[str]:
    return [sys.executable, "-c", HANG, str(pids), then]


def wait_for(path: Path, seconds: float = 20) -> list[int]:
    deadline = time.monotonic() + seconds
    while not path.is_file():
        assert time.monotonic() < deadline, f"{path} never written"
        time.sleep(0.05)
    return [int(x) for x in path.read_text().split()]


def gone(pid: int, seconds: float = 5) -> bool:
    """Whether ``pid`` ends (or is a zombie) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_a_hanging_render_is_killed_with_its_children_at_its_timeout(tmp_path):
    pids = tmp_path / "pids"
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        render.run_in_group(hang(pids), timeout=3, stop=lambda: False)
    took = time.monotonic() - started
    assert took < 3 + 2 * render.POLL_SECONDS + 1, took
    (child,) = wait_for(pids, 0)
    assert gone(child), "the render's child outlived its timeout"


def test_a_stop_request_kills_the_render_and_its_children(tmp_path):
    pids = tmp_path / "pids"
    with pytest.raises(render._StoppedError):
        render.run_in_group(hang(pids), timeout=60, stop=pids.is_file)
    (child,) = wait_for(pids, 0)
    assert gone(child)


def test_a_failed_render_leaves_no_child(tmp_path):
    pids = tmp_path / "pids"
    code, usage = render.run_in_group(hang(pids, "exit"), timeout=60)
    assert code == 3 and usage.cpu_seconds > 0
    (child,) = wait_for(pids, 0)
    assert gone(child), "a child of a failed render outlived it"


def test_a_render_dies_with_the_process_that_started_it(tmp_path):
    """The worker killed by its nanny (SIGKILL): its render does not run on."""
    pids = tmp_path / "pids"
    parent = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from scenes.render import run_in_group;"
         f" run_in_group({hang(pids)!r}, timeout=60)"],
        cwd=render.ROOT, start_new_session=True,
    )
    try:
        (child,) = wait_for(pids)
        leader = int(Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[1])
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        assert gone(leader), "the render outlived the process that started it"
    finally:
        parent.kill()
        parent.wait()
        with contextlib.suppress(ProcessLookupError, UnboundLocalError):
            os.kill(child, signal.SIGKILL)  # this test's sleep, left to init on purpose


def test_a_cancelled_dask_task_kills_its_render(tmp_path):
    """The task's stop request follows Dask: cancelling the future kills the render."""
    from distributed import Client, LocalCluster

    pids = tmp_path / "pids"

    def task() -> None:
        render.run_in_group(hang(pids), timeout=120, stop=tasks._stop_request())

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as lc, Client(lc, set_as_default=False) as client:
        future = client.submit(task, pure=False)
        (child,) = wait_for(pids, 60)
        leader = int(Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[1])
        future.cancel()
        assert gone(leader, 10) and gone(child, 10), "a cancelled task's render ran on"


def member():
    return run.plan_class(parse_roster("id,name,seed\nada,Ada,7\n"))[0]


def test_a_scene_task_times_out_quickly_named(monkeypatch, tmp_path):
    """CLASS_SCENE_TIMEOUT from the client: the task fails naming the timeout."""
    monkeypatch.setenv("CLASS_CACHE", str(tmp_path / "cache"))
    entry = {"step": 1, "module": "sample_scene", "name": "SampleScene", "title": "A",
             "path": "tests/scenes/sample_scene.py"}
    started = time.monotonic()
    with pytest.raises(tasks.SceneTaskError, match=r"step 1 \(SampleScene\).*timed out after 0.3 s"):
        tasks.render_scene("ada", entry, "l", member().tomls, {"CLASS_SCENE_TIMEOUT": "0.3"})
    assert time.monotonic() - started < 5


def test_scene_timeout_is_checked(monkeypatch):
    monkeypatch.delenv("CLASS_SCENE_TIMEOUT", raising=False)
    assert tasks.scene_timeout() == tasks.SCENE_TIMEOUT
    assert tasks.scene_timeout({"CLASS_SCENE_TIMEOUT": "2.5"}) == 2.5
    for bad in ("0", "-1", "soon"):
        with pytest.raises(ValueError, match="CLASS_SCENE_TIMEOUT"):
            tasks.scene_timeout({"CLASS_SCENE_TIMEOUT": bad})


def test_the_render_environment_has_no_voice_dir(monkeypatch, tmp_path):
    """Neither the worker's nor the client's VOICE_DIR reaches a student's render."""
    from scenes.narration.cache import ENV_CACHE

    monkeypatch.setenv("VOICE_DIR", "/worker/recordings")
    examples = {r: tmp_path / f"{r}.toml" for r in tasks.ROLES}
    env = tasks.render_environment(
        {"VOICE_DIR": "/client/recordings", "NARRATION": "on"}, examples, tmp_path
    )
    assert "VOICE_DIR" not in env
    assert env["NARRATION"] == "on" and env["BACKPROP_PLAIN_SCENES"] == "1"
    assert env["BPMATH_CHAIN"] == str(examples["chain"])
    assert tasks.NARRATION_CACHE == ENV_CACHE
    assert env[ENV_CACHE] == str(tmp_path / "narration" / "cache")
    assert "VOICE_DIR" not in run.PASSED_VARIABLES
    assert "BACKPROP_NARRATION_CACHE" not in run.PASSED_VARIABLES


def test_voice_dir_changes_no_fingerprint(monkeypatch, tmp_path):
    """Recordings are not a class's input: setting VOICE_DIR re-renders nothing."""
    from tests.classroom.test_class_render import ENTRIES

    monkeypatch.delenv("VOICE_DIR", raising=False)
    before = run._scene_inputs(ENTRIES, "l")
    folder = tmp_path / "voice"
    folder.mkdir()
    (folder / "sample_scene-00.wav").write_bytes(b"RIFF")
    monkeypatch.setenv("VOICE_DIR", str(folder))
    assert run._scene_inputs(ENTRIES, "l") == before
    assert os.environ["VOICE_DIR"] == str(folder), "the variable is given back"


def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("id,name,seed\nada,Ada,7\n", encoding="utf-8")
    return path


def test_make_class_says_once_that_voice_dir_is_not_used(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("VOICE_DIR", str(tmp_path))
    monkeypatch.setattr(run, "run_class", lambda *a, **k: run.Outcome())
    code = run.main([str(roster(tmp_path)), "-ql", "--class-dir", str(tmp_path / "c"),
                     "--only", "1", "--workers", "1", "--no-progress"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("VOICE_DIR") == 1 and run.VOICE_NOTICE in out, out
    monkeypatch.delenv("VOICE_DIR")
    run.main([str(roster(tmp_path)), "-ql", "--class-dir", str(tmp_path / "c"),
              "--only", "1", "--workers", "1", "--no-progress"])
    assert "VOICE_DIR" not in capsys.readouterr().out


@pytest.mark.parametrize("jobs", ["abc", "0", "-2"])
def test_a_bad_jobs_is_refused_as_make_video_does(monkeypatch, tmp_path, capsys, jobs):
    monkeypatch.setenv("JOBS", jobs)
    with pytest.raises(ValueError) as make_video:
        render.default_jobs()
    with pytest.raises(ValueError, match=str(make_video.value)):
        run.default_workers()
    monkeypatch.setattr(run, "run_class", lambda *a, **k: pytest.fail("rendered"))
    code = run.main([str(roster(tmp_path)), "--class-dir", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert code == 2 and f"error: {make_video.value}; nothing was rendered" in err, err
    assert not (tmp_path / "c").exists()
    monkeypatch.setenv("JOBS", "3")
    assert run.default_workers() == 3


def test_the_worker_side_imports_no_manim():
    """A task's process imports the runner and the task code, never Manim."""
    code = (
        "import sys; import scenes.classroom.tasks, scenes.render;"
        " from scenes.classroom.tasks import render_scene, join_lecture;"
        " assert 'manim' not in sys.modules, 'manim imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=render.ROOT, check=True)


def test_the_dashboard_listens_on_the_workers_host(monkeypatch):
    import distributed

    seen = {}

    class FakeCluster:
        def __init__(self, **kwargs):
            seen.update(kwargs)

        def close(self):
            pass

    class FakeClient:
        def __init__(self, *args, **kwargs):
            pass

        def close(self):
            pass

    monkeypatch.setattr(distributed, "LocalCluster", FakeCluster)
    monkeypatch.setattr(distributed, "Client", FakeClient)
    monkeypatch.setattr(cluster, "_has_dashboard", lambda: True)
    with cluster.open_client(None, 2, host="127.0.0.1"):
        pass
    assert seen["dashboard_address"] == "127.0.0.1:0" and seen["host"] == "127.0.0.1"


def test_the_render_environment_drops_what_a_nanny_set_for_its_worker(monkeypatch, tmp_path):
    """A render sees what make video's renders see: not Dask's MALLOC_TRIM_THRESHOLD_
    (it turns off glibc's adaptive mmap threshold, 7 % more CPU a render) nor its
    thread limits, unless the client asks for them itself."""
    names = tasks.nanny_variables()
    assert {"MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS"} <= names, names
    for name in names:
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("SOMETHING_OF_THE_WORKER", "kept")
    examples = {r: tmp_path / f"{r}.toml" for r in tasks.ROLES}
    env = tasks.render_environment({"OMP_NUM_THREADS": "3"}, examples, tmp_path)
    assert not (names - {"OMP_NUM_THREADS"}) & set(env), sorted(names & set(env))
    assert env["OMP_NUM_THREADS"] == "3", "the client's own setting is kept"
    assert env["SOMETHING_OF_THE_WORKER"] == "kept"


def _seen_by_a_task(examples: dict, caches: str) -> dict:
    import os

    import dask.config

    from scenes.classroom.tasks import render_environment

    return {
        "worker_malloc": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
        "render_malloc": render_environment(None, examples, Path(caches)).get(
            "MALLOC_TRIM_THRESHOLD_"
        ),
        "profile": dask.config.get("distributed.worker.profile.enabled"),
        "monitor": dask.config.get("distributed.worker.memory.monitor-interval"),
    }


@pytest.mark.xdist_group("classroom")
def test_a_local_cluster_worker_runs_with_the_long_task_settings(tmp_path):
    """On the embedded cluster (127.0.0.1, stopped by open_client whatever happens): the
    worker has Dask's settings for long tasks, and its nanny's MALLOC_TRIM_THRESHOLD_,
    which the render's environment leaves out."""
    examples = {r: str(tmp_path / f"{r}.toml") for r in tasks.ROLES}
    with cluster.open_client(workers=1) as client:
        seen = client.submit(_seen_by_a_task, examples, str(tmp_path), pure=False).result(
            timeout=60
        )
    assert seen["worker_malloc"] is not None, "the premise: Dask sets it in the worker"
    assert seen["render_malloc"] is None, seen
    assert seen["profile"] is False
    assert seen["monitor"] == cluster.LONG_TASK_CONFIG["distributed.worker.memory.monitor-interval"]


def test_scenes_go_dearest_first_from_the_class_history(tmp_path):
    """The costs measured in one run order the next one's scenes, dearest first; a scene
    never measured keeps the lecture's order after the measured ones."""
    from tests.scenes.entries import TestSceneEntry

    entries = [
        TestSceneEntry(1, "a", "One", "t"),
        TestSceneEntry(2, "b", "Two", "t"),
        TestSceneEntry(3, "c", "Three", "t"),
        TestSceneEntry(4, "c", "Four", "t"),
    ]
    assert run.read_costs(tmp_path, "l") == {}
    fresh = run.scene_priorities(entries, {})
    assert [fresh[run.scene_key(e)] for e in entries] == [3, 2, 1, 0], "the lecture's order"
    usage = [
        {"student": "ada", "step": 2, "cpu_seconds": 30.0},
        {"student": "bob", "step": 2, "cpu_seconds": 40.0},
        {"student": "ada", "step": 4, "cpu_seconds": 50.0},
        {"student": "ada", "step": 1, "cpu_seconds": None},
    ]
    run.write_costs(tmp_path, "l", usage, entries)
    costs = run.read_costs(tmp_path, "l")
    assert costs == {"b.Two": 35.0, "c.Four": 50.0}
    assert run.read_costs(tmp_path, "h") == {}, "each quality has its own figures"
    ranked = run.scene_priorities(entries, costs)
    order = sorted(entries, key=lambda e: -ranked[run.scene_key(e)])
    assert [e.name for e in order] == ["Four", "Two", "One", "Three"]
    (tmp_path / run.COSTS_FILE).write_text("not json", encoding="utf-8")
    assert run.read_costs(tmp_path, "l") == {}, "a broken history only loses the order"
