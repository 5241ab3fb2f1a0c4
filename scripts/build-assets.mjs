// Builds the front end into build/static: GOV.UK Frontend's Sass compiled with
// Arial (no restricted typeface, no crown or crest), plus the JavaScript we serve.
// Fails if the CSS points at a file it does not build: in production,
// collectstatic refuses such CSS and no page could be shown.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build", "static", "coplan");
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "src", "coplan", "static_src", "app.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});

const copies = [
  ["node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js"],
  ["node_modules/htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["src/coplan/static_src/app.mjs", "app.mjs"],
  ["src/coplan/static_src/api-docs.mjs", "api-docs.mjs"],
  ["src/coplan/static_src/favicon.svg", "favicon.svg"],
];
for (const [from, to] of copies) {
  copyFileSync(join(root, from), join(out, to));
}

// The Easy Read pictures: only those the picture bank lists, from the pinned
// openmoji package (CC BY-SA 4.0). The folder is made anew, so a picture taken
// out of the bank is gone from the static files too.
const bank = JSON.parse(
  readFileSync(join(root, "src", "coplan", "plain_words", "data", "pictures.json"), "utf8"),
);
const pictures = join(out, "pictures");
rmSync(pictures, { recursive: true, force: true });
mkdirSync(pictures);
for (const { hexcode } of bank.pictures) {
  copyFileSync(
    join(root, "node_modules", "openmoji", "color", "svg", `${hexcode}.svg`),
    join(pictures, `${hexcode}.svg`),
  );
}

const staticUrl = "/static/coplan/";
const missing = [...css.css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
  .map((match) => match[1])
  .filter((url) => !url.startsWith("data:"))
  .filter((url) => !(url.startsWith(staticUrl) && existsSync(join(out, url.slice(staticUrl.length)))));
if (missing.length) {
  console.error(`app.css points at files the build does not make: ${[...new Set(missing)].join(", ")}`);
  process.exit(1);
}
writeFileSync(join(out, "app.css"), css.css);
console.log(`Built front-end assets into ${out}`);
