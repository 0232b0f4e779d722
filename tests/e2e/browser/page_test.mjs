// End-to-end test of the web page in Debian's headless Chromium: load the
// page from a real server, type a query, click a facet, open an item and a
// case history, try an XSS query, and keep screenshots as artifacts.
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import net from "node:net";

const { INDEXER, SEARCHER, SOURCE_DIR } = process.env;
const ARTIFACTS = process.env.ARTIFACTS || join(SOURCE_DIR, "tests/e2e/artifacts");
mkdirSync(ARTIFACTS, { recursive: true });
const failures = [];
const check = (cond, what) => {
  console.log((cond ? "ok     " : "FAILED ") + what);
  if (!cond) failures.push(what);
};
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
});

const work = mkdtempSync(join(tmpdir(), "sagsoeg-browser-"));
let server, browser;
try {
  const db = join(work, "db");
  execFileSync(INDEXER, ["--db", db, "--quiet", join(SOURCE_DIR, "corpus")]);
  const port = await freePort();
  server = spawn(SEARCHER, ["--db", db, "--serve", "--port", String(port)], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base + "/health")).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));

  await page.goto(base + "/");
  check((await page.title()) === "Udvalgssøgning", "page loads with its Danish title");
  await page.fill("#q", "lægedækning");
  await page.press("#q", "Enter");
  await page.waitForSelector(".result");
  const titles = await page.$$eval(".result h2", (els) => els.map((e) => e.textContent));
  check(titles.length >= 3 && titles.some((t) => /lægedækning/i.test(t)), `results for lægedækning (${titles.length})`);
  check((await page.$$(".result mark")).length > 0, "snippets highlight the query");
  check(new URL(page.url()).searchParams.get("q") === "lægedækning", "the URL holds the query");
  const summary = await page.textContent(".summary");
  check(/^\d+ punkter?( · Hent som CSV)?$/.test(summary.trim()), `an exact count says so, no "Omkring" ("${summary}")`);
  const csvHref = await page.getAttribute("#csv", "href");
  check(csvHref && csvHref.startsWith("/api/search.csv?") && csvHref.includes("q="), `the results can be fetched as CSV (${csvHref})`);
  const csvBody = await (await fetch(base + csvHref)).text();
  check(csvBody.replace(/^\ufeff/, "").split("\r\n")[0] === "id,date,committee,case,title,outcome,url,organisation,kind,decision,page", "the CSV link gives a CSV with its header");
  const firstRow = csvBody.split("\r\n")[1] || "";
  check(firstRow.includes(base + "/?view=item&item="), `each CSV row links the item's page (${firstRow.slice(-80)})`);
  const outcomes = await page.$$eval('a[data-facet="outcome"] span:first-child', (els) => els.map((e) => e.textContent));
  check(outcomes.includes("taget til efterretning"), `the outcome facet is on the page (${outcomes.join(", ")})`);
  check((await page.$$(".result .decision")).length > 0, "results show their decision");
  check((await page.$$(".result .source")).length === titles.length, "every result names its source");
  const feedHref = await page.getAttribute("link[rel=alternate]", "href");
  check(feedHref.startsWith("/feed.atom?") && feedHref.includes("q="), `the page links its feed (${feedHref})`);
  const caseFacet = await page.$$('a[data-facet="case_id"]');
  check(caseFacet.length > 0, "the case facet is on the page");
  const topicNames = await page.$$eval('a[data-facet="topic"] span:first-child', (els) => els.map((e) => e.textContent));
  check(topicNames.length > 0 && topicNames.every((t) => !/^[a-z-]+$/.test(t)), `topics by their Danish names (${topicNames.join(", ")})`);
  await page.screenshot({ path: join(ARTIFACTS, "search.png"), fullPage: true });

  const facet = page.locator('a[data-facet="committee"]').first();
  const committee = (await facet.locator("span").first().textContent()).trim();
  await facet.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("committee"));
  await page.waitForSelector(".chip");
  const metas = await page.$$eval(".result .meta", (els) => els.map((e) => e.textContent));
  check(metas.length > 0 && metas.every((m) => m.includes(committee)), `facet click filters by "${committee}"`);
  await page.screenshot({ path: join(ARTIFACTS, "facet.png"), fullPage: true });

  await page.locator(".result h2 a").first().click();
  await page.waitForSelector("article.item section");
  check((await page.$$("article.item section")).length >= 3, "item view shows the sections");
  check((await page.$$("article.item .source")).length === 1, "item view names its source");
  await page.waitForSelector("#similar .result");
  const similar = await page.$$eval("#similar .result h2", (els) => els.map((e) => e.textContent));
  const shownTitle = await page.textContent("article.item > h2");
  check(similar.length > 0 && !similar.some((t) => shownTitle.endsWith(t)), `a "Lignende sager" block lists other items (${similar.length})`);
  await page.screenshot({ path: join(ARTIFACTS, "item.png"), fullPage: true });
  await page.click("a.back");
  await page.waitForSelector(".result");
  check(new URL(page.url()).searchParams.has("committee"), "the way back restores the search");

  await page.goto(base + "/?q=" + encodeURIComponent("lægedækninng"));
  await page.waitForSelector(".suggestion");
  const suggestion = await page.textContent(".suggestion");
  check(/Viser resultater for lægedækning/.test(suggestion) && (await page.$$(".result")).length > 0,
        `a misspelling shows the suggestion's results ("${suggestion}")`);
  await page.goto(base + "/?q=" + encodeURIComponent("a AND ("));
  await page.waitForSelector(".error");
  const err = await page.textContent(".error");
  check(/Søgningen kan ikke læses/.test(err), `errors are in Danish ("${err}")`);

  await page.goto(base + "/?view=case&case=EMN-2019-01215");
  await page.waitForSelector(".decision");
  check((await page.$$("#timeline .step")).length === 3, "the case history is a timeline of the case's three items");
  const steps = await page.$$eval("#timeline .step", (els) => els.map((e) => e.textContent));
  check(steps.every((s) => /udfald: /.test(s) && /: /.test(s)), "each step shows its outcome and decision");
  const caseFeed = await page.getAttribute('a[href^="/feed?case="]', "href");
  check(caseFeed === "/feed?case=EMN-2019-01215", `the timeline links the case's feed (${caseFeed})`);
  await page.screenshot({ path: join(ARTIFACTS, "case.png"), fullPage: true });

  await page.goto(base + "/");
  await page.fill("#q", "<script>alert(1)</script><img src=x onerror=alert(2)>");
  await page.press("#q", "Enter");
  await page.waitForSelector(".summary");
  await page.waitForTimeout(300);
  check(dialogs.length === 0, "an XSS query runs no script");
  check((await page.$$("#content script, #content img")).length === 0, "no markup from the query in the page");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + "/?q=palliation");
  await page.waitForSelector(".result");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  check(!overflow, "readable on a phone-sized window (no horizontal scrolling)");
  await page.screenshot({ path: join(ARTIFACTS, "phone.png"), fullPage: true });
  check(errors.length === 0, `no JavaScript errors (${errors.join("; ")})`);
} catch (e) {
  check(false, "browser test ran: " + e);
} finally {
  if (browser) await browser.close();
  if (server) server.kill();
  rmSync(work, { recursive: true, force: true });
}
console.log(failures.length ? `${failures.length} failed` : "all checks passed");
process.exit(failures.length ? 1 : 0);
