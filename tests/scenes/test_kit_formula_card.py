"""FormulaCard: rows of general formulas, a band over the rows discussed, a panel below."""

from __future__ import annotations

from manim import AnimationGroup, FadeIn, FadeOut, MathTex, Write

from scenes.kit.formula_card import FormulaCard

ROWS = [["a", "=", "b"], ["c", "=", "d"], ["e", "=", "f"]]


def test_discuss_shades_the_rows_and_replaces_the_panel():
    """First turn: band fades in; later turns: the old panel fades out, the band moves."""
    card = FormulaCard(ROWS, ["one", "two", "three"])
    first = card.discuss(card.rows[0:2], [MathTex("1")])
    assert isinstance(first[0], AnimationGroup) and isinstance(first[1], FadeIn)
    assert isinstance(first[2], Write)
    assert isinstance(first[0].animations[0], FadeIn)
    band, panel = card.shade, card.shown_panel
    assert abs(band.get_y() - card.rows[0:2].get_y()) < 1e-6
    assert panel.get_top()[1] < card.rows.get_bottom()[1]
    second = card.discuss(card.rows[2:3], [MathTex("2")])
    kinds = [type(a) for a in second[0].animations]
    assert FadeOut in kinds and card.shade is band and card.shown_panel is not panel
