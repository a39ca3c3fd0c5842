"""Os diagramas de ``media/`` e as imagens que os notebooks levam anexadas.

- cada anexo de um notebook é igual, byte a byte, ao arquivo de ``media/`` que ele cita
  (senão: ``python tools/carimbar.py``);
- toda imagem tem texto alternativo, e todo arquivo citado existe;
- cada diagrama de ``media/`` é usado pelo notebook indicado em ``DIAGRAMAS``
  (``tools/desenhar_diagramas.py``);
- ``tools/desenhar_diagramas.py`` reproduz os arquivos de ``media/`` (pixel a pixel, com uma
  pequena tolerância para outra versão do Matplotlib ou das fontes);
- a máquina de anexar (``carimbar.anexar_imagens``) faz o que promete.
"""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest
from PIL import Image

RAIZ = Path(__file__).resolve().parent.parent
MIDIA = RAIZ / "media"
sys.path.insert(0, str(RAIZ / "tools"))
import carimbar  # noqa: E402
import desenhar_diagramas  # noqa: E402

NOTEBOOKS = sorted((RAIZ / "notebooks").glob("[0-9][0-9]_*.ipynb"))
DIAGRAMAS = {d.arquivo: d for d in desenhar_diagramas.DIAGRAMAS}
SO_DO_README = {"banner.png"}  # a imagem de abertura não vai para nenhum notebook
IMAGEM_MARKDOWN = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<alvo>[^)\s]+)")
IMAGEM_HTML = re.compile(r"<img\b[^>]*>", re.I)


def _ler(caminho: Path):
    return nbformat.read(caminho, as_version=4)


def _celulas_de_texto():
    for caminho in NOTEBOOKS:
        for k, celula in enumerate(_ler(caminho).cells):
            if celula.cell_type == "markdown":
                yield caminho.name, k, celula


def _citados(texto: str) -> list[str]:
    return [m["nome"] for m in carimbar.IMAGEM_ANEXADA.finditer(texto)]


# -- Os anexos dos notebooks ----------------------------------------------------------------
@pytest.mark.parametrize("caminho", NOTEBOOKS, ids=lambda p: p.name)
def test_anexos_iguais_aos_arquivos_de_media(caminho):
    for k, celula in enumerate(_ler(caminho).cells):
        if celula.cell_type != "markdown":
            continue
        anexos = celula.get("attachments", {})
        citados = _citados(celula.source)
        sobrando = sorted(set(anexos) - set(citados))
        assert not sobrando, (f"{caminho.name}, célula {k}: anexos que o texto não cita: "
                              f"{sobrando}. Execute `python tools/carimbar.py`.")
        for nome in citados:
            assert (MIDIA / nome).is_file(), (
                f"{caminho.name}, célula {k}: cita attachment:{nome}, mas media/{nome} não "
                "existe (`python tools/desenhar_diagramas.py` desenha os diagramas).")
            assert nome in anexos, (f"{caminho.name}, célula {k}: cita attachment:{nome} sem "
                                    "anexá-lo. Execute `python tools/carimbar.py`.")
            (dados,) = anexos[nome].values()
            dados = "".join(dados) if isinstance(dados, list) else dados
            assert base64.b64decode(dados) == (MIDIA / nome).read_bytes(), (
                f"{caminho.name}, célula {k}: o anexo {nome} está diferente de media/{nome}. "
                "Execute `python tools/carimbar.py`.")


def test_imagens_tem_texto_alternativo():
    faltando = []
    textos = [(f"{nome}, célula {k}", celula.source) for nome, k, celula in _celulas_de_texto()]
    textos += [(p.relative_to(RAIZ).as_posix(), p.read_text("utf-8"))
               for p in (RAIZ / "README.md", MIDIA / "README.md") if p.exists()]
    for onde, texto in textos:
        for imagem in IMAGEM_MARKDOWN.finditer(texto):
            if not imagem["alt"].strip():
                faltando.append(f"{onde}: {imagem['alvo']}")
        for tag in IMAGEM_HTML.findall(texto):
            if not re.search(r'\balt\s*=\s*"[^"\s][^"]*"', tag):
                faltando.append(f"{onde}: {tag}")
    assert not faltando, ("Imagens sem texto alternativo (escreva entre os colchetes o que a "
                          "imagem mostra):\n" + "\n".join(faltando))


