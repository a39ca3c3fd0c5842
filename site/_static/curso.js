// Ajustes do site do curso.
document.addEventListener("DOMContentLoaded", () => {
  // Ao chegar por um link para dentro das soluções (#...), abre a dobra.
  const abrirSeDentro = () => {
    if (!location.hash) return;
    const alvo = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const dobra = alvo && alvo.closest("details.solucoes-do-curso");
    if (dobra) dobra.open = true;
  };
  abrirSeDentro();
  window.addEventListener("hashchange", abrirSeDentro);

  // Busca: o resumo de cada resultado vem do texto da página; sem isto ele começaria pelos
  // botões do cabeçalho e pelo sumário que só aparece na impressão.
  if (typeof Search !== "undefined" && typeof Search.htmlToText === "function") {
    const original = Search.htmlToText;
    Search.htmlToText = (html, ancora) => {
      const pagina = new DOMParser().parseFromString(html, "text/html");
      pagina.querySelectorAll(".bd-header-article, .bd-sidebar-secondary, .onlyprint, .prev-next-area")
        .forEach((elemento) => elemento.remove());
      return original(pagina.documentElement.outerHTML, ancora);
    };
  }
});
