// Marks the page as able to run GOV.UK Frontend's JavaScript, then starts it.
// Loaded as a module, so browsers too old for ES modules keep the plain HTML.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
