"""A forma dos notebooks: válidos, normalizados, com as células-modelo, executados e limpos.

A execução em si (e a comparação das saídas) é do nbval, que roda cada notebook da pasta
notebooks/ como parte desta mesma suíte.
"""

import copy
import re
import sys
from pathlib import Path

import nbformat
import pytest

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ / "tools"))
import carimbar  # noqa: E402

from notebooks import normalizar  # noqa: E402

CURSO = carimbar.configuracao()
NO_MAPA = [item["arquivo"] for item in CURSO["notebooks"]]
NA_PASTA = sorted(p.name for p in (RAIZ / "notebooks").glob("*.ipynb"))


def _ler(nome):
    return nbformat.read(RAIZ / "notebooks" / nome, as_version=4)


def test_mapa_do_curso_e_pasta_coincidem():
    assert NA_PASTA == NO_MAPA, "Todo notebook do mapa (pyproject.toml) deve existir, e vice-versa."
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", n) for n in NO_MAPA)
    assert [int(n[:2]) for n in NO_MAPA] == list(range(1, len(NO_MAPA) + 1))


def test_carimbo_em_dia():
    assert carimbar.main(["--verificar"]) == 0, "Execute `python tools/carimbar.py`."


@pytest.mark.parametrize("nome", NA_PASTA)
def test_valido_e_normalizado(nome):
    nb = _ler(nome)
    nbformat.validate(nb)
    assert normalizar(copy.deepcopy(nb)) == nb, \
        f"{nome} não está normalizado: `python tools/notebooks.py normalizar notebooks/{nome}`."
    ids = [c.id for c in nb.cells]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("nome", NA_PASTA)
def test_estrutura_comum(nome):
    celulas = _ler(nome).cells
    assert [celulas[0].id, celulas[2].id, celulas[-1].id] == ["topo", "preparacao", "navegacao"]
    assert celulas[1].cell_type == "markdown"
    assert celulas[1].source.startswith("## O que você vai aprender")
    titulos = [c.source.split("\n")[0] for c in celulas if c.cell_type == "markdown"]
    for secao in ("## Resumo", "## Sua vez", "## Soluções"):
        assert secao in titulos, f"{nome}: falta a seção {secao!r}"
    inicio = next(k for k, c in enumerate(celulas) if c.source.startswith("## Soluções"))
    for celula in celulas[inicio:-1]:
        assert "solucao" in celula.metadata.get("tags", []), \
            f"{nome}: as células depois de '## Soluções' devem ter a etiqueta 'solucao'"
    assert not any("solucao" in c.metadata.get("tags", []) for c in celulas[:inicio])


# Uma aula de uns 45 minutos: o limite de células e de palavras de texto (sem o topo e a
# navegação, que são gerados) do guia de autoria, com uma pequena folga nas palavras.
MAX_CELULAS, MAX_PALAVRAS = 60, 2700


@pytest.mark.parametrize("nome", NA_PASTA)
def test_uma_aula_por_notebook(nome):
    celulas = _ler(nome).cells
    palavras = sum(len(c.source.split()) for c in celulas
                   if c.cell_type == "markdown" and c.id not in ("topo", "navegacao"))
    assert len(celulas) <= MAX_CELULAS, f"{nome}: {len(celulas)} células (máximo {MAX_CELULAS})"
    assert palavras <= MAX_PALAVRAS, f"{nome}: {palavras} palavras de texto (máximo {MAX_PALAVRAS})"


@pytest.mark.parametrize("nome", NA_PASTA)
def test_experimente_aberto_e_formulario_do_colab(nome):
    """Um exercício aberto "Experimente" em "Sua vez" e células de experimento que são
    formulários do Colab (`# @title ... run: "auto"` e parâmetros `# @param`)."""
    celulas = _ler(nome).cells
    inicio = next(k for k, c in enumerate(celulas) if c.source.startswith("## Sua vez"))
    fim = next(k for k, c in enumerate(celulas) if c.source.startswith("## Soluções"))
    assert any("Experimente" in c.source for c in celulas[inicio:fim]
               if c.cell_type == "markdown"), f"{nome}: falta o exercício aberto 'Experimente'"
    formularios = [c.source for c in celulas if c.cell_type == "code"
                   and c.source.startswith("# @title") and 'run: "auto"' in c.source]
    assert formularios, f"{nome}: nenhuma célula de experimento é formulário do Colab"
    assert all("# @param" in f for f in formularios), nome


@pytest.mark.parametrize("nome", NA_PASTA)
def test_guardado_executado_e_sem_ruido(nome):
    for k, celula in enumerate(_ler(nome).cells):
        if celula.cell_type != "code":
            continue
        assert celula.execution_count is not None, f"{nome}, célula {k}: nunca executada"
        tipos = [s.output_type for s in celula.outputs]
        assert "raises-exception" not in celula.metadata.get("tags", []), (
            f"{nome}, célula {k}: no Colab, uma célula que levanta erro para o 'Executar tudo'; "
            "mostre o erro com try/except")
        assert "error" not in tipos, f"{nome}, célula {k}: guarda uma saída de erro"
        assert not any(s.get("name") == "stderr" for s in celula.outputs), \
            f"{nome}, célula {k}: guarda saída no stderr"


@pytest.mark.parametrize("nome", NA_PASTA)
def test_imagens_do_markdown_aparecem_em_todo_lugar(nome):
    for celula in _ler(nome).cells:
        if celula.cell_type != "markdown":
            continue
        for alt, alvo in re.findall(r"!\[([^\]]*)\]\(([^)\s]+)", celula.source):
            assert alt.strip(), f"{nome}: imagem sem texto alternativo: {alvo}"
            assert alvo.startswith(("https://", "attachment:")), \
                f"{nome}: imagem por caminho relativo não aparece no Colab: {alvo}"
            if alvo.startswith("attachment:"):
                assert alvo.removeprefix("attachment:") in celula.get("attachments", {})
        assert "<img" not in celula.source, f"{nome}: use a sintaxe markdown para imagens"


@pytest.mark.parametrize("nome", NA_PASTA)
def test_navegacao(nome):
    k = NO_MAPA.index(nome)
    fim = _ler(nome).cells[-1].source
    if k > 0:
        assert f"({NO_MAPA[k - 1]})" in fim
    if k + 1 < len(NO_MAPA):
        assert f"({NO_MAPA[k + 1]})" in fim
    assert "#mapa-do-curso" in fim and "#mapa-do-curso" in _ler(nome).cells[0].source
