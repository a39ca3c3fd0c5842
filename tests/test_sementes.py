"""O que o texto diz de um modelo treinado vale para qualquer semente, não só para a 42.

Cada notebook que treina (``treina = true`` no mapa do curso, em pyproject.toml) é executado do
zero com outras sementes (a variável ``CURSO_SEMENTE``, lida por ``configurar_notebook``): todas
as verificações (``assert``) têm de passar, e nada pode ir para o stderr. As saídas não são
comparadas com as guardadas: com outra semente, os números mudam; o que o texto afirma, não.
"""

import sys
from pathlib import Path

import nbformat
import pytest

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ / "tools"))
import carimbar  # noqa: E402

from notebooks import executar_em_memoria  # noqa: E402

SEMENTES = (1, 2, 3)
QUE_TREINAM = [item["arquivo"] for item in carimbar.configuracao()["notebooks"]
               if item.get("treina")]


def test_ha_notebooks_de_treino_no_mapa():
    assert len(QUE_TREINAM) >= 5, "O mapa do curso deveria marcar os notebooks que treinam."


@pytest.mark.parametrize("semente", SEMENTES)
@pytest.mark.parametrize("nome", QUE_TREINAM)
def test_notebook_com_outra_semente(nome, semente, monkeypatch):
    monkeypatch.setenv("CURSO_SEMENTE", str(semente))
    caminho = RAIZ / "notebooks" / nome
    nb = nbformat.read(caminho, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("print('semente em uso:', SEMENTE)"))
    executar_em_memoria(nb, caminho.parent)  # falha na primeira célula com erro
    assert nb.cells[-1].outputs[0].text.strip() == f"semente em uso: {semente}", \
        "o notebook não usou a semente da variável CURSO_SEMENTE"
    for celula in nb.cells:
        if celula.cell_type != "code":
            continue
        stderr = "".join(s.text for s in celula.outputs if s.get("name") == "stderr")
        assert not stderr, f"{nome} (semente {semente}): a célula {celula.id} escreveu no " \
                           f"stderr:\n{stderr[:1000]}"
