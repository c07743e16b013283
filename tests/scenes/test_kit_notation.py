"""The lecture's one-neuron rules, written once as formula parts."""

from __future__ import annotations

from scenes.kit.notation import activation_rule, cost_rule, weighted_sum_rule
from scenes.kit.values import formula


def test_the_rules_read_as_the_lecture_writes_them():
    """z = w a + b, a = σ(z) and C0 = (a − y)², at the layers asked, coloured by symbol."""
    z = formula(*weighted_sum_rule("(L-1)", "(L-2)")).get_tex_string()
    assert z.split() == "z^{(L-1)} = w^{(L-1)} a^{(L-2)} + b^{(L-1)}".split()
    a = activation_rule(r"\tanh", "(L)")
    assert a[2] == (r"\tanh", "sigma") and a[0] == ("a^{(L)}", "a")
    c = formula(*cost_rule()).get_tex_string().replace(" ", "")
    assert c == "C_0=(a^{(L)}-y)^2"
    symbols = [p[1] for p in weighted_sum_rule() if isinstance(p, tuple)]
    assert symbols == ["z", "w", "a", "b"]
