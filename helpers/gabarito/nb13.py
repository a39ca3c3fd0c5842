"""Gabarito do notebook 13 · Escolher, salvar e carregar um modelo."""

from helpers.exercicios import Funcao, Valor

# as dez medidas de entrada, na ordem do treino (a de diabetes.csv, sem a coluna do alvo)
_COLUNAS = ["idade", "sexo", "imc", "pressao_arterial", "colesterol_total", "ldl", "hdl",
            "colesterol_por_hdl", "log_triglicerides", "glicose"]


def _escolher(maes, tolerancia):
    melhor = min(maes.values())
    for nome, valor in maes.items():
        if valor <= melhor + tolerancia:
            return nome


def _casos_das_colunas(novos):
    sem_alvo = novos.drop(columns=["progressao"])
    return [(novos,), (sem_alvo,), (sem_alvo.iloc[:, ::-1],), (novos.iloc[:, ::-1],)]


EXERCICIOS = {
    1: Funcao(casos=[({"linear": 40.0, "rede": 39.0, "larga": 36.5}, 2.0),
                     ({"linear": 40.0, "rede": 39.0, "larga": 36.5}, 5.0),
                     ({"média": 66.0, "linear": 38.5, "rede": 43.0}, 2.0),
                     ({"a": 10.0, "b": 10.0}, 0.0)],
              referencia=_escolher,
              dica="calcule o menor MAE com min(maes.values()) e percorra maes.items() em "
                   "ordem, devolvendo o primeiro nome com MAE ≤ menor + tolerancia."),
    2: Valor(4929, dica="três camadas densas: 10 → 64, 64 → 64 e 64 → 1; cada uma tem "
                        "entradas × neurônios pesos e um viés por neurônio."),
    3: Funcao(casos=_casos_das_colunas,
              referencia=lambda pacientes: pacientes[_COLUNAS].to_numpy(dtype="float32"),
              dica="escolha as colunas pelo nome, pacientes[lista_de_colunas], na ordem do "
                   "treino, e converta com .to_numpy(dtype=\"float32\")."),
}
