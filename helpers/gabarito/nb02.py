"""Gabarito do notebook 02 · Da camada à rede."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _sigmoide(z):
    return 1 / (1 + np.exp(-z))


def _imagens(n, semente):
    """Imagens de mentira, com pixels inteiros de 0 a 255, como as do MNIST."""
    return np.random.default_rng(semente).integers(0, 256, size=(n, 28, 28), dtype=np.uint8)


def _camada(semente):
    rng = np.random.default_rng(semente)
    return rng.random((6, 784)), rng.normal(0, 0.05, size=(784, 10)), rng.normal(size=10)


EXERCICIOS = {
    1: Funcao(casos=[(_imagens(3, 0),), (_imagens(1, 1),)],
              referencia=lambda imagens: np.stack([im.flatten() for im in imagens]) / 255.0,
              dica="imagens.reshape(len(imagens), 784) achata; depois divida por 255."),
    2: Funcao(casos=[([784, 16, 10],), ([784, 128, 64, 32, 10],), ([3, 2, 1],)],
              referencia=lambda t: sum(np.zeros((a, c)).size + np.zeros(c).size
                                       for a, c in zip(t[:-1], t[1:])),
              dica="entre camadas de a e c neurônios há a × c pesos e c vieses."),
    3: Valor((128, 16),
             dica="o lote não muda o primeiro eixo; o segundo é o número de neurônios da oculta."),
    4: Funcao(casos=[_camada(0), _camada(1)],
              referencia=lambda X, W, b: np.array([int(np.argmax(_sigmoide(x @ W + b)))
                                                   for x in X]),
              dica="np.argmax(..., axis=1) dá a posição do maior valor de cada linha."),
}
