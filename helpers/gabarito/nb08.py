"""Gabarito do notebook 08 · Regra da cadeia e retropropagação."""

import numpy as np

from helpers.exercicios import Funcao, Valor
from helpers.rede_legivel import softmax


def _dL_dx():
    # o grafo do notebook: x = 3, w = −0,5, b = 2, y = 1
    x, w, b, y = 3.0, -0.5, 2.0, 1.0
    a = 1 / (1 + np.exp(-(w * x + b)))
    return 2 * (a - y) * a * (1 - a) * w


def _casos_relu():
    rng = np.random.default_rng(3)
    casos = [(rng.normal(size=(4, 5)), rng.normal(size=(4, 5))) for _ in range(3)]
    return casos + [(np.ones(3), np.array([-1.0, 0.0, 2.0]))]  # em z = 0, a convenção é 0


def _casos_logits():
    rng = np.random.default_rng(4)
    return [(rng.normal(size=(n, 10)), rng.integers(0, 10, n)) for n in (1, 5, 8)]


EXERCICIOS = {
    1: Valor(_dL_dx(), dica="∂L/∂x = ∂L/∂u · ∂u/∂x, e ∂u/∂x = w."),
    2: Funcao(casos=_casos_relu(), referencia=lambda dh, z: np.where(z > 0, dh, 0.0),
              dica="a derivada da ReLU é 1 onde z > 0 e 0 onde z ≤ 0: multiplique dh por isso."),
    3: Funcao(casos=_casos_logits(),
              referencia=lambda z, y: (softmax(z) - np.eye(z.shape[1])[y]) / len(z),
              dica="é (p − one-hot)/n; np.eye(classes)[y] monta os one-hot."),
}