def test_arquivos_citados_existem():
    faltando = [f"{nome}, célula {k}: media/{citado}"
                for nome, k, celula in _celulas_de_texto()
                for citado in _citados(celula.source) if not (MIDIA / citado).is_file()]
    readme = (RAIZ / "README.md").read_text("utf-8")
    alvos = [m["alvo"] for m in IMAGEM_MARKDOWN.finditer(readme)]
    alvos += re.findall(r'<img\b[^>]*\bsrc\s*=\s*"([^"]+)"', readme, re.I)
    faltando += [f"README.md: {alvo}" for alvo in alvos
                 if not alvo.startswith(("http://", "https://")) and not (RAIZ / alvo).is_file()]
    assert not faltando, "Imagens citadas que não existem:\n" + "\n".join(faltando)


def test_media_tem_exatamente_os_diagramas_da_lista():
    arquivos = {p.name for p in MIDIA.iterdir() if p.name != "README.md"}
    assert arquivos == set(DIAGRAMAS), (
        f"Em media/ sem estar em DIAGRAMAS: {sorted(arquivos - set(DIAGRAMAS))}; em "
        f"DIAGRAMAS sem o arquivo: {sorted(set(DIAGRAMAS) - arquivos)}. Todo diagrama sai de "
        "tools/desenhar_diagramas.py.")
    assert (MIDIA / "README.md").read_text("utf-8") == desenhar_diagramas.readme_da_midia(), \
        "media/README.md está desatualizado: execute `python tools/desenhar_diagramas.py`."


def test_todo_diagrama_e_usado_pelo_seu_notebook():
    usados: dict[str, set[str]] = {}
    for nome, _, celula in _celulas_de_texto():
        for citado in _citados(celula.source):
            usados.setdefault(citado, set()).add(nome)
    faltando = [f"{d.arquivo} → {d.notebook} (texto alternativo sugerido: "
                f"{d.texto_alternativo!r})"
                for d in DIAGRAMAS.values()
                if d.arquivo not in SO_DO_README and d.notebook not in usados.get(d.arquivo, ())]
    assert not faltando, (
        "Diagramas de media/ que o notebook indicado não usa ainda. Cite cada um numa célula "
        "de texto, ![texto alternativo](attachment:NOME.png), e execute "
        "`python tools/carimbar.py`:\n" + "\n".join(faltando))


def test_readme_mostra_o_banner():
    readme = (RAIZ / "README.md").read_text("utf-8")
    for nome in SO_DO_README:
        assert f"](media/{nome})" in readme, f"O README deveria mostrar media/{nome}."


# -- As imagens em si ----------------------------------------------------------------------
@pytest.mark.parametrize("arquivo", sorted(DIAGRAMAS))
def test_imagens_legiveis_no_colab(arquivo):
    with Image.open(MIDIA / arquivo) as imagem:
        largura, altura = imagem.size
        pixels = np.asarray(imagem.convert("RGB"))
    if arquivo == "banner.png":
        assert (largura, altura) == (1600, 400)
    else:
        # Mais estreita que ~750 px, o Colab mostra pequena; muito mais larga que 1200 px, ele
        # a encolhe tanto que o texto de 12 pt fica com menos de 11 px.
        assert 750 <= largura <= 1200, f"{arquivo}: {largura} px de largura"
    cantos = [pixels[0, 0], pixels[0, -1], pixels[-1, 0], pixels[-1, -1]]
    assert any((c == 255).all() for c in cantos), f"{arquivo}: o fundo deveria ser branco"


