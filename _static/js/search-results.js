/* The course's search results (_templates/search.html): one result per page, under the page's
   own title, with a snippet from the lesson's prose (not its header line, badges, term tips,
   captions or footer). Wraps two of Sphinx's searchtools.js functions; nothing else changes. */
(() => {
  "use strict";
  const NOT_PROSE = [".course-eyebrow", ".course-lesson-header", ".sd-badge", ".course-term-tip",
    ".course-edition-line", ".course-production-note", ".course-done", ".course-links",
    ".course-progress"].join(",");

  const htmlToText = Search.htmlToText;
  Search.htmlToText = (html, anchor) => {
    const page = new DOMParser().parseFromString(html, "text/html");
    page.querySelectorAll(NOT_PROSE).forEach((element) => element.remove());
    return htmlToText(page.documentElement.outerHTML, anchor);
  };

  const performSearch = Search._performSearch;
  Search._performSearch = (...args) => {
    // Results come best last (the page shows them by popping): keep each page's best one.
    const results = performSearch(...args);
    const { docnames, titles } = Search._index;
    const seen = new Set();
    const best = [];
    for (const [docname, title, , descr, score, filename, kind] of [...results].reverse()) {
      if (seen.has(docname)) continue;
      seen.add(docname);
      const page = docnames.indexOf(docname);
      best.push([docname, page >= 0 ? titles[page] : title, "", descr, score, filename, kind]);
    }
    return best.reverse();
  };
})();
