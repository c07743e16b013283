"""The lecture in order: which file and scene class each storyboard step is.

``make video`` renders these in this order; the tests build every scene listed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from manim import Scene

__all__ = ["SCENES", "SceneEntry"]


@dataclass(frozen=True)
class SceneEntry:
    """One storyboard step: ``scenes/<module>.py`` holds class ``name``."""

    step: int
    module: str
    name: str
    title: str

    @property
    def path(self) -> str:
        """The file to hand to ``manim``."""
        return f"scenes/{self.module}.py"

    def load(self) -> type[Scene]:
        """Import the scene class."""
        return getattr(import_module(f"scenes.{self.module}"), self.name)


SCENES: tuple[SceneEntry, ...] = (
    SceneEntry(1, "s01_simplest_network", "SimplestNetwork", "The simplest network"),
    SceneEntry(2, "s02_weighted_sum", "WeightedSum", "The weighted sum"),
    SceneEntry(3, "s03_dependency_tree", "DependencyTreeScene", "What depends on what"),
    SceneEntry(4, "s04_nudges", "NudgesOnNumberLines", "Nudges on number lines"),
    SceneEntry(5, "s05_chain_rule", "ChainRuleScene", "The chain rule"),
    SceneEntry(
        6,
        "s06_bias_and_previous",
        "BiasAndPreviousActivation",
        "The bias and the previous activation",
    ),
    SceneEntry(
        7, "s07_training_examples", "ManyTrainingExamples", "Many training examples"
    ),
    SceneEntry(8, "s08_gradient_vector", "GradientVectorScene", "The gradient vector"),
    SceneEntry(9, "s09_more_neurons", "MoreNeuronsPerLayer", "More neurons per layer"),
    SceneEntry(10, "s10_multi_path", "MultiPathSummation", "One activation, many paths"),
    SceneEntry(11, "s11_stepping_downhill", "SteppingDownhill", "Stepping downhill"),
    SceneEntry(12, "s12_summary", "Summary", "Summary"),
)