def _diferenca(a: Path, b: Path) -> tuple[tuple, tuple, float, float]:
    with Image.open(a) as ia, Image.open(b) as ib:
        if ia.size != ib.size:
            return ia.size, ib.size, 255.0, 1.0
        pa = np.asarray(ia.convert("RGB"), dtype=np.int16)
        pb = np.asarray(ib.convert("RGB"), dtype=np.int16)
    diferenca = np.abs(pa - pb)
    return ia.size, ib.size, float(diferenca.mean()), float((diferenca.max(axis=2) > 64).mean())


def test_desenhar_de_novo_reproduz_media(tmp_path):
    resultado = subprocess.run([sys.executable, str(RAIZ / "tools" / "desenhar_diagramas.py"),
                                "--destino", str(tmp_path)], cwd=RAIZ, capture_output=True,
                               text=True, timeout=300)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    assert {p.name for p in tmp_path.iterdir()} == {p.name for p in MIDIA.iterdir()}
    assert (tmp_path / "README.md").read_text("utf-8") == (MIDIA / "README.md").read_text("utf-8")
    diferentes = []
    for arquivo in sorted(DIAGRAMAS):
        if (tmp_path / arquivo).read_bytes() == (MIDIA / arquivo).read_bytes():
            continue  # o caso comum: os mesmos bytes
        tamanho_novo, tamanho, media, fracao = _diferenca(tmp_path / arquivo, MIDIA / arquivo)
        # Outra versão do Matplotlib/FreeType desenha as letras com um anti-serrilhado um pouco
        # diferente; um desenho mudado muda muito mais que isso.
        if tamanho_novo != tamanho or media > 2.0 or fracao > 0.01:
            diferentes.append(f"{arquivo}: {tamanho_novo} × {tamanho}, diferença média "
                              f"{media:.2f}, {fracao:.2%} dos pixels muito diferentes")
    assert not diferentes, ("tools/desenhar_diagramas.py não desenha o que está em media/ "
                            "(execute-o e confira as imagens):\n" + "\n".join(diferentes))


# -- A máquina de anexar --------------------------------------------------------------------
def _notebook(*textos: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(t) for t in textos]
    return nb


def test_anexar_imagens_copia_de_media_e_e_idempotente(tmp_path):
    (tmp_path / "a.png").write_bytes(b"\x89PNG primeiro")
    nb = _notebook("Texto ![um diagrama](attachment:a.png) e mais texto.", "Sem imagem.")
    assert carimbar.anexar_imagens(nb, tmp_path) is True
    anexo = nb.cells[0].attachments["a.png"]["image/png"]
    assert base64.b64decode(anexo) == b"\x89PNG primeiro"
    assert "attachments" not in nb.cells[1]
    assert carimbar.anexar_imagens(nb, tmp_path) is False, "A 2ª vez não deveria mudar nada."
    (tmp_path / "a.png").write_bytes(b"\x89PNG mudou")  # uma mudança em media/ se propaga
    assert carimbar.anexar_imagens(nb, tmp_path) is True
    assert base64.b64decode(nb.cells[0].attachments["a.png"]["image/png"]) == b"\x89PNG mudou"
    nbformat.validate(nb)


def test_anexar_imagens_tira_anexos_que_o_texto_nao_cita(tmp_path):
    nb = _notebook("Agora sem imagem.")
    nb.cells[0]["attachments"] = {"velho.png": {"image/png": "AAAA"}}
    assert carimbar.anexar_imagens(nb, tmp_path) is True
    assert "attachments" not in nb.cells[0]


@pytest.mark.parametrize("texto, mensagem", [
    ("![](attachment:a.png)", "texto alternativo"),
    ("![   ](attachment:a.png)", "texto alternativo"),
    ("![um diagrama](attachment:nao_existe.png)", "não existe"),
])
def test_anexar_imagens_recusa_erros(tmp_path, texto, mensagem):
    (tmp_path / "a.png").write_bytes(b"\x89PNG")
    with pytest.raises(carimbar.ErroDeAnexo, match=mensagem):
        carimbar.anexar_imagens(_notebook(texto), tmp_path)
