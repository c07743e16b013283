"""make class on a real Dask scheduler and two workers on 127.0.0.1 (issue 21).

The scenes are the test harness's two short sample scenes, rendered at -ql with the
stand-in voice: a class of two students gives two lectures (chapters, captions, sound),
two notebooks that accept their own student's answers and refuse the other's, and the
answer key; a re-run renders nothing; a failing student is named while the other
completes; a worker killed mid-task does not stop the class.
"""

from __future__ import annotations

import csv
import json
import subprocess
import threading
import time
from pathlib import Path

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from scenes.classroom import run
from scenes.classroom.cluster import open_client
from scenes.classroom.notebook import EXERCISES, answers
from scenes.classroom.roster import parse_roster
from tests.classroom.dask_processes import dask_processes
from tests.scenes.entries import TestSceneEntry
from tests.test_notebook import execute

pytestmark = [pytest.mark.render, pytest.mark.xdist_group("classroom")]

ENTRIES = (
    TestSceneEntry(1, "sample_scene", "SampleScene", "A first sample"),
    TestSceneEntry(2, "sample_scene", "WrongValueScene", "A second sample"),
)
ROSTER = "id,name,seed\nada,Ada Lovelace,7\nbob,Bob,\n"
RUN_TIMEOUT = 900


def members():
    return run.plan_class(parse_roster(ROSTER), class_seed="test")


