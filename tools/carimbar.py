"""Carimba o endereço do repositório e o modelo de abertura em todos os notebooks e no README.

O endereço do GitHub e o mapa do curso ficam escritos só em ``pyproject.toml``
(``[tool.curso]``). Este script gera a partir deles:

- a 1ª célula de cada notebook: título, botões "Abrir no Colab" / "Ver no GitHub" e a
  navegação (mapa do curso, anterior, próximo);
- a 3ª célula: a preparação do ambiente, idêntica em todos os notebooks;
- a última célula: a navegação para o próximo notebook;
- a tabela "Mapa do curso" do README (entre os marcadores ``<!-- mapa:início -->`` e
  ``<!-- mapa:fim -->``) e o endereço no `git clone` do README;
- os anexos das células de texto: cada imagem citada como
  ``![texto alternativo](attachment:NOME.png)`` recebe o conteúdo de ``media/NOME.png`` (os
  diagramas de ``tools/desenhar_diagramas.py``). Caminhos relativos não funcionam no Colab;
  anexada, a imagem viaja dentro do notebook, e uma mudança em ``media/`` chega a todos os
  notebooks que a usam.

Uso::

    python tools/carimbar.py              # reescreve o que estiver diferente
    python tools/carimbar.py --verificar  # só confere (sai com código 1 se algo mudaria)
    python tools/carimbar.py notebooks/02_camadas_e_redes.ipynb   # só este notebook

A 2ª célula ("O que você vai aprender") e o resto do conteúdo não são tocados (fora os
anexos das imagens citadas).
"""

from __future__ import annotations

import argparse
import base64
import re
import sys
import tomllib
from pathlib import Path

import nbformat

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ / "tools"))
from notebooks import normalizar, salvar  # noqa: E402

CELULA_DE_PREPARACAO = '''\
# Preparação do ambiente: igual em todos os notebooks do curso; basta executar.
import sys

assert sys.version_info >= (3, 11), "Este curso precisa do Python 3.11 ou mais recente."
PACOTE_DO_CURSO = "git+{url}.git@{ramo}"

if "google.colab" in sys.modules:  # no Colab: instala só os helpers do curso, sem dependências
    import importlib
    import importlib.util
    import subprocess

    if importlib.util.find_spec("helpers") is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                        PACOTE_DO_CURSO], check=True)
        importlib.invalidate_caches()
else:  # fora do Colab: procura a raiz do repositório (a pasta que tem helpers/)
    from pathlib import Path

    raiz = next((p for p in [Path.cwd(), *Path.cwd().parents] if (p / "helpers").is_dir()), None)
    if raiz is not None and str(raiz) not in sys.path:
        sys.path.insert(0, str(raiz))

import helpers  # falha aqui? veja a seção "Como usar" do README

helpers.mostrar_versoes({keras})  # avisa se algum pacote for mais antigo que o testado'''

MARCA_INICIO, MARCA_FIM = "<!-- mapa:início -->", "<!-- mapa:fim -->"
MIDIA = RAIZ / "media"
# ![texto alternativo](attachment:NOME.png) ou ![texto](attachment:NOME.png "título")
IMAGEM_ANEXADA = re.compile(r'!\[(?P<alt>[^\]]*)\]\(attachment:(?P<nome>[^)\s]+)(?:\s+"[^"]*")?\)')
TIPOS = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
         ".svg": "image/svg+xml"}
ID_TOPO, ID_PREPARACAO, ID_FIM = "topo", "preparacao", "navegacao"


def configuracao() -> dict:
    curso = tomllib.loads((RAIZ / "pyproject.toml").read_text("utf-8"))["tool"]["curso"]
    curso["url"] = f"https://github.com/{curso['repositorio']}"
    return curso


def _links(curso: dict, arquivo: str) -> tuple[str, str]:
    caminho = f"{curso['repositorio']}/blob/{curso['ramo']}/notebooks/{arquivo}"
    return (f"https://colab.research.google.com/github/{caminho}",
            f"https://github.com/{caminho}")


