"""Extensão do Sphinx com as adaptações dos notebooks para o site do curso.

Os notebooks em ``build/site-src`` são cópias fiéis dos guardados (o botão de download os
entrega assim); as mudanças abaixo valem só para a página, na leitura:

- a 1ª célula (o topo, gerado por ``tools/carimbar.py``) troca os selos, que são imagens de
  outros sites, por botões locais: "Abrir no Colab", "Ver no GitHub" e "Baixar o notebook";
- a célula de preparação do ambiente mostra a saída e esconde o código (clique para ver);
- a navegação do fim (anterior/próximo) sai: o tema já a mostra no pé de cada página;
- a seção "Soluções" fica dobrada (um ``<details>``), com a frase de abertura à vista;
- imagens anexadas às células de texto (``![...](attachment:nome.png)``), que o myst-nb não
  mostra sozinho, são gravadas como arquivos ao lado da fonte e apontadas por caminho.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from pathlib import Path

from docutils import nodes

AQUI = Path(__file__).resolve().parent
RAIZ = AQUI.parent
sys.path.insert(0, str(RAIZ / "tools"))
import carimbar  # noqa: E402

CURSO = carimbar.configuracao()
TITULO_DAS_SOLUCOES = "Soluções"
MAPA_NO_SITE = "../index.md#mapa-do-curso"


# -- Traduções ------------------------------------------------------------------------------
def compilar_traducoes() -> Path:
    """Compila site/locale/**/*.po em build/site-locale e devolve essa pasta."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    destino = RAIZ / "build" / "site-locale"
    for po in sorted((AQUI / "locale").rglob("*.po")):
        mo = destino / po.relative_to(AQUI / "locale").with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as entrada:
            catalogo = read_po(entrada, locale=po.parts[-3])
        with mo.open("wb") as saida:
            write_mo(saida, catalogo)
    return destino


# -- Notebooks: as células geradas pelo carimbo -----------------------------------------------
def _topo(k: int) -> str:
    item = CURSO["notebooks"][k]
    colab, github = carimbar._links(CURSO, item["arquivo"])
    return "\n".join([
        f"# {carimbar._rotulo(k, item)}",
        "",
        "```{container} botoes-do-curso",
        f"[Abrir no Colab]({colab}){{.botao-colab}} "
        f"[Ver no GitHub]({github}){{.botao-github}} "
        f"{{download}}`Baixar o notebook (.ipynb) <{item['arquivo']}>`",
        "```",
        "",
        f"Notebook {k + 1} de {len(CURSO['notebooks'])} do curso · "
        f"[mapa do curso]({MAPA_NO_SITE})",
    ])


def _texto(fonte) -> str:
    return "".join(fonte) if isinstance(fonte, list) else fonte


def _gravar_anexos(celula: dict, pasta: Path, prefixo: str) -> None:
    """Grava os anexos da célula em ``pasta`` e troca ``attachment:nome`` pelo caminho."""
    anexos = celula.get("attachments") or {}
    for nome, conteudos in anexos.items():
        tipo, dados = next(iter(conteudos.items()))
        dados = _texto(dados)
        binario = (dados.encode("utf-8") if tipo == "image/svg+xml" or tipo.startswith("text/")
                   else base64.b64decode(dados))
        (pasta / nome).parent.mkdir(parents=True, exist_ok=True)
        if not (pasta / nome).exists() or (pasta / nome).read_bytes() != binario:
            (pasta / nome).write_bytes(binario)
    if anexos:
        celula["source"] = re.sub(
            r"attachment:([^\s)\"'>]+)",
            lambda m: f"{prefixo}/{m.group(1)}" if m.group(1) in anexos else m.group(0),
            _texto(celula["source"]))


def ajustar_notebook(texto: str, arquivo: str, anexos: Path | None = None) -> str:
    """Recebe o .ipynb (texto JSON) e devolve a versão para a página do site.

    ``anexos``: a pasta, ao lado do notebook, onde gravar as imagens anexadas às células.
    """
    nb = json.loads(texto)
    if anexos is not None:
        for celula in nb["cells"]:
            if celula["cell_type"] == "markdown":
                _gravar_anexos(celula, anexos, f"{anexos.parent.name}/{anexos.name}")
    arquivos = [item["arquivo"] for item in CURSO["notebooks"]]
    if arquivo in arquivos:  # as células geradas pelo carimbo: só nos notebooks do mapa
        nb["cells"] = [c for c in nb["cells"] if c.get("id") != carimbar.ID_FIM]
        for celula in nb["cells"]:
            if celula.get("id") == carimbar.ID_TOPO:
                celula["source"] = _topo(arquivos.index(arquivo))
            elif celula.get("id") == carimbar.ID_PREPARACAO:
                etiquetas = celula.setdefault("metadata", {}).setdefault("tags", [])
                etiquetas.append("hide-input")
    return json.dumps(nb, ensure_ascii=False)


