"""The symbol palette stays distinct for every student, colour-blind ones included.

Every pair of the palette's colours (the symbols w, b, z, a, C, y, σ, the two weight-sign
colours and the highlight) must stay at least :data:`MIN_DELTA_E` CIEDE2000 apart under
typical vision and under protanopia, deuteranopia and tritanopia, simulated with the
Machado et al. (2009) matrices at full severity (1.0). Every colour that draws text must
have a WCAG 2.x contrast of at least :data:`MIN_CONTRAST` against the background.

The figures come from colour-science (BSD, the ``dev`` extra), not from formulas of our
own: sRGB is decoded to linear light, the deficiency matrix is applied there (clipped to
the gamut, as a screen would), and ΔE00 is measured in CIELAB (D65).
"""

from __future__ import annotations

import itertools

import numpy as np

# colour-science switches numpy's printing to its 1.13 legacy style on import
# (``array([ 0.])``), which broke bpmath's doctests in the same test process.
_PRINTING = np.get_printoptions()
import colour  # noqa: E402

np.set_printoptions(**_PRINTING)

import pytest  # noqa: E402
from manim import ManimColor  # noqa: E402

from scenes.kit import style  # noqa: E402

MIN_DELTA_E = 10.0
MIN_CONTRAST = 4.5

VISIONS = {
    "typical vision": None,
    "protanopia": "Protanomaly",
    "deuteranopia": "Deuteranomaly",
    "tritanopia": "Tritanomaly",
}
"""Each vision and its Machado et al. (2009) deficiency, simulated at severity 1.0."""

_SRGB = colour.RGB_COLOURSPACES["sRGB"]


def palette() -> dict[str, str]:
    """Every colour that carries a meaning, by name, as hex."""
    named = {name: color for name, color in style.SYMBOL_COLORS.items()}
    named["weight+"] = style.WEIGHT_POSITIVE
    named["weight-"] = style.WEIGHT_NEGATIVE
    named["highlight"] = style.HIGHLIGHT
    return {name: ManimColor(color).to_hex().upper() for name, color in named.items()}


def text_colours() -> dict[str, str]:
    """Every colour that draws text or numbers: the palette, plain text and muted text."""
    return {
        **palette(),
        "text": ManimColor(style.TEXT_COLOR).to_hex().upper(),
        "muted": ManimColor(style.MUTED).to_hex().upper(),
    }


def _linear(hex_colour: str) -> np.ndarray:
    return colour.models.eotf_sRGB(colour.notation.HEX_to_RGB(hex_colour))


def seen_lab(hex_colour: str, vision: str) -> np.ndarray:
    """CIELAB of ``hex_colour`` as seen with ``vision`` (a key of :data:`VISIONS`)."""
    rgb = _linear(hex_colour)
    deficiency = VISIONS[vision]
    if deficiency is not None:
        with colour.utilities.suppress_warnings(colour_usage_warnings=True):
            # colour-science warns that its tritanomaly matrices are an approximation
            matrix = colour.blindness.matrix_cvd_Machado2009(deficiency, 1.0)
        rgb = np.clip(matrix @ rgb, 0.0, 1.0)
    xyz = colour.RGB_to_XYZ(rgb, _SRGB, apply_cctf_decoding=False)
    return colour.XYZ_to_Lab(xyz, _SRGB.whitepoint)


def delta_e(first: str, second: str, vision: str) -> float:
    """CIEDE2000 between two hex colours as seen with ``vision``."""
    return float(
        colour.delta_E(
            seen_lab(first, vision), seen_lab(second, vision), method="CIE 2000"
        )
    )


