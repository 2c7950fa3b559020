// Opens presslint's HTML report in Chromium and checks it as a reader
// would meet it. Run by tests/browser.rs:
//
//   node report.test.mjs REPORT.html REPORT.json [--screenshot OUT.png]
//   node report.test.mjs REPORT.html --hostile
//   node report.test.mjs REPORT.html --timing MAX_MS
//
// The first form checks the counts shown against the JSON report for the
// same input, uses the filters, runs axe-core and takes a screenshot. The
// second checks that nothing in the page runs (a hostile article's
// markup, scripts and javascript: URLs). The third measures how long the
// page takes to load. Any problem is printed and exits 1.

import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [reportPath, mode, arg] = process.argv.slice(2);
if (!reportPath || !mode) {
  console.error("usage: node report.test.mjs REPORT.html (REPORT.json [--screenshot OUT] | --hostile | --timing MS)");
  process.exit(2);
}

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
}

// A fresh, empty profile (Chromium's --user-data-dir), removed at the end.
const profile = mkdtempSync(join(tmpdir(), "presslint-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.PRESSLINT_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});

try {
  const page = context.pages()[0] || (await context.newPage());
  const consoleErrors = [];
  const requests = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url());
  });
  const url = pathToFileURL(resolve(reportPath)).href;

  if (mode === "--timing") {
    await page.goto(url, { waitUntil: "load", timeout: 60000 });
    // The page's own clock: from navigation start to the end of the load
    // event (everything parsed, the script run), and its first paint.
    const [loaded, painted] = await page.evaluate(() => [
      performance.getEntriesByType("navigation")[0].loadEventEnd,
      (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime,
    ]);
    console.log(`first contentful paint at ${Math.round(painted)} ms, loaded in ${Math.round(loaded)} ms`);
    check(loaded < Number(arg), `the report took ${Math.round(loaded)} ms to load, over ${arg} ms`);
    check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(" | ")}`);
  } else if (mode === "--hostile") {
    let dialogs = 0;
    page.on("dialog", async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(url, { waitUntil: "load" });
    // Scroll through the page so every lazily rendered card is drawn.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    const pwned = await page.evaluate(() => window.__pwned === undefined ? 0 : window.__pwned);
    check(dialogs === 0, `${dialogs} dialogs opened`);
    check(!pwned, "a script from the article ran");
    const injected = await page.evaluate(() => ({
      scripts: document.scripts.length,
      images: document.images.length,
      iframes: document.querySelectorAll("iframe, object, embed").length,
      javascriptLinks: [...document.querySelectorAll("a[href]")].filter((a) =>
        a.getAttribute("href").trim().toLowerCase().startsWith("javascript:")).length,
      handlers: [...document.querySelectorAll("*")].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith("on"))).length,
    }));
    check(injected.scripts === 1, `${injected.scripts} script elements, not just the report's own`);
    check(injected.images === 0, `${injected.images} <img> elements from the article`);
    check(injected.iframes === 0, "a frame, object or embed from the article");
    check(injected.javascriptLinks === 0, "a javascript: link in the page");
    check(injected.handlers === 0, "an element with an event handler attribute");
    const text = await page.textContent("body");
    check(text.includes("<script>"), "the article's <script> is not shown as text");
    check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(" | ")}`);
  } else {
    const json = JSON.parse(readFileSync(mode, "utf8"));
    await page.goto(url, { waitUntil: "load" });
    const count = async (sel) => Number((await page.textContent(sel)).trim());
    // The totals match the JSON report.
    check((await count("[data-count=files]")) === json.summary.files, "file count differs from the JSON report");
    check((await count("[data-count=error]")) === json.summary.errors, "error count differs");
    check((await count("[data-count=warning]")) === json.summary.warnings, "warning count differs");
    check((await count("[data-count=info]")) === json.summary.infos, "info count differs");
    const byRule = {};
    for (const f of json.files) for (const d of f.diagnostics) byRule[d.rule] = (byRule[d.rule] || 0) + 1;
    const shownByRule = await page.$$eval("tr[data-rule]", (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute("data-rule"), Number(r.querySelector("[data-count=rule]").textContent)])));
    check(JSON.stringify(sorted(shownByRule)) === JSON.stringify(sorted(byRule)),
      `counts by rule differ: shown ${JSON.stringify(shownByRule)}, JSON ${JSON.stringify(byRule)}`);
    const total = json.summary.errors + json.summary.warnings + json.summary.infos;
    check((await page.$$("li.finding")) .length === total, "the page does not list every finding");
    for (const f of json.files) {
      const listed = await page.$$eval(`article.file[data-path="${cssString(f.path)}"] li.finding`, (l) => l.length);
      check(listed === f.diagnostics.length, `${f.path}: ${listed} findings shown, ${f.diagnostics.length} in the JSON`);
    }
    check((await page.$$("li.card .thumb")).length > 0, "no thumbnail is shown");

    // The filters.
    const status = () => page.getAttribute("#filter-status", "data-shown").then(Number);
    check(await page.isVisible("#filters"), "the filters are not shown");
    check((await status()) === total, "before filtering, not every finding is shown");
    await page.uncheck("input[name=severity][value=warning]");
    check((await status()) === total - json.summary.warnings, "unchecking warnings does not hide exactly the warnings");
    check((await page.$$("li.finding.warning:not([hidden])")).length === 0, "a warning is still shown");
    await page.check("input[name=severity][value=warning]");
    const [rule, n] = Object.entries(byRule).sort((a, b) => b[1] - a[1])[0] || ["", 0];
    if (rule) {
      await page.selectOption("#rule-filter", rule);
      check((await status()) === n, `filtering on ${rule} shows ${await status()} findings, not ${n}`);
      await page.selectOption("#rule-filter", "");
    }
    const withAlt = json.files.find((f) => f.diagnostics.length > 0);
    if (withAlt) {
      await page.fill("#search-filter", withAlt.path);
      const shown = await page.$$eval("article.file:not([hidden])", (l) => l.map((a) => a.getAttribute("data-path")));
      check(shown.includes(withAlt.path), `searching for ${withAlt.path} hides it`);
      await page.fill("#search-filter", "");
    }
    check((await status()) === total, "clearing the filters does not show every finding again");

    // Accessibility: axe-core on the whole page, every card drawn.
    await page.evaluate(() => document.querySelectorAll("article.file, li.card").forEach((e) => { e.style.contentVisibility = "visible"; }));
    // The report's CSP forbids added script elements: the source is
    // evaluated through the debugging protocol instead.
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const axe = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
    });
    check(axe.length === 0, `axe-core violations:\n  ${axe.join("\n  ")}`);
    check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(" | ")}`);

    if (arg === "--screenshot") {
      // An image with a thumbnail, a marked caption and findings.
      const out = process.argv[5];
      await page.reload({ waitUntil: "load" });
      const target = await page.evaluateHandle(() =>
        document.querySelector("li.card:has(.thumb):has(mark.credit):has(li.finding)") ||
        document.querySelector("li.card:has(.thumb):has(li.finding)") || document.body);
      // Twice: cards above are sized as they are drawn.
      for (let i = 0; i < 2; i++) {
        await target.evaluate((card) => {
          card.scrollIntoView({ block: "start" });
          window.scrollBy(0, -130);
        });
        await page.waitForTimeout(100);
      }
      await page.screenshot({ path: out, fullPage: false });
      console.log(`screenshot written to ${out}`);
    }
  }
  check(requests.length === 0, `the page asked the network for ${requests.join(", ")}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

function sorted(o) {
  return Object.fromEntries(Object.entries(o).sort());
}

function cssString(s) {
  return s.replace(/["\\]/g, "\\$&");
}

if (failures.length) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
console.log("ok");
