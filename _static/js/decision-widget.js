/* Decision widget (course/widgets.py): asks a lesson's questions one at a time from the page's
   table of cases. The next question is the first still open on the way to some case; a case is
   reached when all its answers are given. Nothing is stored or sent. */
(() => {
  "use strict";
  const make = (tag, props, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  function next(table, answers) {
    const open = table.cases.filter((c) => Object.entries(c.answers).every(([q, v]) => !(q in answers) || answers[q] === v));
    const done = open.find((c) => Object.keys(c.answers).every((q) => q in answers));
    return done ? { done } : { question: table.questions.find((q) => !(q.name in answers) && open.some((c) => q.name in c.answers)) };
  }

  function start(root) {
    const table = JSON.parse(root.querySelector("script").textContent);
    const title = make("h3", { id: `${root.id}-title`, className: "course-decision-title" }, table.title);
    const steps = make("div");
    const status = make("p", { className: "course-decision-result", role: "status" });
    const again = make("button", { type: "button", className: "course-decision-again", hidden: true }, "Start again");
    const form = make("form", { className: "course-decision-form" }, title, make("p", { className: "course-decision-intro" }, table.intro), steps, status, again);
    form.setAttribute("aria-labelledby", title.id);
    form.onsubmit = (event) => event.preventDefault();

    function ask(question) {
      const set = make("fieldset", { className: "course-decision-step" }, make("legend", {}, `${table.questions.indexOf(question) + 1}. ${question.ask}`));
      set.dataset.name = question.name;
      for (const word of ["Yes", "No"]) {
        const button = make("button", { type: "button", value: word.toLowerCase() }, word);
        button.setAttribute("aria-pressed", "false");
        button.onclick = () => answer(set, button);
        set.append(button);
      }
      steps.append(set);
    }

    function answer(set, button) {
      while (set.nextElementSibling) set.nextElementSibling.remove(); // later answers may no longer apply
      for (const choice of set.querySelectorAll("button")) choice.setAttribute("aria-pressed", String(choice === button));
      show();
    }

    function show() {
      const answers = {};
      for (const set of steps.children) answers[set.dataset.name] = set.querySelector("[aria-pressed=true]").value === "yes";
      const { done, question } = next(table, answers);
      again.hidden = !steps.children.length;
      status.textContent = "";
      delete status.dataset.result;
      if (question) {
        ask(question);
        if (!again.hidden) status.append(make("span", { className: "course-visually-hidden" }, `Next question: ${question.ask}`));
        return;
      }
      const [where, ...why] = done.result.split(": ");
      status.dataset.result = done.result;
      status.append(make("strong", {}, where[0].toUpperCase() + where.slice(1)), why.length ? `: ${why.join(": ")}` : "");
    }

    again.onclick = () => {
      steps.replaceChildren();
      show();
      steps.querySelector("button").focus();
    };

    // Every case stays one click away, in the table the page shows without scripts.
    const grid = root.querySelector("table");
    const holder = grid.closest(".table-wrapper") || grid;
    const details = make("details", { className: "course-decision-cases" }, make("summary", {}, grid.caption.querySelector(".caption-text").textContent));
    holder.replaceWith(details);
    details.append(holder);
    details.before(form);
    show();
  }

  document.querySelectorAll(".course-decision").forEach(start);
})();