def contrast(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio of two hex colours (from 1 to 21)."""
    lighter, darker = sorted(
        (
            float(colour.RGB_to_XYZ(_linear(c), _SRGB, apply_cctf_decoding=False)[1])
            for c in (first, second)
        ),
        reverse=True,
    )
    return (lighter + 0.05) / (darker + 0.05)


def closest_pairs(colours: dict[str, str], vision: str) -> list[tuple[float, str, str]]:
    """Every pair's ΔE00 under ``vision``, closest first."""
    return sorted(
        (delta_e(colours[a], colours[b], vision), a, b)
        for a, b in itertools.combinations(colours, 2)
    )


def pair_problems(colours: dict[str, str], vision: str) -> list[str]:
    """One line per pair closer than :data:`MIN_DELTA_E` under ``vision``."""
    return [
        f"{a} {colours[a]} and {b} {colours[b]} are only {d:.1f} ΔE00 apart under"
        f" {vision} (need {MIN_DELTA_E:g})"
        for d, a, b in closest_pairs(colours, vision)
        if d < MIN_DELTA_E
    ]


def contrast_problems(colours: dict[str, str], background: str) -> list[str]:
    """One line per colour below :data:`MIN_CONTRAST` against ``background``."""
    return [
        f"{name} {hex_colour} has a contrast of only {ratio:.2f}:1 against the"
        f" background {background} (need {MIN_CONTRAST:g}:1)"
        for name, hex_colour in colours.items()
        if (ratio := contrast(hex_colour, background)) < MIN_CONTRAST
    ]


# --- the palette --------------------------------------------------------------------


@pytest.mark.parametrize("vision", VISIONS)
def test_every_pair_of_colours_stays_apart(vision):
    """No two meanings merge: every pair is ≥ 10 ΔE00 apart under this vision."""
    problems = pair_problems(palette(), vision)
    assert not problems, "\n".join(problems)


def test_every_text_colour_reads_on_the_background():
    """Symbols, sign colours, highlight, text and muted text: ≥ 4.5:1 against the background."""
    background = ManimColor(style.BACKGROUND).to_hex().upper()
    problems = contrast_problems(text_colours(), background)
    assert not problems, "\n".join(problems)


def test_the_palette_is_every_meaning_once():
    """Each symbol of the kit is checked, and no two meanings share a colour."""
    colours = palette()
    assert set(style.SYMBOL_COLORS) <= set(colours)
    assert {"w", "b", "z", "a", "C", "y", "sigma"} <= set(colours)
    assert len(set(colours.values())) == len(colours), colours


# --- the checker itself -------------------------------------------------------------

OLD = {
    "w": "#58C4DD",
    "b": "#C55F73",
    "z": "#83C167",
    "a": "#F0F0F0",
    "C": "#FC6255",
    "y": "#F7D96F",
    "sigma": "#5CD0B3",
    "weight-": "#FF7F50",
    "highlight": "#C9A0FF",
}
"""The palette before issue 22 (the positive weight shared w's colour)."""


@pytest.mark.parametrize(
    ("vision", "first", "second", "figure"),
    [
        # the figures issue 22 reported for the old palette, measured independently
        ("typical vision", "C", "weight-", 10.0),
        ("deuteranopia", "C", "weight-", 4.5),
        ("deuteranopia", "z", "C", 4.8),
        ("protanopia", "C", "weight-", 8.4),
        ("tritanopia", "w", "sigma", 3.2),
    ],
)
def test_the_checker_reproduces_the_old_palettes_figures(vision, first, second, figure):
    """The measurement agrees with issue 22's to its one decimal."""
    assert delta_e(OLD[first], OLD[second], vision) == pytest.approx(figure, abs=0.05)


def test_the_checker_names_a_merging_pair():
    """The old green z and red C merge under deuteranopia: the failure says so, with the figure."""
    pair = {"z": OLD["z"], "C": OLD["C"]}
    assert pair_problems(pair, "typical vision") == []
    assert pair_problems(pair, "deuteranopia") == [
        "z #83C167 and C #FC6255 are only 4.8 ΔE00 apart under deuteranopia (need 10)"
    ]
    problems = pair_problems(OLD, "deuteranopia")
    assert any(line.startswith("C #FC6255 and weight- #FF7F50") for line in problems)


def test_the_checker_names_a_dark_text_colour():
    """Okabe–Ito's dark blue is too dark for the lecture's background; WCAG's own examples hold."""
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.005)
    problems = contrast_problems({"blue": "#0072B2"}, "#0F1419")
    assert len(problems) == 1 and problems[0].startswith("blue #0072B2 has a contrast")
