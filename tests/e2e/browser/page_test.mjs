// End-to-end test of the web page in Debian's headless Chromium: load the
// page from a real server, type a query, click a facet, open an item and a
// case history, try an XSS query, and keep screenshots as artifacts.
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import net from "node:net";

const { INDEXER, SEARCHER, SOURCE_DIR } = process.env;
const ARTIFACTS = process.env.ARTIFACTS || join(SOURCE_DIR, "tests/e2e/artifacts");
mkdirSync(ARTIFACTS, { recursive: true });
const failures = [];
const check = (cond, what) => {
  console.log((cond ? "ok     " : "FAILED ") + what);
  if (!cond) failures.push(what);
};
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// axe-core's audit of the page as it stands: the serious and critical findings.
const audit = async (page) => {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")})`));
};
// WCAG contrast ratio of two "rgb(r, g, b)" colours.
const contrast = (a, b) => {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+/g).slice(0, 3).map((x) => { const v = Number(x) / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
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
  check(/^\d+ punkter? · viser 1–\d+ af \d+ · Hent som CSV · Følg søgningen \(Atom-feed\)$/.test(summary.trim()),
        `an exact count with the rows shown, no "Omkring" ("${summary}")`);
  check((await page.title()) === "lægedækning – Udvalgssøgning", `the page title names the search (${await page.title()})`);
  check((await page.getAttribute("#follow", "href")) === (await page.getAttribute("link[rel=alternate]", "href")),
        "the search's own feed is a visible link (Følg søgningen)");
  const firstMeta = await page.textContent(".result .meta");
  check(/\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}/.test(firstMeta),
        `dates in Danish form (${firstMeta.slice(0, 40)})`);
  const border = await page.$eval("#q", (e) => getComputedStyle(e).borderTopColor);
  check(contrast(border, "rgb(255, 255, 255)") >= 3, `the search box border has contrast ≥ 3:1 (${contrast(border, "rgb(255, 255, 255)").toFixed(2)})`);
  const skip = await page.$eval("a.skip", (a) => a === document.querySelector("a, button, input, select") && a.getAttribute("href"));
  check(skip === "#content", "a skip link past the facets comes first");
  const serious = await audit(page);
  check(serious.length === 0, `axe-core finds nothing serious on the results page (${serious.join("; ")})`);
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

  // Facets for comparing: two values of one facet ORed, the others still counted.
  await page.goto(base + "/?q=sundhed");
  await page.waitForSelector(".result");
  const typeValues = await page.$$eval('a[data-facet="type"]', (els) => els.map((e) => [e.dataset.key, Number(e.querySelector(".count").textContent)]));
  check(typeValues.length >= 2, `several types to compare (${typeValues.length})`);
  if (typeValues.length >= 2) {
    await page.locator('a[data-facet="type"]').nth(0).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll("type").length === 1);
    await page.waitForSelector(".chip");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.dataset.key);
    check(focused === typeValues[0][0], `Enter on a facet keeps the focus on it (${focused})`);
    const stillThere = await page.$$('a[data-facet="type"]');
    check(stillThere.length === typeValues.length, `choosing a type keeps the other types in view (${stillThere.length})`);
    await page.locator('a[data-facet="type"]').nth(1).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll("type").length === 2);
    await page.waitForSelector(".chip:nth-child(2)");
    const both = await page.textContent(".summary");
    check(new RegExp("^" + (typeValues[0][1] + typeValues[1][1]) + " punkt").test(both), `two types are ORed (${both})`);
    const remove = await page.$$eval(".chip button", (bs) => bs.map((b) => b.getAttribute("aria-label")));
    check(remove.every((l) => /^Fjern filter type: .+/.test(l)), `each "Fjern filter" names its filter (${remove.join(", ")})`);
    await page.goto(base + "/?q=" + encodeURIComponent("lægedækning"));
    await page.waitForSelector(".result");
  }
  const year = page.locator('a[data-facet="year"]').first();
  await year.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("from"));
  await page.waitForSelector('a[data-facet="year"].active');
  await page.locator('a[data-facet="year"].active').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has("from"));
  check(true, "clicking an active year removes it");

  const facet = page.locator('a[data-facet="committee"]').first();
  const committee = (await facet.locator("span").first().textContent()).trim();
  const facetCount = Number((await facet.locator(".count").textContent()).trim());
  await facet.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has("committee"));
  await page.waitForSelector(".chip");
  const metas = await page.$$eval(".result .meta", (els) => els.map((e) => e.textContent));
  const filtered = await page.textContent(".summary");
  // A renamed committee's items print either name (data/committee_renamings.tsv).
  check(metas.length > 0 && filtered.startsWith(facetCount + " punkt") && metas.every((m) => m.includes("Udvalget for det nære")),
        `facet click filters by "${committee}" (${filtered})`);
  await page.screenshot({ path: join(ARTIFACTS, "facet.png"), fullPage: true });

  await page.locator(".result h2 a").first().click();
  await page.waitForSelector("article.item section");
  check((await page.$$("article.item section")).length >= 3, "item view shows the sections");
  check((await page.$$("article.item .source")).length === 1, "item view names its source");
  const bilagHeadings = await page.$$eval("article.item h3", (hs) => hs.filter((h) => /^Bilag/i.test(h.textContent)).length);
  check(bilagHeadings <= 1, `"Bilag" at most once on the item page (${bilagHeadings})`);
  const attachmentNames = await page.$$eval("article.item .attachments li", (lis) => lis.map((l) => l.textContent));
  const pageText = await page.textContent("article.item");
  check(attachmentNames.every((n) => pageText.split(n).length === 2), "each attachment is named once on the item page");
  await page.waitForSelector("#similar .result");
  const similar = await page.$$eval("#similar .result h2", (els) => els.map((e) => e.textContent));
  const shownTitle = await page.textContent("article.item > h2");
  check(similar.length > 0 && !similar.some((t) => shownTitle.endsWith(t)), `a "Lignende sager" block lists other items (${similar.length})`);
  check((await page.$$("#similar-committee, #similar-year")).length === 2, "Lignende sager offers other committees and other years");
  await page.check("#similar-year");
  await page.waitForFunction(() => document.querySelector("#similar-year") && document.querySelector("#similar-year").checked);
  const itemAudit = await audit(page);
  check(itemAudit.length === 0, `axe-core finds nothing serious on the item page (${itemAudit.join("; ")})`);
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
  const timelineLink = await page.$eval("#timeline h2 a", (a) => { const c = getComputedStyle(a); return [c.textDecorationLine, parseFloat(getComputedStyle(a.parentElement).fontSize)]; });
  check(timelineLink[0] === "none" && timelineLink[1] <= 17, `timeline titles styled like the page (${timelineLink})`);
  await page.screenshot({ path: join(ARTIFACTS, "case.png"), fullPage: true });

  await page.goto(base + "/?q=og");
  await page.waitForSelector("#empty");
  const empty = await page.textContent("#empty");
  check(/Fyldord/.test(empty), `a query of stop words says why it finds nothing ("${empty.slice(0, 80)}")`);
  await page.goto(base + "/?q=palliation&type=drøftelse");
  await page.waitForSelector(".summary");
  if ((await page.$$(".result")).length === 0) {
    const help = await page.textContent("#empty");
    check(/Uden filteret type/.test(help), `an empty result offers to drop its filter ("${help.slice(0, 80)}")`);
  }
  await page.goto(base + "/?q=sundhed");
  await page.waitForSelector(".result");
  const pages = await page.$$eval(".pager a[aria-label^='Side']", (as) => as.map((a) => [a.textContent, a.getAttribute("aria-current")]));
  check(pages.length >= 2 && pages[0][1] === "page", `page numbers, the current one marked (${JSON.stringify(pages)})`);

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
  const filtersHidden = await page.$eval("#facets", (a) => getComputedStyle(a).display === "none");
  await page.click("#filters-toggle");
  const filtersTop = await page.$eval("#facets", (a) => a.getBoundingClientRect().top < document.querySelector("#content").getBoundingClientRect().top);
  check(filtersHidden && filtersTop, "on a phone the filters open from a button at the top");
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
