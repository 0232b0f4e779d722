"""searcher --serve: every endpoint and error, confidentiality, XSS and path
checks, HEAD, limits, access log, and picking up a re-indexed database."""
import json, re, os, shutil, subprocess, time, urllib.parse, xml.dom.minidom
from common import *

work = tmpdir()
server = None
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    db = os.path.join(work, "db")
    run(INDEXER, "--db", db, "--quiet", corpus, check=True)
    log = open(os.path.join(work, "access.log"), "w")
    server, base = start_server(db, "--threads", "3", stderr=log)

    st, h, body = http("GET", base + "/health")
    health = json.loads(body)
    check(st == 200 and health["items"] == 29 and health["confidential"] == 18,
          "GET /health counts searchable items apart from confidential ones")

    st, h, body = http("GET", base + "/api/search?q=" + urllib.parse.quote("lægedækning") + "&limit=3&facets=1")
    o = json.loads(body)
    check(st == 200 and h.get("Content-Type", "").startswith("application/json"), "GET /api/search is JSON")
    check({"query", "total", "offset", "limit", "results", "facets", "suggestion"} <= set(o), "search: top-level keys")
    check(len(o["results"]) == 3 and o["facets"].get("committee"), "search: limit and facets")
    cli = json.loads(run(SEARCHER, "--db", db, "--json", "--limit", "3", "--facets", "lægedækning").stdout)
    check([r["id"] for r in o["results"]] == [r["id"] for r in cli["results"]] and o["facets"] == cli["facets"],
          "API results and facets equal `searcher --json`")
    q = urllib.parse.urlencode({"q": "", "committee": "nære", "from": "2025-01-01", "to": "2025-12-31",
                                "type": "drøftelse", "sort": "date", "offset": 0, "limit": 5})
    st, _, body = http("GET", base + "/api/search?" + q)
    check(st == 200 and [r["id"] for r in json.loads(body)["results"]] ==
          ["004_9c22b7f145ec25f7.txt:11", "000_95b85b1cae4d3646.txt:7", "000_95b85b1cae4d3646.txt:8"],
          "search with every filter parameter, newest first")

    for url, want in (("/api/search?q=" + urllib.parse.quote("a AND ("), 400),
                      ("/api/search?q=x&limit=abc", 400), ("/api/search?q=x&sort=size", 400),
                      ("/api/search?q=x&from=31-31-2024", 400), ("/api/item/no-such-item", 404),
                      ("/api/item/000_95b85b1cae4d3646.txt:1", 404), ("/api/case/EMN-0000-00000", 404),
                      ("/no/such/page", 404), ("/../../etc/passwd", 404), ("/%2e%2e/%2e%2e/etc/passwd", 404),
                      ("/api/search?q=" + "x" * 2100, 400), ("/api/search?q=x&limit=-1", 400),
                      ("/api/search?q=x&limit=1001", 400), ("/api/search?q=%ff%fe", 400),
                      ("/api/search?q=x&topic=%c3%28", 400), ("/api/search?q=x&type=%ff", 400),
                      ("/api/search?q=x&from=%80", 400), ("/api/item/%ff%fe", 400), ("/api/case/%c0%af", 400),
                      ("/api/search?q=%00", 400), ("/feed.atom?q=%00", 400), ("/feed.atom?q=%01", 400),
                      ("/feed.atom?q=%ff", 400), ("/api/search?q=" + urllib.parse.quote("(" * 40 + "x"), 400),
                      ("/api/search?q=s*", 400), ("/api/search?q=" + urllib.parse.quote("ab* " * 9), 400),
                      ("/api/search?q=x&from=2025-02-01&to=2025-01-01", 400)):
        st, h, body = http("GET", base + url)
        ok = st == want
        try:
            ok = ok and "error" in json.loads(body)
        except ValueError:
            ok = False
        check(ok, f"GET {url[:50]} -> {want} with a JSON error (got {st})")
    st, _, body = http("GET", base + "/" + "a" * 9000)
    check(st in (414, 400), f"over-long request line refused (got {st})")

    st, _, body = http("GET", base + "/api/item/" + urllib.parse.quote("001_4087263cda476328.txt:2"))
    it = json.loads(body)
    check(st == 200 and it["title"] == "Inddragelse af apotekerne i klyngerne" and it["sections"][0]["name"] == "resume",
          "GET /api/item/<id> full text in order")
    st, _, body = http("GET", base + "/api/case/EMN-2019-01215")
    c = json.loads(body)
    check(st == 200 and len(c["results"]) == 3 and c["results"][0]["date"] == "2025-01-31", "GET /api/case/<id>")
    check(all(r["access"] == "public" for r in c["results"]), "case history serves public items only")
    st, _, body = http("GET", base + "/api/case/MOD-2025-00107")
    check(st == 404, "a case with only confidential items is not served")
    st, _, body = http("GET", base + "/api/facets?q=sundhed")
    f = json.loads(body)
    check(st == 200 and set(f) == {"query", "total", "total_exact", "facets"} and f["facets"]["year"], "GET /api/facets")
    st, h, body = http("GET", base + "/api/search?q=x&include_confidential=1&limit=100&q=")
    check(all(r["access"] == "public" for r in json.loads(body)["results"]), "confidential items never over HTTP")

    st, h, body = http("GET", base + "/feed.atom?q=palliation&committee=" + urllib.parse.quote("nære"))
    doc = xml.dom.minidom.parseString(body)
    entries = doc.getElementsByTagName("entry")
    dates = [e.getElementsByTagName("updated")[0].firstChild.data for e in entries]
    dated = [d for d, e in zip(dates, entries) if not d.startswith(time.strftime("%Y-%m-%d", time.gmtime()))]
    check(st == 200 and "atom" in h.get("Content-Type", "") and len(entries) >= 1 and dated == sorted(dated, reverse=True),
          "GET /feed.atom newest first")
    check(all(not d.startswith("1970") for d in dates), "no entry dated 1970 (undated items carry the day they were indexed)")
    links = [e.getElementsByTagName("link")[0].getAttribute("href") for e in entries]
    check(all(l.startswith(base + "/?view=item&item=") for l in links), "entry links are absolute and open the item view")
    check(doc.documentElement.getAttribute("xml:base") == base + "/", "the feed has an xml:base")
    # A feed of any query is well-formed XML, even of odd text.
    for q in ("palliation", "<&>\"'", "æøå ÆØÅ"):
        st, _, body = http("GET", base + "/feed.atom?q=" + urllib.parse.quote(q))
        try:
            xml.dom.minidom.parseString(body)
            ok = st == 200
        except Exception:
            ok = False
        check(ok, f"feed of {q!r} is well-formed")

    # A '=' inside a value survives: q=a=palliation searches "a=palliation".
    st, _, body = http("GET", base + "/api/search?q=a=palliation")
    check(st == 200 and json.loads(body)["query"] == "a=palliation", "q=a=palliation keeps its '='")
    # Totals are exact, marked so, and the same on every page.
    totals = set()
    for offset in (0, 1, 2, 3):
        o = json.loads(http("GET", base + f"/api/search?q=sund*&limit=1&offset={offset}")[2])
        totals.add((o["total"], o["total_exact"]))
    check(len(totals) == 1 and list(totals)[0][1], f"sund* has one exact total on every page ({totals})")
    # Dates in the query.
    o = json.loads(http("GET", base + "/api/search?q=" + urllib.parse.quote("dato:2025-01-31 lægedækning"))[2])
    check(o["results"] and all(r["date"] == "2025-01-31" for r in o["results"]), "dato:2025-01-31 filters")
    # A misspelling with no results shows the suggestion's results and says so.
    o = json.loads(http("GET", base + "/api/search?q=" + urllib.parse.quote("lægedækninng"))[2])
    check(o["suggestion"] == "lægedækning" and o["suggestion_applied"] and o["results"],
          "did-you-mean results shown, marked suggestion_applied")

    st, h, body = http("GET", base + "/")
    check(st == 200 and "<html" in body and 'lang="da"' in body, "GET / serves the page")
    check("Content-Security-Policy" in h, "page has a Content-Security-Policy")
    st, h, body = http("HEAD", base + "/api/search?q=palliation")
    check(st == 200 and body == "", "HEAD allowed, no body")
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "FOO"):
        st, h, body = raw_request(base, f"{method} /api/search?q=x HTTP/1.1\r\nHost: x\r\n\r\n")
        check(st == 405 and h.get("allow") == "GET, HEAD" and "error" in json.loads(body), f"{method} -> 405")
    # POST without a body is answered at once, not after a read timeout.
    t0 = time.time()
    st, _, body = raw_request(base, "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
    check(st == 405 and time.time() - t0 < 1, f"POST without body: 405 at once ({time.time() - t0:.2f} s)")
    # Log lines cannot be forged with encoded line breaks or escapes.
    http("GET", base + "/api/item/x%0aGET%20/forged%20200%201ms%1b[31m")

    # XSS: the query comes back only inside JSON, and snippets escape text.
    xss = "<script>alert(1)</script>"
    st, h, body = http("GET", base + "/api/search?q=" + urllib.parse.quote(xss))
    o = json.loads(body)
    check(st == 200 and o["query"] == xss and h["Content-Type"].startswith("application/json"), "XSS query echoed only as JSON")
    check(all("<script" not in r["snippet"] for r in o["results"]), "snippets carry no markup but <mark>")

    # A re-indexed database is picked up without a restart.
    extra = os.path.join(corpus, "extra.txt")
    with open(extra, "w", encoding="utf-8") as fh:
        fh.write("## Referat fra møde i Testudvalget den 01-02-2026 10:00\n\n# 1 (Offentlig) Vandrefalke i byen\n\n"
                 "EMN-2026-00001\n\n## Resumé\n\nVandrefalke yngler på rådhuset.\n")
    run(INDEXER, "--db", db, "--quiet", corpus, check=True)
    st, _, body = http("GET", base + "/api/search?q=vandrefalke")
    check(st == 200 and json.loads(body)["total"] == 1, "re-indexed database picked up without restart")

    server.terminate()
    server.wait(10)
    log.close()
    lines = open(os.path.join(work, "access.log")).read().splitlines()
    # time, client, method, target (path and query), status, bytes, duration
    fields = [l.split(" ") for l in lines if re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ", l)]
    check(all(len(f) == 7 for f in fields), "every access log line has seven fields")
    check(any(f[1] == "127.0.0.1" and f[2] == "GET" and f[3].startswith("/api/search?") and f[4] == "200"
              and int(f[5]) > 0 and f[6].endswith("ms") for f in fields),
          "access log line per request: time, client, method, path and query, status, bytes, duration")
    check(any(f[2] == "POST" and f[3].startswith("/api/search") and f[4] == "405" for f in fields),
          "access log records errors")
    check(not any(l.split(" ")[3:4] == ["/forged"] for l in lines if " " in l) and not any("\x1b" in l for l in lines),
          "encoded line breaks and escapes in paths are escaped in the log")
finally:
    if server and server.poll() is None:
        server.kill()
    shutil.rmtree(work, ignore_errors=True)
finish()
