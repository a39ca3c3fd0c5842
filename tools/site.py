"""Constrói o site do curso em ``build/site`` a partir dos notebooks guardados (sem executá-los).

O site é feito pelo Sphinx com o myst-nb e o sphinx-book-theme (configuração em ``site/``):
a página inicial é o texto do README, cada notebook vira uma página com as saídas e figuras
como estão guardadas, a seção "Soluções" vem dobrada e as fórmulas são desenhadas por uma
cópia local do MathJax. Nada é buscado fora da máquina ao abrir uma página.

Passos:

1. MathJax: o pacote npm ``mathjax@3.2.2`` (baixado uma vez com ``npm pack``, conferido pelo
   SHA-256 e guardado em ``~/.cache/curso-redes-neurais/site``); depois disso, não é preciso
   rede nenhuma.
2. Fonte do site em ``build/site-src``: ``index.md`` (o README mais o sumário), as imagens de
   ``media/`` (que o README mostra) e uma cópia fiel de cada notebook do mapa do curso (é
   essa cópia que o botão de download entrega).
3. ``sphinx-build`` com avisos tratados como erros, em ``build/site``.

Uso::

    python tools/site.py                # constrói (ou atualiza) build/site
    python tools/site.py --se-preciso   # só constrói se algo mudou desde a última vez
    python tools/site.py --tem-mathjax  # só responde (código 0 ou 1) se o MathJax já está aqui
    python -m http.server -d build/site 8000   # para olhar: http://127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
CONFIGURACAO = RAIZ / "site"
FONTE = RAIZ / "build" / "site-src"
SAIDA = RAIZ / "build" / "site"
ARVORES = RAIZ / "build" / "site-doctrees"
MIDIA = RAIZ / "media"
MARCA = SAIDA / ".construido"

MATHJAX_PACOTE = "mathjax@3.2.2"
MATHJAX_SHA256 = "1b9c0a1c44df864e915690558e72adb9cc5203360daefd385084ced3b6c64c09"
# Do pacote só vai para o site o que a entrada TeX e a saída CHTML usam (cerca de 4 MB dos
# 24 MB): o componente combinado, as extensões TeX carregadas sob demanda, as fontes, o menu.
MATHJAX_ARQUIVOS = ("tex-chtml.js", "input/tex/extensions/", "output/chtml/", "ui/", "a11y/",
                    "adaptors/")

sys.path.insert(0, str(RAIZ / "tools"))
import carimbar  # noqa: E402


class ErroDoSite(RuntimeError):
    """Falha na construção do site, com uma mensagem para quem executou."""


# 1. MathJax --------------------------------------------------------------------------------
def pasta_do_mathjax() -> Path:
    """Onde fica a cópia local do MathJax (a pasta ``mathjax/`` dentro dela vai para o site)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "curso-redes-neurais" / "site" / MATHJAX_PACOTE.replace("@", "-")


def obter_mathjax() -> Path:
    """Garante a cópia local do MathJax e devolve a pasta que a contém."""
    pasta = pasta_do_mathjax()
    if (pasta / "mathjax" / "tex-chtml.js").is_file():
        return pasta
    npm = shutil.which("npm")
    if npm is None:
        raise ErroDoSite("O site precisa do MathJax, que vem do npm, mas o comando `npm` não foi "
                         "encontrado: instale o Node.js e o npm (por exemplo "
                         "`sudo apt-get install npm`) e tente de novo.")
    print(f"Obtendo o MathJax ({MATHJAX_PACOTE}) pelo npm…", flush=True)
    pasta.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="curso-mathjax-", dir=pasta.parent) as temporaria:
        temporaria = Path(temporaria)
        try:
            resultado = subprocess.run([npm, "pack", MATHJAX_PACOTE, "--silent"],
                                       cwd=temporaria, capture_output=True, text=True,
                                       timeout=600)
        except (OSError, subprocess.TimeoutExpired) as erro:
            raise ErroDoSite(f"O `npm pack {MATHJAX_PACOTE}` falhou: {erro}.") from erro
        pacotes = list(temporaria.glob("mathjax-*.tgz"))
        if resultado.returncode != 0 or not pacotes:
            detalhe = (resultado.stderr or resultado.stdout).strip().splitlines()[-1:] or [""]
            raise ErroDoSite(f"O `npm pack {MATHJAX_PACOTE}` falhou ({detalhe[0]}). "
                             "Confira o acesso ao registro do npm.")
        resumo = hashlib.sha256(pacotes[0].read_bytes()).hexdigest()
        if resumo != MATHJAX_SHA256:
            raise ErroDoSite(f"O pacote {MATHJAX_PACOTE} veio diferente do esperado "
                             f"(SHA-256 {resumo}); tente de novo.")
        destino = temporaria / "extraido" / "mathjax"
        with tarfile.open(pacotes[0]) as tar:
            for membro in tar.getmembers():
                relativo = membro.name.removeprefix("package/es5/")
                if membro.isfile() and relativo != membro.name and \
                        relativo.startswith(MATHJAX_ARQUIVOS):
                    arquivo = destino / relativo
                    arquivo.parent.mkdir(parents=True, exist_ok=True)
                    arquivo.write_bytes(tar.extractfile(membro).read())
                elif membro.name == "package/LICENSE":
                    destino.mkdir(parents=True, exist_ok=True)
                    (destino / "LICENSE").write_bytes(tar.extractfile(membro).read())
        if not (destino / "tex-chtml.js").is_file():
            raise ErroDoSite(f"O pacote {MATHJAX_PACOTE} veio sem es5/tex-chtml.js.")
        shutil.rmtree(pasta, ignore_errors=True)
        (temporaria / "extraido").rename(pasta)  # só ganha o nome definitivo quando completa
    return pasta


