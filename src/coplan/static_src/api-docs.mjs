// The API's page (api/docs.html): starts Swagger UI, from the files the pinned
// django-ninja package ships, with the settings the page gives (api/docs.py). Swagger
// leaves some buttons without a name a screen reader can say, or with one that differs
// from the words on them: each time Swagger draws, those get their visible words. Its
// sign-in box jumps from a level 4 heading to a level 6 one: that one is read as level 5.
const container = document.getElementById("swagger-ui");
const settings = JSON.parse(document.getElementById("swagger-settings").textContent);

window.SwaggerUIBundle({
  ...settings,
  dom_id: "#swagger-ui",
  presets: [window.SwaggerUIBundle.presets.apis],
});

function tidy() {
  for (const heading of container.querySelectorAll(".modal-ux h6:not([aria-level])")) {
    heading.setAttribute("aria-level", "5");
  }
  for (const button of container.querySelectorAll("button.close-modal:not([aria-label])")) {
    button.setAttribute("aria-label", "Close");
  }
  for (const button of container.querySelectorAll("button[aria-label]")) {
    const words = button.textContent.trim();
    if (words && !button.getAttribute("aria-label").includes(words)) {
      button.setAttribute("aria-label", words);
    }
  }
}

new MutationObserver(tidy).observe(container, { childList: true, subtree: true });
