"""Verificação ortográfica (hunspell pt_BR) das células de texto dos notebooks e do README.

Ignora código (blocos e trechos entre crases), fórmulas LaTeX, endereços e HTML. Palavras
técnicas verdadeiras ficam na lista do projeto, ``tests/palavras_do_projeto.txt`` (uma por
linha, revisada à mão).

Uso::

    python tools/ortografia.py                 # README e todos os notebooks
    python tools/ortografia.py notebooks/01_neuronio.ipynb
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
LISTA = RAIZ / "tests" / "palavras_do_projeto.txt"


def textos(caminho: Path) -> str:
    if caminho.suffix == ".ipynb":
        import nbformat

        nb = nbformat.read(caminho, as_version=4)
        return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return caminho.read_text("utf-8")


def limpar(texto: str) -> str:
    texto = re.sub(r"```.*?```", " ", texto, flags=re.S)
    texto = re.sub(r"\$\$.*?\$\$", " ", texto, flags=re.S)
    texto = re.sub(r"`[^`]*`|\$[^$\n]*\$|<[^>]+>|\]\([^)]*\)|https?://\S+", " ", texto)
    return texto


def palavras_desconhecidas(texto: str) -> list[str]:
    if shutil.which("hunspell") is None:
        raise RuntimeError("O hunspell não está instalado: `sudo apt-get install hunspell "
                           "hunspell-pt-br`.")
    projeto = {linha.strip() for linha in LISTA.read_text("utf-8").splitlines()
               if linha.strip() and not linha.startswith("#")}
    saida = subprocess.run(["hunspell", "-d", "pt_BR", "-l"], input=limpar(texto),
                           capture_output=True, text=True, check=True).stdout
    return sorted({p for p in saida.split() if p not in projeto and not re.search(r"\d", p)})


def arquivos_padrao() -> list[Path]:
    return [RAIZ / "README.md", *sorted((RAIZ / "notebooks").glob("[0-9][0-9]_*.ipynb"))]


def main(argv=None) -> int:
    caminhos = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or arquivos_padrao()
    erros = 0
    for caminho in caminhos:
        desconhecidas = palavras_desconhecidas(textos(caminho))
        if desconhecidas:
            erros += 1
            print(f"{caminho.name}: {' '.join(desconhecidas)}")
    return 1 if erros else 0


if __name__ == "__main__":
    sys.exit(main())
