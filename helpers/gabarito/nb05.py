"""Gabarito do notebook 05 · Operações com tensores."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _normalizar_com_lacos(M):
    """Outro caminho: cada linha dividida pela sua soma, linha por linha."""
    return np.array([linha / sum(linha) for linha in M])


def _camada_densa(imagens, W, b):
    """Outro caminho para relu(x @ W + b): sem achatar, somando sobre linhas e colunas."""
    x = imagens[:256] / 255.0
    return np.maximum(np.einsum("nij,ijk->nk", x, W.reshape(28, 28, -1)) + b, 0.0)


_rng = np.random.default_rng(10)

EXERCICIOS = {
    1: Valor((8, 7, 6),
             dica="Alinhe as formas pela direita: (8, 1, 6) e (_, 7, 1). Os 1 se esticam."),
    2: Funcao(casos=[(np.array([[3.0, 1.0, 4.0, 1.0], [5.0, 9.0, 2.0, 6.0]]),),
                     (_rng.uniform(0.1, 1.0, size=(5, 3)),),
                     (_rng.uniform(0.1, 1.0, size=(1, 7)),)],
              referencia=_normalizar_com_lacos,
              dica="M.sum(axis=1, keepdims=True) tem forma (n, 1): divida M por ela."),
    # o enunciado promete 0,00001 de diferença em cada posição: cabe o arredondamento de quem
    # calcula em float32 (uns 7 algarismos; o erro medido fica abaixo de 0,0000005)
    3: Valor(_camada_densa, atol=1e-5,
             dica="Três passos: reshape com -1, divisão por 255.0 e a ReLU (np.maximum) de "
                  "x @ W3 + b3. Confira: x deve ter forma (256, 784)."),
}
