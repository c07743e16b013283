"""Manim scenes of the backpropagation-calculus lecture, and the kit they are built from."""
