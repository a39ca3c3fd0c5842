"""Gabarito do notebook 06 · Gradiente descendente."""

import numpy as np

from helpers.exercicios import Funcao, Valor


class _PerdaComGradiente:
    """Uma perda que o aluno chama como função; o gabarito conhece o gradiente exato."""

    def __init__(self, nome, perda, gradiente):
        self._nome, self._perda, self.gradiente = nome, perda, gradiente

    def __call__(self, w):
        return self._perda(w)

    def __deepcopy__(self, memo):  # não muda: o corretor pode usar a mesma
        return self

    def __repr__(self):
        return self._nome


def _casos_2(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    diabetes = _PerdaComGradiente("a perda do diabetes", lambda w: np.mean((X @ w - y) ** 2),
                                  lambda w: 2 * X.T @ (X @ w - y) / len(y))
    tigela = _PerdaComGradiente("a tigela", lambda w: 0.5 * w[0] ** 2 + 10 * w[1] ** 2,
                                lambda w: np.array([w[0], 20 * w[1]]))
    w_sorteado = np.random.default_rng(20).normal(size=X.shape[1])
    return [(diabetes, w_sorteado), (tigela, np.array([-4.0, 1.5]))]


def _passos_3():
    w = 0.0
    for _ in range(3):
        w = w - 0.1 * 2 * (w - 3)
    return w


EXERCICIOS = {
    1: Valor(8 * 2**3 - 10 * 2 + 1,
             dica="h'(x) = 4·2x³ − 2·5x + 1; depois troque x por 2."),
    # o enunciado promete 0,000001 de diferença em cada posição
    2: Funcao(casos=_casos_2, referencia=lambda funcao, w: funcao.gradiente(w), atol=1e-6,
              dica="Crie grad = np.zeros_like(w); para cada i, monte e = np.zeros_like(w), "
                   "e[i] = h, e use (funcao(w + e) - funcao(w - e)) / (2 * h)."),
    3: Valor(_passos_3(), dica="A derivada é 2w − 6; cada passo faz w ← w − 0,1 · (2w − 6)."),
    4: Valor(2 / 50, dica="A curvatura de 3w₁² é 6 e a de 25w₂² é 50; a taxa limite é "
                          "2 / (a maior delas)."),
}