def run_bounded(target, *args, **kwargs):
    """Run ``target`` in a thread; fail (not hang) if it takes over RUN_TIMEOUT."""
    box = {}

    def go():
        try:
            box["result"] = target(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box["error"] = exc

    thread = threading.Thread(target=go, daemon=True)
    thread.start()
    thread.join(RUN_TIMEOUT)
    assert not thread.is_alive(), f"the class run took over {RUN_TIMEOUT} s"
    if "error" in box:
        raise box["error"]
    return box["result"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with dask_processes(tmp_path_factory.mktemp("dask")) as found:
        yield found


@pytest.fixture(scope="module")
def klass(cluster, tmp_path_factory):
    class_dir = tmp_path_factory.mktemp("class")
    people = members()
    outcome = run_bounded(
        run.run_class, people, "l", class_dir,
        client_factory=lambda: open_client(cluster.address),
        entries=ENTRIES, progress=False,
    )
    run.write_teacher_files(class_dir, people, outcome.failures)
    return class_dir, people, outcome


def probe(path: Path) -> dict:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-show_streams", "-show_format",
         "-of", "json", str(path)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def test_both_lectures(klass):
    """Each student's lecture: two chapters, a captions track, sound, the right length."""
    class_dir, people, outcome = klass
    assert outcome.failures == {}, outcome.failures
    assert (outcome.rendered, outcome.joined) == (4, 2), outcome
    for m in people:
        folder = class_dir / m.student.id
        info = probe(folder / "lecture.mp4")
        titles = [c["tags"]["title"] for c in info["chapters"]]
        assert titles == ["1. A first sample", "2. A second sample"], titles
        kinds = {s["codec_type"] for s in info["streams"]}
        assert {"audio", "subtitle", "video"} <= kinds, kinds
        scenes = sum(
            float(probe(v)["format"]["duration"]) for v in sorted((folder / "scenes").glob("*.mp4"))
        )
        assert abs(float(info["format"]["duration"]) - scenes) < 0.2, (info["format"], scenes)
        srt = (folder / "lecture.srt").read_text(encoding="utf-8")
        vtt = (folder / "lecture.vtt").read_text(encoding="utf-8")
        assert srt.startswith("1\n") and vtt.startswith("WEBVTT"), (srt[:40], vtt[:40])
        assert srt.count(" --> ") == vtt.count(" --> ") > 2


def test_workers_never_import_manim(cluster, klass):
    """After rendering and joining, no worker process has imported Manim: each scene's
    render process is the only one to (one fresh process per scene task)."""
    from distributed import Client

    assert klass[2].rendered == 4
    with Client(cluster.address, timeout=30, set_as_default=False) as client:
        # A builtin travels by name: the workers cannot import this test module.
        found = client.run(eval, "'manim' in __import__('sys').modules")
    assert found and not any(found.values()), found


def test_answer_key_and_index(klass):
    """answers.csv has each student's answers; every link of index.html exists."""
    class_dir, people, _ = klass
    rows = list(csv.DictReader((class_dir / "answers.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["ada", "bob"]
    for row, m in zip(rows, people):
        for n, value in answers(m.personal).items():
            assert abs(float(row[f"exercise_{n}"]) - value) < 1e-6, (m.student.id, n)
    page = (class_dir / "index.html").read_text(encoding="utf-8")
    for m in people:
        for _, path in run.pages.STUDENT_FILES:
            assert f'href="{m.student.id}/{path}"' in page
            assert (class_dir / m.student.id / path).is_file(), path
    assert "http" not in page, "the index must work offline"


def notebook_with(folder: Path, given: dict[int, float]):
    """The student's notebook with ``given`` typed into the exercise cells, no drawing."""
    nb = nbformat.read(folder / "backprop_by_hand.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if "scenes" not in c.get("metadata", {}).get("tags", [])]
    for cell in nb.cells:
        for n in EXERCISES:
            if f"exercise-{n}" in cell.get("metadata", {}).get("tags", []):
                cell.source = f"answer_{n} = {given[n]!r}"
    return nb


def test_notebooks_check_their_own_numbers(klass):
    """Each notebook accepts its student's answers; Ada's refuses Bob's."""
    class_dir, people, _ = klass
    key = {m.student.id: answers(m.personal) for m in people}
    for m in people:
        folder = class_dir / m.student.id
        execute(notebook_with(folder, key[m.student.id]), folder)
    ada = class_dir / "ada"
    with pytest.raises(CellExecutionError, match="Exercise 1: your answer"):
        execute(notebook_with(ada, key["bob"]), ada)


def test_the_run_remembers_each_scenes_cost(klass):
    """The render CPU of each scene is kept to order the next run's scenes dearest first."""
    class_dir, _, outcome = klass
    costs = run.read_costs(class_dir, "l")
    assert set(costs) == {run.scene_key(e) for e in ENTRIES}, costs
    for e in ENTRIES:
        measured = [u["cpu_seconds"] for u in outcome.usage if u["step"] == e.step]
        assert costs[run.scene_key(e)] == pytest.approx(sum(measured) / len(measured), abs=0.06)


def test_rerun_renders_nothing(klass):
    """A second run with nothing changed renders nothing and starts no cluster."""
    class_dir, people, _ = klass

    def no_cluster():
        raise AssertionError("a re-run with nothing changed must not need a cluster")

    outcome = run.run_class(
        members(), "l", class_dir, client_factory=no_cluster, entries=ENTRIES, progress=False
    )
    assert (outcome.rendered, outcome.joined, outcome.up_to_date) == (0, 0, 4), outcome


def test_failing_student_is_named_and_others_complete(cluster, tmp_path):
    """Bob's broken example fails his scene: named with its step and cause; Ada completes."""
    people = members()
    people[1].tomls["chain"] = "weights = ["  # not TOML
    outcome = run_bounded(
        run.run_class, people, "l", tmp_path,
        client_factory=lambda: open_client(cluster.address),
        entries=ENTRIES[:1], progress=False,
    )
    assert list(outcome.failures) == ["bob"], outcome.failures
    why = outcome.failures["bob"]
    assert why.startswith("student bob: step 1 (SampleScene) failed:"), why
    assert "chain example is not usable" in why and "not valid TOML" in why, why
    assert (tmp_path / "ada" / "lecture.mp4").is_file()
    assert not (tmp_path / "bob" / "lecture.mp4").exists()


def test_exit_status_lists_failures(monkeypatch, tmp_path, capsys):
    """make class exits 1 and lists each failed student."""
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    failed = run.Outcome(failures={"bob": "student bob: step 1 (X) failed: boom"})
    monkeypatch.setattr(run, "run_class", lambda *a, **k: failed)
    code = run.main([str(roster), "-ql", "--class-dir", str(tmp_path / "out"), "--only", "1"])
    assert code == 1
    assert "student bob: step 1 (X) failed: boom" in capsys.readouterr().err


def test_worker_killed_mid_task(tmp_path):
    """A worker killed while it renders: its task runs again elsewhere, the class completes."""
    with dask_processes(tmp_path / "dask") as found:
        from distributed import Client

        killed = []

        def killer():
            with Client(found.address, timeout=30, set_as_default=False) as client:
                deadline = time.monotonic() + RUN_TIMEOUT
                while time.monotonic() < deadline and not killed:
                    workers = client.scheduler_info()["workers"]
                    for address, keys in client.processing().items():
                        if any(str(k).startswith("scene-") for k in keys):
                            name = workers[address]["name"]
                            time.sleep(3)  # well inside the render
                            found.kill_worker(name)
                            killed.append(name)
                            break
                    time.sleep(0.5)

        thread = threading.Thread(target=killer, daemon=True)
        thread.start()
        outcome = run_bounded(
            run.run_class, members(), "l", tmp_path / "class",
            client_factory=lambda: open_client(found.address),
            entries=ENTRIES[:1], progress=False,
        )
        thread.join(60)
    assert killed, "no worker was killed"
    assert outcome.failures == {}, outcome.failures
    for sid in ("ada", "bob"):
        assert (tmp_path / "class" / sid / "lecture.mp4").is_file(), sid
