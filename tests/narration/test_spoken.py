"""The spoken form of the notes: every notation rule, and every note of every scene."""

from __future__ import annotations

import pytest

from scenes.narration.spoken import spoken_form, unspoken
from scenes.narration.voices import PiperVoice
from tests.scenes.cases import scene_cases
from tests.scenes.harness import build_cached

RULES = [
    ("a_k", "a k"),
    ("w_jk", "w j k"),
    ("a^(L-1)", "a of layer L minus one"),
    ("a_k^(L-1)", "a k of layer L minus one"),
    ("w_jk^(L)", "w j k of layer L"),
    ("a^(l)", "a of layer l"),
    ("k=0", "k equals zero"),
    ("j = 1", "j equals one"),
    ("layer L-1", "layer L minus one"),
    ("C0", "C zero"),
    ("C_k", "C k"),
    ("y_j", "y j"),
    ("σ'", "sigma prime"),
    ("σ'(z)", "sigma prime of z"),
    ("η", "eta"),
    ("∂C0/∂w", "the derivative of C zero with respect to w"),
    ("∂C0/∂a_k^(L-1)", "the derivative of C zero with respect to a k of layer L minus one"),
    ("∂z_j/∂w_jk", "the derivative of z j with respect to w j k"),
    ("Σ_j", "the sum over j of"),
    ("2(a − y)", "two times a minus y"),
    ("a · b", "a times b"),
    ("z = W a + b", "z equals W a plus b"),
    ("(a_j − y_j)²", "a j minus y j squared"),
    ("x^2", "x squared"),
    ("Δw = 0.1", "delta w equals 0.1"),
    ("−0.35", "minus 0.35"),
    ("-1.25", "minus 1.25"),
    ("0.087", "0.087"),
    ("30 steps", "30 steps"),
    ("6 numbers", "six numbers"),
    ("∇C", "the gradient of C"),
    ("per-example costs", "per-example costs"),
    ("a 5-layer chain", "a five-layer chain"),
    ("the change — small", "the change, small"),
    ("50%", "50 percent"),
    ("a/b", "a over b"),
]


@pytest.mark.parametrize(("written", "spoken"), RULES, ids=[r[0] for r in RULES])
def test_each_notation_reads_aloud(written, spoken):
    """One rule of the spoken form, written -> said."""
    assert spoken_form(written) == spoken


def test_prose_is_left_as_it_is():
    """A note without notation is spoken word for word."""
    note = "Then again, and again: the cost falls. Isn't that what we wanted?"
    assert spoken_form(note) == note


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("so a k moves", 1),
        ("how a responds to z", 1),
        ("Finally a, together with y", 1),
        ("a of layer L minus one", 1),
        ("carries a weight and a bias", 0),
        ("in a row.", 0),
    ],
)
def test_the_letter_a_is_spelled_for_the_voice(text, letters):
    """The activation a is said "ay"; the article a is left to the voice."""
    assert PiperVoice.pronounce(text).count("[[ˈeɪ]]") == letters


@pytest.mark.render
@pytest.mark.parametrize(("module", "example"), scene_cases(hard=True))
def test_every_note_of_every_scene_speaks_as_plain_words(module, example):
    """No note of any scene, on any example, leaves notation in its spoken form."""
    run = build_cached(module, example)
    for snap in run.snapshots:
        spoken = spoken_form(snap.beat.note)
        assert not unspoken(spoken), (
            f"{module} beat {snap.beat.index} ({example}): {unspoken(spoken)} left in"
            f" {spoken!r}"
        )
        for mark in ("_", "^", "(", ")", "=", "/", "∂", "Σ", "σ", "η"):
            assert mark not in spoken, f"{module} beat {snap.beat.index}: {mark!r} in {spoken!r}"
