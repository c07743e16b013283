"""The scene kit: reusable pieces for lectures about backpropagation.

Each piece is a Manim mobject or helper that works in any scene::

    from scenes.kit import ChainRuleProduct, ExampleValues, NetworkDiagram
    values = ExampleValues(bpmath.examples.chain())
    self.add(NetworkDiagram(values))

Numbers come from bpmath through :class:`ExampleValues`; colours from :mod:`.style`.
"""

from scenes.kit.activation_plot import ActivationPlot
from scenes.kit.averages import average_formula
from scenes.kit.bars import SignedBars
from scenes.kit.beats import Beat, LectureScene, allow_overlap, speaking_time
from scenes.kit.chain_product import ChainRuleProduct, Factor, color_fraction
from scenes.kit.cost_curve import CostCurve
from scenes.kit.dependency_tree import DependencyTree
from scenes.kit.formula_card import FormulaCard
from scenes.kit.gradient_column import GradientColumn
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.notation import layer_tex
from scenes.kit.nudge import NudgeMarker, NudgeRipple, magnification, nudge_animation
from scenes.kit.number_line import VariableNumberLine, nice_range, shared_ranges
from scenes.kit.parameter_lines import ParameterLines
from scenes.kit.path_sum import PathSum
from scenes.kit.pointer import point_at
from scenes.kit.style import SYMBOL_COLORS, color_of, weight_color
from scenes.kit.sums import CostSum, WeightedSumLines
from scenes.kit.tables import ColumnVector, ValueTable
from scenes.kit.values import (
    ExampleValues,
    Quantity,
    Shown,
    ValueNumber,
    decimals_for,
    formula,
    shown_values,
    tag,
    tiered_decimals,
)
from scenes.kit.weight_matrix import WeightMatrix
from scenes.kit.worked import sum_decimals, worked_sum

__all__ = [
    "SYMBOL_COLORS",
    "ActivationPlot",
    "Beat",
    "ChainRuleProduct",
    "ColumnVector",
    "CostCurve",
    "CostSum",
    "DependencyTree",
    "ExampleValues",
    "Factor",
    "FormulaCard",
    "GradientColumn",
    "LectureScene",
    "NetworkDiagram",
    "NudgeMarker",
    "NudgeRipple",
    "ParameterLines",
    "PathSum",
    "Quantity",
    "Shown",
    "SignedBars",
    "ValueNumber",
    "ValueTable",
    "VariableNumberLine",
    "WeightMatrix",
    "WeightedSumLines",
    "allow_overlap",
    "average_formula",
    "color_fraction",
    "color_of",
    "decimals_for",
    "formula",
    "layer_tex",
    "magnification",
    "nice_range",
    "nudge_animation",
    "point_at",
    "shared_ranges",
    "shown_values",
    "speaking_time",
    "sum_decimals",
    "tag",
    "tiered_decimals",
    "weight_color",
    "worked_sum",
]
