/* Reader progress (course/progress.py): days done, kept in this browser's localStorage only. */
(() => {
  "use strict";
  const KEY = "ai-asks:days-done";
  const load = () => {
    try {
      const days = JSON.parse(localStorage.getItem(KEY) || "[]");
      return new Set(Array.isArray(days) ? days.filter(Number.isInteger) : []);
    } catch {
      return new Set(); // storage blocked, or edited by hand
    }
  };
  let done = load();

  function render() {
    for (const button of document.querySelectorAll(".course-done-button")) {
      button.setAttribute("aria-pressed", String(done.has(+button.dataset.day)));
    }
    for (const card of document.querySelectorAll(".course-day-card[id^=course-day-]")) {
      const isDone = done.has(+card.id.slice(11));
      const tick = card.querySelector(".course-tick");
      if (isDone && !tick) card.querySelector(".course-card-day").insertAdjacentHTML("beforeend", '<span class="course-tick"><span aria-hidden="true">✓</span> Done</span>');
      if (!isDone && tick) tick.remove();
      card.classList.toggle("course-day-done", isDone);
    }
    for (const box of document.querySelectorAll(".course-progress")) {
      const total = +box.dataset.days;
      const count = [...done].filter((day) => day >= 1 && day <= total).length;
      box.firstChild.textContent = `${count} of ${total} done`;
      const reset = box.querySelector(".course-progress-reset");
      if (reset) reset.hidden = count === 0; // nothing to reset yet
    }
  }

  document.addEventListener("click", (event) => {
    const mark = event.target.closest(".course-done-button");
    if (mark) {
      if (!done.delete(+mark.dataset.day)) done.add(+mark.dataset.day);
    } else if (event.target.closest(".course-progress-reset")) {
      done.clear();
    } else return;
    try {
      localStorage.setItem(KEY, JSON.stringify([...done].sort((a, b) => a - b)));
    } catch {} // storage off: the progress lasts as long as the page
    render();
  });
  addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) { done = load(); render(); } // another tab changed it
  });
  render();
})();