def _rotulo(k: int, item: dict) -> str:
    return f"{k + 1:02d} · {item['titulo']}"


def celula_topo(curso: dict, k: int) -> str:
    item = curso["notebooks"][k]
    colab, github = _links(curso, item["arquivo"])
    linhas = [
        f"# {_rotulo(k, item)}",
        "",
        f"[![Abrir no Colab](https://colab.research.google.com/assets/colab-badge.svg)]({colab})"
        f" [![Ver no GitHub](https://img.shields.io/badge/ver%20no-GitHub-181717?logo=github)]"
        f"({github})",
        "",
        f"Notebook {k + 1} de {len(curso['notebooks'])} do curso · "
        f"[mapa do curso]({curso['url']}#mapa-do-curso)",
    ]
    return "\n".join(linhas)


def celula_fim(curso: dict, k: int) -> str:
    notebooks = curso["notebooks"]
    partes = ["---", "", "**Navegação**", ""]
    if k > 0:
        anterior = notebooks[k - 1]
        partes.append(f"- Anterior: [{_rotulo(k - 1, anterior)}]({anterior['arquivo']}) "
                      f"([no Colab]({_links(curso, anterior['arquivo'])[0]}))")
    if k + 1 < len(notebooks):
        proximo = notebooks[k + 1]
        partes.append(f"- Próximo: [{_rotulo(k + 1, proximo)}]({proximo['arquivo']}) "
                      f"([no Colab]({_links(curso, proximo['arquivo'])[0]}))")
    else:
        partes.append("- Este é o último notebook do curso. Parabéns por chegar até aqui!")
    partes.append(f"- [Mapa do curso]({curso['url']}#mapa-do-curso)")
    return "\n".join(partes)


def tabela_do_readme(curso: dict) -> str:
    linhas = ["| Notebook | O que você aprende | Colab |", "|---|---|---|"]
    for k, item in enumerate(curso["notebooks"]):
        colab, _ = _links(curso, item["arquivo"])
        linhas.append(f"| [{_rotulo(k, item)}](notebooks/{item['arquivo']}) | {item['resumo']} "
                      f"| [Abrir no Colab]({colab}) |")
    return "\n".join(linhas)


def _por_id(nb, id_, tipo, texto, posicao) -> bool:
    """Garante a célula ``id_`` com o texto dado na posição; devolve True se mudou algo."""
    celula = next((c for c in nb.cells if c.get("id") == id_), None)
    if celula is None:
        nova = (nbformat.v4.new_markdown_cell if tipo == "markdown"
                else nbformat.v4.new_code_cell)(texto)
        nova["id"] = id_
        nb.cells.insert(posicao if posicao >= 0 else len(nb.cells), nova)
        return True
    mudou = celula.source != texto
    celula.source = texto
    return mudou


class ErroDeAnexo(ValueError):
    """Uma célula cita uma imagem que não está em media/, ou sem texto alternativo."""


def anexos_da_celula(celula, midia: Path = MIDIA) -> dict:
    """Os anexos que a célula deve ter: um por imagem citada, com o conteúdo de ``media/``."""
    anexos = {}
    for citacao in IMAGEM_ANEXADA.finditer(celula.source):
        nome = citacao["nome"]
        if not citacao["alt"].strip():
            raise ErroDeAnexo(f"A imagem attachment:{nome} está sem texto alternativo: escreva "
                              f"entre os colchetes o que ela mostra: ![assim](attachment:{nome}).")
        arquivo = midia / nome
        if not arquivo.is_file():
            raise ErroDeAnexo(f"A célula cita attachment:{nome}, mas {arquivo} não existe. "
                              "Desenhe os diagramas com `python tools/desenhar_diagramas.py` "
                              "ou corrija o nome.")
        tipo = TIPOS.get(arquivo.suffix.lower(), "application/octet-stream")
        anexos[nome] = {tipo: base64.b64encode(arquivo.read_bytes()).decode("ascii")}
    return anexos


