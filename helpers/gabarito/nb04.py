"""Gabarito do notebook 04 · Tensores."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _lote(x, n, tamanho):
    """Outro caminho para o lote n: os índices do lote, escolhidos com np.take."""
    return np.take(x, np.arange(n * tamanho, min((n + 1) * tamanho, len(x))), axis=0)


EXERCICIOS = {
    1: Valor(lambda imagens: imagens[200:300].reshape(100, 2, 14, 28)[:, 0],
             dica="São três eixos: imagens 200:300, linhas :14 e todas as colunas."),
    # as imagens de teste: 10.000 = 78 × 128 + 16, então o lote 78 (o último) tem 16
    2: Funcao(casos=lambda imagens: [(imagens, 0, 128), (imagens, 50, 128),
                                     (imagens, 78, 128), (imagens, 3, 32)],
              referencia=_lote,
              dica="O lote n começa no índice tamanho * n e termina antes de tamanho * (n + 1)."),
    3: Valor(np.zeros((64, 280, 128), dtype=np.float32).nbytes,
             dica="Multiplique os números da forma (64, 280, 128) e depois pelos 4 bytes de "
                  "um float32."),
}
