"""Beyond a search box: decision outcomes (filter, query field, facet, JSON),
similar items, a case's Atom feed and CSV export -- through the CLI and
HTTP alike, parsed with standard libraries."""
import csv, io, json, os, shutil, subprocess, urllib.parse, xml.etree.ElementTree as ET
from common import *

ATOM = "{http://www.w3.org/2005/Atom}"
work = tmpdir()
server = None
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    with open(os.path.join(corpus, "quotes.md"), "w", encoding="utf-8") as f:
        f.write("# Referat fra møde i Økonomiudvalget den 3. marts 2025\n\n"
                '## 1. Beslutning: Budget, "anlæg" og drift i Ærø\n\nSagsfremstilling\nEt budget for anlæg.\n\n'
                "Beslutning\nEt flertal (A og V) godkendte indstillingen. Et mindretal (Ø) stemte imod.\n")
    db = os.path.join(work, "db")
    run(INDEXER, "--db", db, "--quiet", corpus, check=True)
    server, base = start_server(db)

    # Outcomes: a key of every result, a filter, a query field and a facet.
    code, o, _ = search_json(db, "--outcome", "udsat", "--facets", "")
    ids = [r["id"] for r in o["results"]]
    check(code == 0 and len(ids) == 3 and all(r["outcome"] == "udsat" for r in o["results"]),
          f"--outcome udsat: the three postponed items ({len(ids)})")
    check([r["id"] for r in search_json(db, "udfald:udsat")[1]["results"]] == ids, "udfald:udsat finds the same items")
    facet = {v["value"]: v["count"] for v in search_json(db, "--facets", "--limit", "0", "sundhed")[1]["facets"]["outcome"]}
    check(facet.get("taget til efterretning", 0) > 0, f"an outcome facet ({facet})")
    code, o, _ = search_json(db, "budget anlæg")
    mine = [r for r in o["results"] if r["source"] == "quotes.md"]
    check(mine and mine[0]["outcome"] == "godkendt" and mine[0]["split"] == "delt",
          "a majority decision with a dissent: godkendt, delt")
    st, _, body = http("GET", base + "/api/search?outcome=udsat")
    check(st == 200 and [r["id"] for r in json.loads(body)["results"]] == ids, "HTTP outcome= filters alike")
    r = run(SEARCHER, "--db", db, "--outcome", "blåbær", "x")
    check(r.returncode == 2 and "unknown outcome" in r.stderr and "Udfaldet findes ikke" in r.stderr,
          "an unknown outcome is an error naming the choices, in Danish first")
    check(http("GET", base + "/api/search?outcome=bl%C3%A5b%C3%A6r")[0] == 400, "HTTP: 400 for an unknown outcome")
    a = json.loads(run(SEARCHER, "--db", db, "--json", "--outcome", "vedtaget").stdout)
    b = json.loads(run(SEARCHER, "--db", db, "--json", "--outcome", "godkendt").stdout)
    check(a["total"] == b["total"] > 0, "a word of the outcome rules (vedtaget) names its outcome (godkendt)")

    # Similar items: never the item, its own meeting or a closed item.
    item = "000_95b85b1cae4d3646.txt:8"
    code, o, _ = search_json(db, "--similar", item, "--limit", "5")
    sims = o["results"]
    check(code == 0 and 0 < len(sims) <= 5, f"--similar lists up to 5 items ({len(sims)})")
    check(all(s["id"] != item and s["source"] != "000_95b85b1cae4d3646.txt" and s["access"] == "public" for s in sims),
          "never the item itself, its own meeting or a confidential item")
    check(sims[0]["id"] == "003_d8c3f28a1a9dde23.txt:8", f"the palliation item's nearest is the item on dying at home ({sims[0]['id']})")
    committee = "Udvalget for det nære sundhedsvæsen"
    other = search_json(db, "--similar", item, "--other-committee")[1]["results"]
    check(other and all(s["committee"] != committee for s in other), "--other-committee leaves out its committee")
    other = search_json(db, "--similar", item, "--other-year")[1]["results"]
    check(all(not (s["date"] or "").startswith("2025") for s in other), "--other-year leaves out its year")
    st, _, body = http("GET", base + "/api/similar?limit=5&id=" + urllib.parse.quote(item))
    check(st == 200 and [s["id"] for s in json.loads(body)["results"]] == [s["id"] for s in sims],
          "GET /api/similar gives the same items")
    closed = "000_95b85b1cae4d3646.txt:1"
    check(http("GET", base + "/api/similar?id=" + urllib.parse.quote(closed))[0] == 404,
          "a confidential item has no similar items (404, as if unknown)")
    check(run(SEARCHER, "--db", db, "--similar", closed).returncode == 1, "CLI: a confidential item, exit 1")

    # Following a case: an Atom feed, newest first, with decisions.
    st, h, body = http("GET", base + "/feed?case=EMN-2019-01215")
    feed = ET.fromstring(body)
    entries = feed.findall(ATOM + "entry")
    check(st == 200 and h.get("Content-Type", "").startswith("application/atom+xml") and len(entries) == 3,
          f"GET /feed?case= is an Atom feed of the case's items ({len(entries)})")
    check(all((e.findtext(ATOM + "content") or "").strip() for e in entries), "every entry carries its decisions")
    check("udfald" in entries[0].findtext(ATOM + "summary"), "entries name their outcome")
    check(entries[0].find(ATOM + "link").get("href").endswith("000_95b85b1cae4d3646.txt%3A7"),
          "the dated item comes first (newest first; undated last)")
    check(http("GET", base + "/feed?case=EMN-0000-00000")[0] == 404, "an unknown case: 404")

    # CSV: RFC 4180, UTF-8 with a BOM, a header, equal rows, quotes doubled.
    r = run(SEARCHER, "--db", db, "--csv", "--limit", "50", "budget")
    rows = list(csv.reader(io.StringIO(r.stdout.lstrip("\ufeff"), newline="")))
    header = ["id", "date", "committee", "case", "title", "outcome", "url", "organisation", "kind", "decision", "page"]
    check(r.returncode == 0 and rows[0] == header, "--csv: the header row (the first seven as they always were)")
    check(len(rows) > 2 and all(len(x) == 11 for x in rows), f"--csv: every row has 11 fields ({len(rows) - 1} rows)")
    check(all(x[8] in ("referat", "dagsorden", "aftale", "bilag") for x in rows[1:]), "--csv: every row has its kind")
    check(any(x[9] for x in rows[1:]), "--csv: decisions are in their column")
    check(all(x[10] == "" for x in rows[1:]), "--csv: the CLI has no page address to give")
    quoted = [x for x in rows if x[0] == "quotes.md:1"]
    check(quoted and quoted[0][4] == 'Budget, "anlæg" og drift i Ærø' and quoted[0][5] == "godkendt",
          "a title with a comma, quotes and Danish letters survives the round trip")
    raw = subprocess.run([SEARCHER, "--db", db, "--csv", "budget"], capture_output=True).stdout
    check(raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n"),
          "UTF-8 with a byte-order mark, CRLF line ends")
    st, h, body = http("GET", base + "/api/search.csv?limit=50&q=budget")
    check(st == 200 and h.get("Content-Type", "").startswith("text/csv") and
          [x[:10] for x in csv.reader(io.StringIO(body.lstrip("\ufeff"), newline=""))] == [x[:10] for x in rows],
          "GET /api/search.csv gives the same rows")
    http_rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"), newline="")))[1:]
    check(all(x[10].startswith(base + "/?view=item&item=") for x in http_rows),
          "GET /api/search.csv links each item's page")
finally:
    if server:
        server.terminate()
    shutil.rmtree(work, ignore_errors=True)
finish()
