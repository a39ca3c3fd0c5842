"""Os CSV do curso: vêm dentro do pacote, com erros claros para nomes errados."""

import pytest

from helpers import caminho_do_csv, csvs_disponiveis, ler_csv_do_curso


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
