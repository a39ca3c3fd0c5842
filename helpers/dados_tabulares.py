"""Tabelas (CSV) reais que acompanham o curso, lidas com o pandas.

Os arquivos ficam dentro do próprio pacote, em ``helpers/dados_csv/`` (veja o ``LEIAME.md``
dessa pasta: fonte, licença e como foram gerados). Assim, tanto uma cópia local do
repositório quanto o Colab, que instala os helpers pelo pip, têm os mesmos arquivos.

- ``caminho_do_csv(nome)``: o caminho do arquivo no disco (para ler com ``pd.read_csv``);
- ``ler_csv_do_curso(nome)``: o ``DataFrame`` já lido;
- ``csvs_disponiveis()``: os nomes dos arquivos que existem;
- ``dividir_diabetes()``: os pacientes de ``diabetes.csv`` já separados em treino, validação
  e teste, exatamente como o notebook 12 faz passo a passo (o notebook 13 parte daí).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["caminho_do_csv", "csvs_disponiveis", "dividir_diabetes", "ler_csv_do_curso"]

PASTA_NO_PACOTE = "dados_csv"


def _pasta():
    return resources.files("helpers") / PASTA_NO_PACOTE


def csvs_disponiveis() -> list[str]:
    """Os nomes dos arquivos CSV que acompanham o curso, em ordem alfabética."""
    pasta = _pasta()
    if not pasta.is_dir():
        return []
    return sorted(item.name for item in pasta.iterdir() if item.name.endswith(".csv"))


def _conferir_nome(nome) -> None:
    if not isinstance(nome, str):
        raise TypeError(f"O nome do arquivo deve ser um texto, como 'diabetes.csv'; recebi "
                        f"{nome!r}.")
    disponiveis = csvs_disponiveis()
    if not disponiveis:
        raise FileNotFoundError(
            f"A pasta {PASTA_NO_PACOTE}/ do pacote helpers não tem nenhum CSV. A instalação "
            "dos helpers parece incompleta: instale-os de novo (veja a seção \"Como usar\" "
            "do README).")
    if nome not in disponiveis:
        raise FileNotFoundError(
            f"O curso não tem um arquivo chamado {nome!r}. Arquivos disponíveis: "
            f"{', '.join(disponiveis)}.")


def caminho_do_csv(nome: str) -> Path:
    """O caminho no disco de um dos CSVs do curso (por exemplo ``"diabetes.csv"``)."""
    _conferir_nome(nome)
    caminho = Path(str(_pasta() / nome))
    if not caminho.is_file():  # pacote instalado de um jeito que não deixa arquivos no disco
        raise FileNotFoundError(
            f"Não encontrei {nome!r} como arquivo no disco; use ler_csv_do_curso({nome!r}), "
            "que lê o arquivo de dentro do pacote.")
    return caminho


def ler_csv_do_curso(nome: str):
    """Lê um dos CSVs do curso com o pandas e devolve o ``DataFrame``.

    Exemplo: ``tabela = ler_csv_do_curso("diabetes.csv")``. Um nome que não existe levanta
    ``FileNotFoundError`` com a lista dos arquivos disponíveis.
    """
    import pandas as pd

    _conferir_nome(nome)
    with (_pasta() / nome).open("r", encoding="utf-8") as arquivo:
        return pd.read_csv(arquivo)


def dividir_diabetes(semente: int = 0):
    """Os pacientes de ``diabetes.csv`` em treino, validação e teste, como no notebook 12.

    Sorteia a ordem dos 437 pacientes com ``numpy.random.default_rng(semente)``; os primeiros
    20% (87) são o teste, os 20% seguintes a validação e o resto (263) o treino. As entradas
    são as dez medidas e o alvo é a coluna ``progressao``, em ``float32``. Devolve, no estilo
    do ``load_data`` do Keras::

        (x_treino, y_treino), (x_validacao, y_validacao), (x_teste, y_teste) = dividir_diabetes()
    """
    import numpy as np

    if isinstance(semente, bool) or not isinstance(semente, int) or semente < 0:
        raise TypeError(f"A semente deve ser um inteiro não negativo; recebi {semente!r}.")
    tabela = ler_csv_do_curso("diabetes.csv")
    x_todos = tabela.drop(columns=["progressao"]).to_numpy(dtype="float32")
    y_todos = tabela["progressao"].to_numpy(dtype="float32")
    ordem = np.random.default_rng(semente).permutation(len(x_todos))
    n_teste = n_validacao = len(x_todos) // 5
    partes = (ordem[n_teste + n_validacao:], ordem[n_teste:n_teste + n_validacao],
              ordem[:n_teste])
    return tuple((x_todos[indices], y_todos[indices]) for indices in partes)
