"""Gera a edição do aluno: uma cópia do curso para a turma, sem saídas e sem as soluções.

Uso::

    python tools/edicao_aluno.py                 # cria ./edicao-aluno/
    python tools/edicao_aluno.py /caminho/turma  # ou na pasta indicada (precisa estar vazia)

A cópia tem o README, os helpers, os arquivos de instalação e os notebooks com:

- todas as saídas apagadas (o aluno executa e vê os resultados por conta própria);
- as células com a etiqueta ``solucao`` removidas (a seção "Soluções"), mantendo os
  exercícios e os seus corretores automáticos.

Os notebooks continuam válidos e executáveis do começo ao fim: os corretores respondem
"⏳ ainda sem resposta" até o aluno responder.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

RAIZ = Path(__file__).resolve().parent.parent
COPIAR = ["README.md", "requirements.txt", "constraints.txt", "pyproject.toml", "helpers",
          "media", "tools"]


def versao_do_aluno(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = nbformat.from_dict(nb)
    nb.cells = [c for c in nb.cells if "solucao" not in c.metadata.get("tags", [])]
    for celula in nb.cells:
        if celula.cell_type == "code":
            celula.outputs = []
            celula.execution_count = None
    nb.cells.insert(len(nb.cells) - 1, nbformat.v4.new_markdown_cell(
        "*Edição do aluno: as soluções dos exercícios ficam com o professor.*"))
    nb.cells[-2].id = "edicao-aluno"
    nbformat.validate(nb)
    return nb


def gerar(destino: Path) -> Path:
    destino = destino.resolve()
    if destino.exists() and any(destino.iterdir()):
        raise SystemExit(f"A pasta {destino} já existe e não está vazia: escolha outra ou "
                         "apague-a.")
    # monta numa pasta temporária ao lado e só no fim renomeia: nada fica pela metade
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporaria = Path(tempfile.mkdtemp(prefix=".edicao-aluno-", dir=destino.parent))
    try:
        ignorar = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
        for nome in COPIAR:
            origem = RAIZ / nome
            if origem.is_dir():
                shutil.copytree(origem, temporaria / nome, ignore=ignorar)
            elif origem.exists():
                shutil.copy2(origem, temporaria / nome)
        (temporaria / "notebooks").mkdir()
        for caminho in sorted((RAIZ / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            nb = versao_do_aluno(nbformat.read(caminho, as_version=4))
            nbformat.write(nb, temporaria / "notebooks" / caminho.name)
        if destino.exists():
            destino.rmdir()
        temporaria.replace(destino)
    except BaseException:
        shutil.rmtree(temporaria, ignore_errors=True)
        raise
    return destino


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("destino", nargs="?", type=Path, default=RAIZ / "edicao-aluno")
    destino = gerar(parser.parse_args(argv).destino)
    print(f"Edição do aluno criada em {destino}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