# 2. Fonte do site ------------------------------------------------------------------------
def endereco_do_site(curso: dict) -> str:
    dono, nome = curso["repositorio"].split("/")
    return f"https://{dono}.github.io/{nome}/"


def pagina_inicial(curso: dict) -> str:
    """O README com o sumário (oculto) que dá a ordem das páginas e a navegação.

    Sai só o parágrafo que aponta para o próprio site (quem o lê já está nele).
    """
    readme = (RAIZ / "README.md").read_text("utf-8")
    paragrafos = readme.split("\n\n")
    readme = "\n\n".join(p for p in paragrafos if endereco_do_site(curso) not in p)
    paginas = "\n".join(f"notebooks/{Path(item['arquivo']).stem}"
                        for item in curso["notebooks"]
                        if (RAIZ / "notebooks" / item["arquivo"]).exists())
    sumario = f"\n\n```{{toctree}}\n:hidden:\n:caption: Notebooks\n\n{paginas}\n```\n"
    return readme.rstrip() + sumario


def _gravar_se_mudou(caminho: Path, conteudo: bytes) -> None:
    # Arquivos iguais não são regravados: o Sphinx só relê o que mudou.
    if not caminho.exists() or caminho.read_bytes() != conteudo:
        caminho.parent.mkdir(parents=True, exist_ok=True)
        caminho.write_bytes(conteudo)


def preparar_fonte(curso: dict) -> None:
    """Monta build/site-src: index.md, as imagens de media/ e uma cópia de cada notebook."""
    _gravar_se_mudou(FONTE / "index.md", pagina_inicial(curso).encode("utf-8"))
    esperados = {"index.md"}
    for imagem in _imagens_da_midia():  # o README as mostra por caminho relativo (media/...)
        _gravar_se_mudou(FONTE / "media" / imagem.name, imagem.read_bytes())
        esperados.add(f"media/{imagem.name}")
    for item in curso["notebooks"]:
        original = RAIZ / "notebooks" / item["arquivo"]
        if original.exists():
            _gravar_se_mudou(FONTE / "notebooks" / item["arquivo"], original.read_bytes())
            esperados.add(f"notebooks/{item['arquivo']}")
    for arquivo in FONTE.rglob("*"):  # um notebook que saiu do mapa sai também do site
        if arquivo.is_file() and arquivo.relative_to(FONTE).as_posix() not in esperados:
            arquivo.unlink()


def _imagens_da_midia() -> list[Path]:
    return sorted(MIDIA.glob("*.png")) if MIDIA.is_dir() else []


# 3. Construção --------------------------------------------------------------------------
def entradas() -> list[Path]:
    """Tudo de que o site depende: se algo for mais novo que a última construção, refaz."""
    arquivos = [RAIZ / "README.md", RAIZ / "pyproject.toml", RAIZ / "constraints.txt",
                Path(__file__).resolve(), RAIZ / "tools" / "carimbar.py",
                *sorted((RAIZ / "notebooks").glob("*.ipynb")), *_imagens_da_midia()]
    arquivos += [p for p in CONFIGURACAO.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return arquivos


def precisa_construir() -> bool:
    if not MARCA.exists():
        return True
    construido = MARCA.stat().st_mtime
    return any(p.stat().st_mtime > construido for p in entradas())


def construir(rigoroso: bool = True) -> Path:
    """Constrói o site em build/site e devolve a pasta. Levanta ErroDoSite se falhar."""
    inicio = time.monotonic()
    curso = carimbar.configuracao()
    mathjax = obter_mathjax()
    preparar_fonte(curso)
    MARCA.unlink(missing_ok=True)
    comando = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E", "-c", str(CONFIGURACAO),
               "-d", str(ARVORES), str(FONTE), str(SAIDA)]
    if rigoroso:
        comando[3:3] = ["-W", "--keep-going"]  # qualquer aviso do Sphinx é um erro
    ambiente = {**os.environ, "CURSO_MATHJAX": str(mathjax)}
    resultado = subprocess.run(comando, cwd=RAIZ, env=ambiente)
    if resultado.returncode != 0:
        raise ErroDoSite(f"O sphinx-build falhou (código {resultado.returncode}); "
                         "veja as mensagens acima.")
    MARCA.write_text(f"{time.time()}\n", "utf-8")
    print(f"Site construído em {SAIDA.relative_to(RAIZ)}/ "
          f"({time.monotonic() - inicio:.0f} s). Para olhar: "
          f"python -m http.server -d {SAIDA.relative_to(RAIZ)} 8000 e abra "
          "http://127.0.0.1:8000", flush=True)
    return SAIDA


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--se-preciso", action="store_true",
                        help="não reconstrói se nada mudou desde a última construção")
    parser.add_argument("--tolerante", action="store_true",
                        help="avisos do Sphinx não interrompem a construção")
    parser.add_argument("--tem-mathjax", action="store_true",
                        help="não constrói; sai com 0 se a cópia local do MathJax já existe")
    argumentos = parser.parse_args(argv)
    if argumentos.tem_mathjax:
        return 0 if (pasta_do_mathjax() / "mathjax" / "tex-chtml.js").is_file() else 1
    if argumentos.se_preciso and not precisa_construir():
        print(f"Site em {SAIDA.relative_to(RAIZ)}/: já está atualizado.")
        return 0
    try:
        construir(rigoroso=not argumentos.tolerante)
    except ErroDoSite as erro:
        print(f"Erro: {erro}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
