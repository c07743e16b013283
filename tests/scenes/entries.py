"""The one way to declare a scene that lives in a test module, as a lecture entry."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from manim import Scene

from scenes.lecture import SceneEntry

__all__ = ["TestSceneEntry"]


@dataclass(frozen=True)
class TestSceneEntry(SceneEntry):
    """A lecture entry for scene class ``name`` of ``tests/scenes/<source>.py``.

    ``module`` names the entry (the harness's key, the golden frames' file);
    ``source`` is the test module that holds the class, ``module`` itself by default.
    """

    __test__ = False  # a dataclass, not a test class for pytest to collect

    source: str = ""

    @property
    def file(self) -> str:
        """The test module's name under ``tests/scenes/``."""
        return self.source or self.module

    @property
    def path(self) -> str:
        """The test module, relative to the project root, for ``manim``."""
        return f"tests/scenes/{self.file}.py"

    def load(self) -> type[Scene]:
        """Import the scene class from its test module."""
        return getattr(import_module(f"tests.scenes.{self.file}"), self.name)
