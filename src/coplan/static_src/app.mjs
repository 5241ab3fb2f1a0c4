// Marks the page as able to run GOV.UK Frontend's JavaScript, then starts it.
// Loaded as a module, so browsers too old for ES modules keep the plain HTML.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// The live wording check: use a suggested word, or say a word is fine here.
// Either way the text box is checked again.
function recheck(field) {
  field.dispatchEvent(new Event("language-recheck"));
}

function useSuggestion(button) {
  const field = document.getElementById(button.dataset.field);
  const start = Number(button.dataset.start);
  const end = Number(button.dataset.end);
  const replacement = button.dataset.replacement;
  if (!field || field.value.slice(start, end) !== button.dataset.original) {
    return; // the text has changed since it was checked; the next check will catch up
  }
  field.value = field.value.slice(0, start) + replacement + field.value.slice(end);
  field.focus();
  field.setSelectionRange(start, start + replacement.length);
  recheck(field);
}

function fineHere(button) {
  const field = document.getElementById(button.dataset.field);
  const allowed = document.getElementById(`${button.dataset.field}-allowed`);
  if (!field || !allowed) {
    return;
  }
  allowed.value = `${allowed.value}\n${button.dataset.word}`.trim();
  field.focus();
  recheck(field);
}

document.addEventListener("click", (event) => {
  const use = event.target.closest("[data-use-suggestion]");
  if (use) {
    useSuggestion(use);
    return;
  }
  const fine = event.target.closest("[data-fine-here]");
  if (fine) {
    fineHere(fine);
  }
});

// Back from the Easy Read switch: the keyboard is on the switch again, as it was
// (once the page has loaded and scrolled to it).
if (window.location.hash === "#easy-read-switch") {
  window.addEventListener("load", () => {
    setTimeout(() => document.querySelector("#easy-read-switch button")?.focus(), 0);
  });
}
