/* Furo opens its drawers and navigation sections with <label>s for hidden checkboxes, which a
   keyboard cannot reach. Each becomes a real button (same classes and icon, styled in course.css)
   that presses its checkbox; Escape closes an open drawer. */
(() => {
  "use strict";
  for (const label of document.querySelectorAll(".nav-overlay-icon, .toc-overlay-icon, .toctree-checkbox + label")) {
    const box = document.getElementById(label.htmlFor);
    if (!box) continue;
    const button = Object.assign(document.createElement("button"), { type: "button", className: `${label.className} course-toggle` });
    const sync = () => button.setAttribute("aria-expanded", box.checked);
    button.setAttribute("aria-label", box.getAttribute("aria-label"));
    button.append(...label.childNodes);
    label.replaceWith(button);
    sync();
    box.addEventListener("change", sync);
    button.addEventListener("click", () => box.click());
  }
  addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const [id, drawer] of [["__navigation", ".sidebar-drawer"], ["__toc", ".toc-drawer"]]) {
      const box = document.getElementById(id);
      if (!box?.checked) continue;
      const wasInside = document.querySelector(drawer).contains(document.activeElement);
      box.click();
      const opener = id === "__navigation" ? ".nav-overlay-icon" : ".toc-overlay-icon";
      if (wasInside) [...document.querySelectorAll(opener)].find((b) => b.offsetParent)?.focus();
    }
  });
})();
