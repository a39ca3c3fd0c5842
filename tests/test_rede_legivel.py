"""helpers/rede_legivel.py tem exatamente as funções que o notebook 08 escreve (não se afastam)."""

import ast
from pathlib import Path

import nbformat

from helpers import rede_legivel

RAIZ = Path(__file__).resolve().parent.parent


def _funcoes(fonte: str) -> dict[str, str]:
    """nome → ast.dump da definição (sem comentários nem espaços: só o que o código faz)."""
    return {no.name: ast.dump(no) for no in ast.parse(fonte).body
            if isinstance(no, ast.FunctionDef)}


def test_modulo_e_notebook_08_definem_as_mesmas_funcoes():
    nb = nbformat.read(RAIZ / "notebooks" / "08_retropropagacao.ipynb", as_version=4)
    do_notebook = {}
    for celula in nb.cells:
        if celula.cell_type == "code" and "solucao" not in celula.metadata.get("tags", []):
            do_notebook.update(_funcoes(celula.source))
    do_modulo = _funcoes(Path(rede_legivel.__file__).read_text("utf-8"))
    assert set(do_modulo) == set(rede_legivel.__all__)
    for nome, arvore in do_modulo.items():
        assert nome in do_notebook, f"O notebook 08 não define mais {nome}."
        assert arvore == do_notebook[nome], \
            f"{nome} em helpers/rede_legivel.py difere da célula do notebook 08: copie-a de novo."


def test_o_modulo_so_importa_a_numpy_e_o_threadpoolctl_opcional():
    importados = {alias.name for no in ast.walk(ast.parse(Path(rede_legivel.__file__).read_text()))
                  if isinstance(no, (ast.Import, ast.ImportFrom)) for alias in no.names}
    assert importados <= {"numpy", "threadpool_limits"}, importados