def ler_fonte(app, docname: str, fonte: list[str]) -> None:
    caminho = Path(app.env.doc2path(docname))
    if caminho.suffix == ".ipynb":
        anexos = caminho.parent / "_anexos" / caminho.stem
        fonte[0] = ajustar_notebook(fonte[0], caminho.name, anexos)


# -- Soluções dobradas ----------------------------------------------------------------------
class dobra(nodes.General, nodes.Element):  # noqa: N801 (nós do docutils são minúsculos)
    """Conteúdo que começa fechado: vira ``<details>`` no HTML."""


def _abrir_dobra(self, node) -> None:
    self.body.append(
        '<details class="solucoes-do-curso">\n<summary>'
        '<span class="ao-abrir">Mostrar as soluções</span>'
        '<span class="ao-fechar">Esconder as soluções</span></summary>\n')


def _fechar_dobra(self, node) -> None:
    self.body.append("</details>\n")


def dobrar_solucoes(app, doctree) -> None:
    for secao in list(doctree.findall(nodes.section)):
        if not secao.children or secao[0].astext().strip() != TITULO_DAS_SOLUCOES:
            continue
        filhos = list(secao.children)
        inicio = 1
        if len(filhos) > 1 and isinstance(filhos[1], nodes.paragraph):
            inicio = 2  # "Tentou? Então compare com estas soluções." fica à vista
        if len(filhos) <= inicio:
            continue
        conteudo = dobra()
        for filho in filhos[inicio:]:
            secao.remove(filho)
            conteudo += filho
        secao.insert(inicio, conteudo)


# -- Figuras das saídas e frases dos temas ---------------------------------------------------
def descrever_figuras(app, doctree) -> None:
    """Figura de saída sem texto alternativo ganha um (o Sphinx poria o nome do arquivo)."""
    for saida in doctree.findall(nodes.container):
        if "cell_output" in saida.get("classes", []):
            for figura in saida.findall(nodes.image):
                figura.setdefault("alt", "Figura produzida pela célula de código acima")


# Dicas e rótulos de acessibilidade que os temas escrevem direto em inglês, sem passar pelas
# traduções: trocados no HTML pronto (o teste do site confere que nenhum sobrou).
FRASES_FIXAS_DOS_TEMAS = {
    'title="Toggle primary sidebar"': 'title="Mostrar ou esconder o índice do curso"',
    'title="Toggle secondary sidebar"': 'title="Mostrar ou esconder o índice da página"',
    'aria-label="Main"': 'aria-label="Índice do curso"',
    'aria-label="Page"': 'aria-label="Página"',
    'aria-label="Launch interactive content"': 'aria-label="Abrir num ambiente interativo"',
    'aria-label="Toggle hidden content"': 'aria-label="Mostrar ou esconder"',
    'alt="Colab logo"': 'alt="Colab"',
}


def traduzir_frases_fixas(app, excecao) -> None:
    if excecao is not None or app.builder.format != "html":
        return
    for pagina in Path(app.outdir).rglob("*.html"):
        texto = original = pagina.read_text("utf-8")
        for ingles, portugues in FRASES_FIXAS_DOS_TEMAS.items():
            texto = texto.replace(ingles, portugues)
        if texto != original:
            pagina.write_text(texto, "utf-8")


def setup(app):
    app.connect("source-read", ler_fonte)
    app.connect("doctree-read", dobrar_solucoes)
    app.connect("doctree-read", descrever_figuras)
    app.connect("build-finished", traduzir_frases_fixas)
    app.add_node(dobra, html=(_abrir_dobra, _fechar_dobra))
    # Antes do catálogo do próprio tema, para que estas traduções tenham prioridade.
    app.add_message_catalog("booktheme", str(compilar_traducoes()))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