def anexar_imagens(nb, midia: Path = MIDIA) -> bool:
    """Põe em cada célula de texto os anexos das imagens que ela cita, tirados de ``media/``.

    Anexos que a célula não cita mais saem. Devolve True se mudou alguma célula.
    """
    mudou = False
    for celula in nb.cells:
        if celula.cell_type != "markdown":
            continue
        anexos = anexos_da_celula(celula, midia)
        if anexos:
            if celula.get("attachments") != anexos:
                celula["attachments"] = nbformat.from_dict(anexos)
                mudou = True
        elif "attachments" in celula:
            del celula["attachments"]
            mudou = True
    return mudou


def carimbar_notebook(curso: dict, k: int) -> tuple[nbformat.NotebookNode, bool]:
    caminho = RAIZ / "notebooks" / curso["notebooks"][k]["arquivo"]
    nb = nbformat.read(caminho, as_version=4)
    usa_keras = any("importar_keras" in c.source for c in nb.cells if c.cell_type == "code")
    preparacao = CELULA_DE_PREPARACAO.format(url=curso["url"], ramo=curso["ramo"],
                                             keras="keras=True" if usa_keras else "")
    mudou = _por_id(nb, ID_TOPO, "markdown", celula_topo(curso, k), 0)
    mudou |= _por_id(nb, ID_PREPARACAO, "code", preparacao, 2)
    mudou |= _por_id(nb, ID_FIM, "markdown", celula_fim(curso, k), -1)
    try:
        mudou |= anexar_imagens(nb)
    except ErroDeAnexo as erro:
        raise ErroDeAnexo(f"{caminho.name}: {erro}") from None
    return nb, mudou


def carimbar_readme(curso: dict) -> tuple[str, str]:
    caminho = RAIZ / "README.md"
    if not caminho.exists():
        return "", ""
    antes = caminho.read_text("utf-8")
    padrao = re.compile(re.escape(MARCA_INICIO) + ".*?" + re.escape(MARCA_FIM), re.S)
    depois = padrao.sub(f"{MARCA_INICIO}\n{tabela_do_readme(curso)}\n{MARCA_FIM}", antes)
    depois = re.sub(r"git clone https://github\.com/[\w.-]+/[\w.-]+?\.git",
                    f"git clone {curso['url']}.git", depois)
    return antes, depois


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verificar", action="store_true",
                        help="não grava; sai com 1 se algum arquivo mudaria")
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="só estes notebooks (padrão: todos os do mapa, e o README)")
    argumentos = parser.parse_args(argv)
    curso = configuracao()
    so_estes = {c.resolve() for c in argumentos.notebooks}
    diferentes, erros = [], []
    for k, item in enumerate(curso["notebooks"]):
        caminho = RAIZ / "notebooks" / item["arquivo"]
        if not caminho.exists() or (so_estes and caminho.resolve() not in so_estes):
            continue  # notebook ainda não escrito, ou não pedido
        try:
            nb, mudou = carimbar_notebook(curso, k)
        except ErroDeAnexo as erro:
            erros.append(str(erro))  # este notebook fica como está; os outros seguem
            continue
        if mudou:
            diferentes.append(caminho)
            if not argumentos.verificar:
                salvar(normalizar(nb), caminho)
    antes, depois = ("", "") if so_estes else carimbar_readme(curso)
    if antes != depois:
        diferentes.append(RAIZ / "README.md")
        if not argumentos.verificar:
            (RAIZ / "README.md").write_text(depois, "utf-8")
    for caminho in diferentes:
        print(("desatualizado: " if argumentos.verificar else "carimbado: ")
              + str(caminho.relative_to(RAIZ)))
    for erro in erros:
        print(f"Erro: {erro}", file=sys.stderr)
    if argumentos.verificar and diferentes:
        print("Execute `python tools/carimbar.py` para atualizar.")
        return 1
    return 1 if erros else 0


if __name__ == "__main__":
    sys.exit(main())
