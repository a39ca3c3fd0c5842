"""Gera, uma única vez, os CSVs do conjunto "diabetes" usados nos notebooks 06, 07, 12 e 13.

Lê os dados brutos (sem padronização) que o scikit-learn distribui,
``sklearn.datasets.load_diabetes(scaled=False)``, dá nomes em português às colunas e grava
em ``helpers/dados_csv/``:

- ``diabetes.csv``: as linhas usadas para treinar e testar;
- ``diabetes_novos.csv``: umas poucas linhas separadas ANTES de tudo (não estão no
  ``diabetes.csv``), que fazem o papel de "pacientes novos" no fim do notebook.

Os arquivos ficam dentro do pacote ``helpers`` para que o Colab, que instala os helpers pelo
pip, também os tenha. Cada arquivo é gravado com nome temporário e depois renomeado (um
arquivo pela metade nunca fica com o nome definitivo), e o conteúdo gravado é relido e
conferido contra os dados originais.

Uso (da raiz do repositório; precisa do scikit-learn)::

    python tools/gerar_csv_diabetes.py
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

RAIZ = Path(__file__).resolve().parent.parent
PASTA = RAIZ / "helpers" / "dados_csv"

# Nome original no scikit-learn -> nome em português no CSV.
NOMES = {
    "age": "idade",
    "sex": "sexo",
    "bmi": "imc",
    "bp": "pressao_arterial",
    "s1": "colesterol_total",
    "s2": "ldl",
    "s3": "hdl",
    "s4": "colesterol_por_hdl",
    "s5": "log_triglicerides",
    "s6": "glicose",
    "target": "progressao",
}
N_NOVOS = 5
SEMENTE = 9  # o número do notebook; qualquer semente fixa serviria


def tabela_original() -> pd.DataFrame:
    from sklearn.datasets import load_diabetes

    tabela = load_diabetes(scaled=False, as_frame=True).frame.rename(columns=NOMES)
    # Colunas só com números inteiros ficam inteiras no CSV (59, e não 59.0).
    for coluna in tabela:
        valores = tabela[coluna].to_numpy()
        if np.all(valores == np.round(valores)):
            tabela[coluna] = valores.astype(np.int64)
    return tabela


def gravar_atomico(tabela: pd.DataFrame, destino: Path) -> None:
    temporario = None
    try:
        with tempfile.NamedTemporaryFile("w", dir=destino.parent, prefix=f".{destino.name}.",
                                         suffix=".parcial", delete=False, encoding="utf-8",
                                         newline="") as saida:
            temporario = Path(saida.name)
            tabela.to_csv(saida, index=False, float_format="%.10g", lineterminator="\n")
            saida.flush()
            os.fsync(saida.fileno())
        relida = pd.read_csv(temporario)
        if list(relida.columns) != list(tabela.columns) or not np.array_equal(
                relida.to_numpy(dtype=float), tabela.to_numpy(dtype=float)):
            raise RuntimeError(f"O conteúdo gravado em {temporario} não confere com os dados.")
        os.chmod(temporario, 0o644)  # o arquivo temporário nasce legível só pelo dono
        os.replace(temporario, destino)
        temporario = None
    finally:
        if temporario is not None:
            with contextlib.suppress(OSError):
                temporario.unlink()


def main() -> None:
    tabela = tabela_original()
    rng = np.random.default_rng(SEMENTE)
    novos = np.sort(rng.choice(len(tabela), size=N_NOVOS, replace=False))
    restantes = np.setdiff1d(np.arange(len(tabela)), novos)
    PASTA.mkdir(parents=True, exist_ok=True)
    gravar_atomico(tabela.iloc[restantes], PASTA / "diabetes.csv")
    gravar_atomico(tabela.iloc[novos], PASTA / "diabetes_novos.csv")
    print(f"diabetes.csv: {len(restantes)} linhas; diabetes_novos.csv: {len(novos)} linhas "
          f"(linhas {', '.join(map(str, novos))} do original, contando do 0).")


if __name__ == "__main__":
    main()
