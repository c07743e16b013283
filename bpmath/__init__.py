"""bpmath: the exact numbers of backpropagation for small fully connected networks.

Pure numpy, no Manim: students import it on its own, and the scenes draw what it computes.
Notation is the lecture's: layer 0 is the input, z^(l) = W^(l) a^(l-1) + b^(l),
a^(l) = σ(z^(l)), and the cost of one example is C0 = Σ_j (a_j^(L) − y_j)² with no ½.

>>> import bpmath
>>> ex = bpmath.examples.chain()
>>> grads = bpmath.backward(ex.network, ex.x, ex.y)
>>> round(grads.cost, 4)
0.3163
"""

from bpmath import activations, examples
from bpmath.activations import (
    ACTIVATIONS,
    Activation,
    get_activation,
    sigmoid,
    sigmoid_prime,
)
from bpmath.backward import Gradients, backward
from bpmath.chain_rule import ChainRule, PathTerms, chain_rule, path_terms
from bpmath.cost import cost, cost_gradient
from bpmath.example_file import ExampleFileError, load_example
from bpmath.examples import Example
from bpmath.forward import Trace, forward
from bpmath.network import Network
from bpmath.nudge import Nudge, nudge
from bpmath.parameters import Parameter, a, b, w
from bpmath.rounding import agreeing_decimals, format_value
from bpmath.training import (
    AverageGradient,
    DescentHistory,
    GradientVector,
    average_gradient,
    gradient_descent,
    gradient_vector,
)

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "AverageGradient",
    "ChainRule",
    "DescentHistory",
    "Example",
    "ExampleFileError",
    "Gradients",
    "GradientVector",
    "Network",
    "Nudge",
    "Parameter",
    "PathTerms",
    "Trace",
    "a",
    "activations",
    "agreeing_decimals",
    "average_gradient",
    "b",
    "backward",
    "chain_rule",
    "cost",
    "cost_gradient",
    "examples",
    "format_value",
    "forward",
    "get_activation",
    "gradient_descent",
    "gradient_vector",
    "load_example",
    "nudge",
    "path_terms",
    "sigmoid",
    "sigmoid_prime",
    "w",
]

__version__ = "0.1.0"
