"""The client side: an unreachable scheduler and a bad roster stop make class quickly."""

from __future__ import annotations

import time

import pytest

from scenes.classroom import run
from scenes.classroom.cluster import ClusterError, check_scheduler
from tests.classroom.dask_processes import free_port


def test_unreachable_scheduler_named_within_10_s():
    """Nothing listens on the port: the error names SCHEDULER in under 10 s."""
    address = f"tcp://127.0.0.1:{free_port()}"
    started = time.monotonic()
    with pytest.raises(ClusterError, match=f"SCHEDULER={address}"):
        check_scheduler(address)
    assert time.monotonic() - started < 10


def test_main_stops_on_unreachable_scheduler(tmp_path, capsys):
    """make class with a dead SCHEDULER exits 2 before rendering anything."""
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name\nada,Ada\n", encoding="utf-8")
    address = f"tcp://127.0.0.1:{free_port()}"
    started = time.monotonic()
    code = run.main([str(roster), "--scheduler", address, "--class-dir", str(tmp_path / "c")])
    assert code == 2 and time.monotonic() - started < 10
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
    assert not (tmp_path / "c").exists(), "nothing may be written"


def test_main_stops_on_bad_roster(tmp_path, capsys):
    """A bad roster: every problem with its line, exit 2, nothing written."""
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,seed\nada,A,1\nada,B,x\n", encoding="utf-8")
    code = run.main([str(roster), "--class-dir", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "line 3: duplicate id 'ada' (first on line 2)" in err
    assert "line 3: seed 'x' is not an integer" in err
    assert not (tmp_path / "c").exists()
