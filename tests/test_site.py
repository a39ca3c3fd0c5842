"""O site do curso (``bash tools/curso.sh site``) aberto num Chromium de verdade, sem rede.

Constrói o site com ``tools/site.py`` (só se algo mudou desde a última vez), serve
``build/site`` num http.server em 127.0.0.1 e abre cada página no Chromium do Debian, sem
cabeça, pelo pacote ``playwright`` (que aqui só dirige o navegador: nunca ``playwright
install``). Confere que nenhuma página pede nada a outro endereço, que não há erro no console,
que as fórmulas foram desenhadas pelo MathJax local, que toda figura carregou, que a busca
funciona e que as soluções começam dobradas. Deixa três capturas de tela em
``build/capturas-do-site/`` para uma pessoa olhar.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import importlib.util
import os
import re
import subprocess
import sys
import threading
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

RAIZ = Path(__file__).resolve().parent.parent
SITE = RAIZ / "build" / "site"
CAPTURAS = RAIZ / "build" / "capturas-do-site"
CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTOS_DO_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--disable-sync", "--no-first-run"]
# Links (não pedidos!) para fora que o site pode ter: Colab, GitHub e o próprio site publicado.
LINKS_PERMITIDOS = ("colab.research.google.com", "github.com", "curso-redes-neurais.github.io")

_CURSO = tomllib.loads((RAIZ / "pyproject.toml").read_text("utf-8"))["tool"]["curso"]
NOTEBOOKS = [Path(item["arquivo"]).stem for item in _CURSO["notebooks"]
             if (RAIZ / "notebooks" / item["arquivo"]).exists()]
PAGINAS = ["index.html", *(f"notebooks/{nome}.html" for nome in NOTEBOOKS)]


# -- Preparação: o site, o servidor local e o navegador ------------------------------------
@pytest.fixture(scope="module")
def site() -> Path:
    resultado = subprocess.run([sys.executable, str(RAIZ / "tools" / "site.py"), "--se-preciso"],
                               cwd=RAIZ, capture_output=True, text=True, timeout=600)
    if resultado.returncode != 0:
        pytest.fail("A construção do site falhou (python tools/site.py):\n"
                    + (resultado.stdout + resultado.stderr)[-4000:], pytrace=False)
    return SITE


class _ServidorSilencioso(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def endereco(site):
    servidor = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_ServidorSilencioso, directory=str(site)))
    linha = threading.Thread(target=servidor.serve_forever, daemon=True)
    linha.start()
    yield f"http://127.0.0.1:{servidor.server_address[1]}/"
    servidor.shutdown()
    servidor.server_close()


@pytest.fixture(scope="module")
def navegador():
    if not CHROMIUM.exists():
        pytest.fail("O Chromium não está instalado (/usr/bin/chromium). Instale-o com "
                    "`sudo apt-get install chromium`, ou rode `bash tools/curso.sh testes`, "
                    "que instala o que falta.", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("O pacote playwright não está instalado: pip install -r requirements.txt "
                    "(ou `bash tools/curso.sh testes`).", pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=ARGUMENTOS_DO_CHROMIUM)
        yield chromium
        chromium.close()


class Visita:
    """Uma página aberta numa aba nova, anotando tudo o que deu errado."""

    def __init__(self, navegador, endereco: str, largura: int = 1280, altura: int = 900,
                 escala: float = 1):
        self.contexto = navegador.new_context(viewport={"width": largura, "height": altura},
                                              device_scale_factor=escala, locale="pt-BR")
        self.externos: list[str] = []
        self.problemas: list[str] = []
        self.contexto.route("**/*", self._rotear)
        self.pagina = self.contexto.new_page()
        self.pagina.on("console", self._console)
        self.pagina.on("pageerror", lambda erro: self.problemas.append(f"erro de JS: {erro}"))
        self.pagina.on("requestfailed", lambda pedido: self.problemas.append(
            f"pedido falhou: {pedido.url} ({pedido.failure})"))
        self.pagina.on("response", lambda resposta: resposta.status >= 400
                       and self.problemas.append(f"HTTP {resposta.status}: {resposta.url}"))
        self.endereco = endereco

    def _rotear(self, rota):
        url = rota.request.url
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname != "127.0.0.1":
            self.externos.append(url)
            rota.abort()
        else:
            rota.continue_()

    def _console(self, mensagem):
        if mensagem.type == "error":
            self.problemas.append(f"console: {mensagem.text}")

    def abrir(self, caminho: str):
        self.pagina.goto(self.endereco + caminho, wait_until="load")
        self.pagina.wait_for_load_state("networkidle")
        # o MathJax desenha as fórmulas depois do load: espera ele terminar
        self.pagina.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise"
                             " ? MathJax.startup.promise.then(() => true) : true")
        return self.pagina

    def fechar(self):
        self.contexto.close()


@pytest.fixture
def visita(navegador, endereco):
    visitas = []

    def abrir(caminho: str, **tamanho):
        nova = Visita(navegador, endereco, **tamanho)
        visitas.append(nova)
        nova.abrir(caminho)
        return nova

    yield abrir
    for aberta in visitas:
        aberta.fechar()


# -- O que se vê em cada página -----------------------------------------------------------------
EXAME_DA_PAGINA = """() => {
  const artigo = document.querySelector('article') || document.body;
  const copia = artigo.cloneNode(true);
  copia.querySelectorAll('pre, code, .cell_output, mjx-container, script, style')
       .forEach(e => e.remove());
  return {
    texto: copia.textContent,
    formulas: document.querySelectorAll('.math').length,
    desenhadas: document.querySelectorAll('.math mjx-container').length,
    erros_tex: [...document.querySelectorAll('mjx-merror')].map(e => e.textContent),
    figuras: [...document.images].map(i => ({src: i.currentSrc || i.src,
                                             ok: i.complete && i.naturalWidth > 0})),
    largura: document.documentElement.scrollWidth,
  };
}"""

TEX_CRU = re.compile(r"\$\$|\$[^$\s][^$\n]*\$|\\\(|\\\)|\\\[|\\\]|\\(frac|sum|partial)\b")


@pytest.mark.parametrize("caminho", PAGINAS)
def test_pagina_abre_sem_erro_e_sem_pedir_nada_de_fora(visita, caminho):
    aberta = visita(caminho)
    exame = aberta.pagina.evaluate(EXAME_DA_PAGINA)
    assert not aberta.externos, (f"{caminho} pediu recursos a outros endereços (o site deve "
                                 f"funcionar sem internet): {aberta.externos}")
    assert not aberta.problemas, f"{caminho}: " + "\n".join(aberta.problemas)
    assert exame["desenhadas"] == exame["formulas"], (
        f"{caminho}: só {exame['desenhadas']} de {exame['formulas']} fórmulas foram desenhadas "
        "pelo MathJax.")
    assert not exame["erros_tex"], f"{caminho}: erros de TeX: {exame['erros_tex']}"
    cru = [m.group(0) for m in TEX_CRU.finditer(exame["texto"])]
    assert not cru, f"{caminho}: sobrou TeX sem desenhar no texto: {cru[:5]}"
    quebradas = [f["src"] for f in exame["figuras"] if not f["ok"]]
    assert not quebradas, f"{caminho}: figuras que não carregaram: {quebradas}"
    if caminho.startswith("notebooks/"):
        assert any("/_images/" in f["src"] for f in exame["figuras"]), \
            f"{caminho}: nenhuma figura das saídas guardadas apareceu."
    for largura in (1280, 390):  # computador e celular: nada alarga a página
        aberta.pagina.set_viewport_size({"width": largura, "height": 844})
        assert aberta.pagina.evaluate("() => document.documentElement.scrollWidth") <= largura, \
            f"{caminho} fica mais larga que uma tela de {largura} px: algo transborda."


@pytest.mark.parametrize("nome", NOTEBOOKS)
def test_notebook_tem_colab_download_e_solucoes_dobradas(visita, nome):
    pagina = visita(f"notebooks/{nome}.html").pagina
    colab = pagina.get_by_role("link", name="Abrir no Colab")
    esperado = (f"https://colab.research.google.com/github/{_CURSO['repositorio']}/blob/"
                f"{_CURSO['ramo']}/notebooks/{nome}.ipynb")
    assert colab.first.get_attribute("href") == esperado
    download = pagina.locator(".botoes-do-curso a.download").first
    baixado = SITE / "notebooks" / download.get_attribute("href")
    original = RAIZ / "notebooks" / f"{nome}.ipynb"
    assert baixado.name == original.name and baixado.read_bytes() == original.read_bytes(), \
        "O download deve entregar o notebook guardado, tal como está."
    dobras = pagina.locator("details.solucoes-do-curso")
    assert dobras.count() == 1, "A seção Soluções deveria estar numa dobra (<details>)."
    assert not dobras.first.evaluate("d => d.open"), "As soluções deveriam começar fechadas."
    assert dobras.first.locator(".cell").count() >= 1, "A dobra das soluções está vazia."
    assert not dobras.first.locator(".cell").first.is_visible()
    dobras.first.locator("summary").click()
    assert dobras.first.locator(".cell").first.is_visible(), "Clicar não abriu as soluções."


def test_busca_offline_encontra_a_retropropagacao(visita):
    pagina = visita("search.html?q=retropropagação").pagina
    resultados = pagina.locator("#search-results ul.search li a")
    resultados.first.wait_for(timeout=15_000)
    destinos = [resultados.nth(i).get_attribute("href") for i in range(resultados.count())]
    assert any("08_retropropagacao" in d for d in destinos), \
        f"A busca por 'retropropagação' não listou o notebook 08: {destinos}"


def test_pagina_inicial_e_o_mapa_do_curso(visita):
    pagina = visita("index.html").pagina
    assert pagina.title().startswith("Redes neurais em notebooks")
    assert pagina.locator("html").get_attribute("lang") == "pt-BR"
    mapa = pagina.locator("#mapa-do-curso table")
    destinos = [a.get_attribute("href") for a in mapa.locator("a.internal").all()]
    assert destinos == [f"notebooks/{nome}.html" for nome in NOTEBOOKS]
    # navegação anterior/próximo entre as páginas, na ordem do mapa
    pagina.goto(pagina.url.rsplit("/", 1)[0] + f"/notebooks/{NOTEBOOKS[1]}.html")
    assert NOTEBOOKS[0] in pagina.locator("a.left-prev").get_attribute("href")
    assert NOTEBOOKS[2] in pagina.locator("a.right-next").get_attribute("href")


def test_capturas_de_tela(visita):
    """Três capturas para uma pessoa olhar: início, um notebook, o mesmo no celular.

    Cada uma pega o começo da página (no notebook, até as primeiras fórmulas e figuras).
    """
    CAPTURAS.mkdir(parents=True, exist_ok=True)
    exemplo = next((n for n in NOTEBOOKS if n.startswith("08_")), NOTEBOOKS[0])
    for nome, caminho, tamanho in [
            ("inicio.png", "index.html", {"altura": 1600}),
            (f"{exemplo}.png", f"notebooks/{exemplo}.html", {"altura": 3000}),
            (f"{exemplo}-celular.png", f"notebooks/{exemplo}.html",
             {"largura": 390, "altura": 2400, "escala": 2})]:
        # uma janela bem alta em vez da página inteira: as barras laterais ficam no lugar
        aberta = visita(caminho, **tamanho)
        aberta.pagina.screenshot(path=str(CAPTURAS / nome))
        assert (CAPTURAS / nome).stat().st_size > 10_000


# -- O HTML construído, sem navegador ------------------------------------------------------
RECURSO = re.compile(r"<(?:script|img|link|iframe|source|video|audio)\b[^>]*?"
                     r"\b(?:src|href)=[\"'](https?:)?//([^/\"']+)", re.I)
LINK = re.compile(r"<a\b[^>]*?\bhref=[\"']https?://([^/\"':]+)", re.I)
URL_EM_CSS = re.compile(r"(?:url\(|@import\s+)[\"']?(https?:)?//([^/\"')]+)", re.I)


def test_html_e_css_nao_apontam_para_fora(site):
    recursos, links = set(), set()
    for arquivo in site.rglob("*.html"):
        texto = arquivo.read_text("utf-8")
        recursos |= {(arquivo.name, m.group(2)) for m in RECURSO.finditer(texto)}
        links |= {(arquivo.name, m.group(1)) for m in LINK.finditer(texto)
                  if m.group(1) not in LINKS_PERMITIDOS}
    for arquivo in site.rglob("*.css"):
        recursos |= {(arquivo.name, m.group(2))
                     for m in URL_EM_CSS.finditer(arquivo.read_text("utf-8", "replace"))}
    assert not recursos, f"Recursos de outros endereços no site: {sorted(recursos)}"
    assert not links, f"Links para fora além de Colab e GitHub: {sorted(links)}"


INGLES_DOS_TEMAS = ("Toggle ", "Launch ", "Search...", "Skip to main", "Back to top",
                    "On this page", 'aria-label="Main"', "Show code", "Download ", "Print to")


def test_interface_em_portugues(site):
    sobras = {(pagina, frase) for pagina in PAGINAS + ["search.html"]
              for frase in INGLES_DOS_TEMAS if frase in (site / pagina).read_text("utf-8")}
    assert not sobras, f"Frases dos temas ainda em inglês: {sorted(sobras)}"


def test_mathjax_local_e_download_fiel(site):
    mathjax = site / "_static" / "mathjax" / "tex-chtml.js"
    assert mathjax.is_file(), "O MathJax não foi copiado para o site."
    assert list((site / "_static" / "mathjax" / "output" / "chtml" / "fonts").rglob("*.woff"))
    paginas = [p.read_text("utf-8") for p in (site / "notebooks").glob("*.html")]
    assert all("cdn.jsdelivr" not in p and "mathjax/tex-chtml.js" in p for p in paginas)
    # o download entrega o notebook guardado byte a byte (conferido também no navegador)
    for nome in NOTEBOOKS:
        copia = site / "_sources" / "notebooks" / f"{nome}.ipynb"
        original = RAIZ / "notebooks" / f"{nome}.ipynb"
        assert hashlib.sha256(copia.read_bytes()).digest() == \
            hashlib.sha256(original.read_bytes()).digest()


def test_imagens_anexadas_as_celulas_aparecem(site, tmp_path):
    """``![...](attachment:nome.png)`` numa célula de texto vira uma imagem do site."""
    import nbformat

    especificacao = importlib.util.spec_from_file_location("site_do_curso",
                                                           RAIZ / "tools" / "site.py")
    ferramenta = importlib.util.module_from_spec(especificacao)
    especificacao.loader.exec_module(ferramenta)
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
                           "hQGAhKmMIQAAAABJRU5ErkJggg==")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" ' \
          'height="8"/></svg>'
    celula = nbformat.v4.new_markdown_cell(
        "# Anexos\n\n![um ponto](attachment:ponto.png)\n\n<img src=\"attachment:quadrado.svg\" "
        "alt=\"um quadrado\">")
    celula["attachments"] = {"ponto.png": {"image/png": base64.b64encode(png).decode()},
                             "quadrado.svg": {"image/svg+xml": svg}}
    fonte = tmp_path / "fonte"
    (fonte / "notebooks").mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[celula]), fonte / "notebooks" / "anexos.ipynb")
    (fonte / "index.md").write_text("# Início\n\n```{toctree}\nnotebooks/anexos\n```\n", "utf-8")
    resultado = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "-c", str(RAIZ / "site"),
         str(fonte), str(tmp_path / "saida")], cwd=RAIZ, capture_output=True, text=True,
        env={**os.environ, "CURSO_MATHJAX": str(ferramenta.pasta_do_mathjax())}, timeout=300)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    pagina = (tmp_path / "saida" / "notebooks" / "anexos.html").read_text("utf-8")
    fontes = dict(re.findall(r'<img alt="(um [a-z]+)" src="([^"]+)"', pagina))
    assert set(fontes) == {"um ponto", "um quadrado"}, pagina
    saida = tmp_path / "saida" / "notebooks"
    assert (saida / fontes["um ponto"]).read_bytes() == png
    assert (saida / fontes["um quadrado"]).read_text("utf-8") == svg
