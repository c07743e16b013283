"""The narration is a lower floor than publishing: it never imports scenes.publish."""

from __future__ import annotations

from scenes.narration.srt import read_srt
from scenes.publish import subtitles
from tests.test_import_graph import import_graph


def test_the_narration_never_imports_the_publishing_layer():
    """No module of scenes.narration imports scenes.publish (listen.py read SRT there)."""
    upward = {
        module: sorted(d for d in deps if d.startswith("scenes.publish"))
        for module, deps in import_graph().items()
        if module.startswith("scenes.narration")
    }
    assert {m: d for m, d in upward.items() if d} == {}


def test_both_layers_read_srt_with_one_reader():
    """publish.subtitles reads captions with the narration's reader."""
    assert subtitles.read_srt is read_srt
