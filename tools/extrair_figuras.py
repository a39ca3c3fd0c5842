"""Extrai as figuras (PNG) guardadas num notebook executado, para revisá-las como imagens.

Uso: ``python tools/extrair_figuras.py notebooks/01_neuronio.ipynb /tmp/figuras``
"""

import base64
import sys
from pathlib import Path

import nbformat


def main(notebook: str, pasta: str) -> None:
    destino = Path(pasta)
    destino.mkdir(parents=True, exist_ok=True)
    nb = nbformat.read(notebook, as_version=4)
    for k, celula in enumerate(nb.cells):
        for n, saida in enumerate(celula.get("outputs", [])):
            png = saida.get("data", {}).get("image/png")
            if png:
                arquivo = destino / f"{Path(notebook).stem}_celula{k:02d}_{n}.png"
                arquivo.write_bytes(base64.b64decode(png))
                print(arquivo)


if __name__ == "__main__":
    main(*sys.argv[1:3])
