"""Gabarito do notebook 01 · O neurônio artificial."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _sigmoide(z):
    return 1 / (1 + np.exp(-z))


EXERCICIOS = {
    1: Valor(_sigmoide(np.dot([1, -2], [3, 1]) + 0.5),
             dica="z = 1·3 + (−2)·1 + 0,5; depois aplique sigmoide(z)."),
    2: Funcao(casos=[(np.array([2.0, 3.0]), np.array([0.0, 1.0]), 4.0),
                     (np.array([1.0, 1.0]), np.array([-1.0, -2.0]), 0.5)],
              referencia=lambda x, w, b: max(0.0, float(x @ w + b)),
              dica="calcule z = np.dot(w, x) + b e devolva relu(z)."),
    3: Funcao(casos=[(np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -1.0],
                                [3.0, 2.0, 1.0], [-2.0, 0.5, 0.0]]),
                      np.array([0.2, -0.4, 0.6]), -0.1)],
              referencia=lambda X, w, b: _sigmoide(X @ w + b),
              dica="X @ w dá a soma ponderada de todas as linhas de uma vez."),
    # o enunciado pede duas casas decimais: meia unidade na segunda casa
    4: Valor(np.log(9), atol=0.005, dica="1/(1 + e^(−z)) = 0,9 quer dizer e^(−z) = 1/9."),
}
