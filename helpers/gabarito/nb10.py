"""Gabarito do notebook 10 · Dígitos com Keras."""

import numpy as np

from helpers.exercicios import Funcao, Valor


def _sete_lidos_como_dois(rotulos, previstos):
    return int(np.sum((np.asarray(rotulos) == 7) & (np.asarray(previstos) == 2)))


EXERCICIOS = {
    1: Valor((784 * 512 + 512) + (512 * 10 + 10),
             dica="em cada camada, entradas × neurônios pesos, mais um viés por neurônio."),
    # 80% de 60.000 = 48.000 imagens de treino; 48.000 ÷ 128 = 375 passos por época
    2: Valor(375 * 5,
             dica="o validation_split tira 20% das imagens antes; passos por época = imagens "
                  "de treino ÷ 128, arredondado para cima; vezes o número de épocas."),
    3: Funcao(casos=lambda rotulos: [(np.array([5, 0, 4]),), (np.asarray(rotulos)[:50],)],
              referencia=lambda r: np.eye(10)[r],
              dica="np.eye(10) tem uma linha one-hot para cada dígito; indexe-a com os rótulos."),
    4: Valor(_sete_lidos_como_dois,
             dica="linha = dígito verdadeiro, coluna = dígito previsto: matriz[linha, coluna]."),
}
