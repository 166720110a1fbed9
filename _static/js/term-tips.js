/* Glossary term tips. CSS already shows a term's definition on hover and on keyboard focus;
   this adds what CSS cannot: Escape hides the tip, and on a touch screen the first tap on a
   term shows its definition while a second tap follows the link. */
(() => {
  "use strict";
  const terms = [...document.querySelectorAll(".course-term")];
  const closeAll = (except) => terms.forEach((term) => term !== except && term.classList.remove("is-open"));
  let touch = false;

  for (const term of terms) {
    const link = term.querySelector("a");
    if (!link) continue;
    link.addEventListener("pointerdown", (event) => { touch = event.pointerType === "touch"; });
    link.addEventListener("click", (event) => {
      if (!touch || term.classList.contains("is-open")) return;
      event.preventDefault();
      closeAll(term);
      term.classList.add("is-open");
    });
    // Once the pointer or focus has left, the next visit shows the tip again.
    term.addEventListener("mouseleave", () => term.classList.remove("is-dismissed"));
    term.addEventListener("focusout", () => term.classList.remove("is-dismissed", "is-open"));
  }

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const term of terms) {
      if (term.matches(":hover, :focus-within, .is-open")) term.classList.add("is-dismissed");
      term.classList.remove("is-open");
    }
  });
  document.addEventListener("pointerdown", (event) => {
    if (!event.target.closest(".course-term")) closeAll();
  });
})();
