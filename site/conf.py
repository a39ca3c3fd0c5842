"""Configuração do Sphinx para o site do curso (construa com ``python tools/site.py``).

A fonte (``build/site-src``) é montada por ``tools/site.py``: o README vira a página inicial
e os notebooks guardados entram como estão, sem ser executados. As adaptações para o site
(botões do topo, preparação dobrada, soluções dobradas) ficam na extensão ``curso_site``.
"""

import os
import sys
from pathlib import Path

AQUI = Path(__file__).resolve().parent
sys.path.insert(0, str(AQUI))
import curso_site  # noqa: E402

curso = curso_site.CURSO

# -- Projeto -------------------------------------------------------------------------------
project = "Redes neurais em notebooks"
html_title = project
language = "pt_BR"
root_doc = "index"
extensions = ["myst_nb", "curso_site"]
exclude_patterns = ["**.ipynb_checkpoints"]
# Traduções das frases dos temas que o Sphinx não traz em pt_BR (site/locale/*.po).
locale_dirs = [str(curso_site.compilar_traducoes())]

# -- Notebooks (myst-nb) -------------------------------------------------------------------
nb_execution_mode = "off"  # o site mostra as saídas guardadas; nada é executado
nb_merge_streams = True
nb_code_prompt_show = "Mostrar o código"
nb_code_prompt_hide = "Esconder o código"
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "attrs_inline", "html_image"]
myst_heading_anchors = 3
myst_dmath_double_inline = True

# -- Fórmulas: MathJax local (obtido por tools/site.py), nunca de um CDN -----------------
_mathjax = os.environ.get("CURSO_MATHJAX")
if not _mathjax or not (Path(_mathjax) / "mathjax" / "tex-chtml.js").is_file():
    raise RuntimeError("Construa o site com `python tools/site.py`: ele obtém a cópia local "
                       "do MathJax e a indica em CURSO_MATHJAX.")
mathjax_path = "mathjax/tex-chtml.js"
# As fontes vêm de junto do script (_static/mathjax/output/chtml/fonts), como no pacote.
mathjax3_config = {"options": {"menuOptions": {"settings": {"explorer": False}}}}

# -- HTML ------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_static_path = ["_static", _mathjax]
html_favicon = "_static/favicon.svg"
html_css_files = ["curso.css"]
html_js_files = ["curso.js"]
html_copy_source = True  # o botão de download entrega o .ipynb guardado, tal como está
html_sourcelink_suffix = ""
html_show_sourcelink = False
html_show_sphinx = False
html_show_copyright = False
html_last_updated_fmt = None
html_context = {"default_mode": "light"}  # sem isto o tema reclama no console
html_permalinks_icon = "#"
html_theme_options = {
    "repository_url": curso["url"],
    "repository_branch": curso["ramo"],
    "path_to_docs": "",  # build/site-src/notebooks/X.ipynb ↔ notebooks/X.ipynb no GitHub
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_issues_button": False,
    "use_edit_page_button": False,
    "launch_buttons": {"colab_url": "https://colab.research.google.com"},
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "navbar_persistent": [],
    "search_bar_text": "Buscar no curso…",
    "footer_content_items": ["extra-footer.html"],
    "extra_footer": (
        f'<p>Redes neurais em notebooks · <a href="{curso["url"]}">os notebooks e o código '
        "no GitHub</a> · dados MNIST (LeCun, Cortes e Burges) e Fashion-MNIST (Zalando "
        "Research)</p>"),
}
