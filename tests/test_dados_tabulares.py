"""Os CSV do curso: vêm dentro do pacote, com erros claros para nomes errados."""

import numpy as np
import pytest

from helpers import caminho_do_csv, csvs_disponiveis, ler_csv_do_curso
from helpers.dados_tabulares import dividir_diabetes


def test_csvs_do_curso():
    assert csvs_disponiveis() == ["diabetes.csv", "diabetes_novos.csv"]
    tabela = ler_csv_do_curso("diabetes.csv")
    novos = ler_csv_do_curso("diabetes_novos.csv")
    assert tabela.shape == (437, 11) and len(novos) == 5
    assert list(novos.columns) == list(tabela.columns)
    assert caminho_do_csv("diabetes.csv").is_file()
    # as linhas "novas" não estão no arquivo de treino
    linhas = {tuple(map(float, linha)) for linha in tabela.to_numpy()}
    assert not any(tuple(map(float, linha)) in linhas for linha in novos.to_numpy())


@pytest.mark.parametrize("nome, erro, trecho", [
    ("diabete.csv", FileNotFoundError, "diabetes.csv"),
    (42, TypeError, "texto"),
])
def test_nome_errado(nome, erro, trecho):
    with pytest.raises(erro, match=trecho):
        ler_csv_do_curso(nome)


def test_dividir_diabetes():
    (x_treino, y_treino), (x_validacao, y_validacao), (x_teste, y_teste) = dividir_diabetes()
    assert [len(x_treino), len(x_validacao), len(x_teste)] == [263, 87, 87]
    assert x_treino.shape[1] == 10 and x_treino.dtype == np.float32
    assert [len(y_treino), len(y_validacao), len(y_teste)] == [263, 87, 87]
    # as três partes juntas são a tabela toda, sem repetir nenhum paciente
    partes = [(x_treino, y_treino), (x_validacao, y_validacao), (x_teste, y_teste)]
    juntos = np.concatenate([np.column_stack([x, y]) for x, y in partes])
    tabela = ler_csv_do_curso("diabetes.csv").to_numpy(dtype="float32")
    assert sorted(map(tuple, juntos)) == sorted(map(tuple, tabela))
    # o mesmo sorteio a cada chamada; outra semente, outro sorteio
    assert np.array_equal(dividir_diabetes()[2][0], x_teste)
    assert not np.array_equal(dividir_diabetes(1)[2][0], x_teste)
    with pytest.raises(TypeError, match="inteiro"):
        dividir_diabetes(-1)
