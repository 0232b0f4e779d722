"""Confidentiality end to end: the closed items of tests/data/confidential are
full of distinctive words; none of them can be found or seen through the
searcher (results, snippets, --show, --facets, suggestions, JSON) or the HTTP
API and page -- and not in the database's raw terms."""
import json, os, shutil, subprocess, time, urllib.parse
from common import *

SECRETS = ["zebrafinkeavl", "kvæghandelsfusion", "xylofonfabrikken", "narhvalsbudget", "hemmelig"]
MISSPELT = ["zebrafinkeval", "xylofonfabrikke", "narhvalsbudgt"]
work = tmpdir()
server = None
try:
    db = os.path.join(work, "db")
    run(INDEXER, "--db", db, "--quiet", os.path.join(SOURCE, "tests/data/confidential"), check=True)
    everything = ""
    for q in SECRETS + MISSPELT:
        for extra in ([], ["--include-confidential"]):
            r = run(SEARCHER, "--db", db, "--json", "--facets", *extra, "--", q)
            res = json.loads(r.stdout)
            res.pop("query")  # the user's own words come back here, and only here
            everything += json.dumps(res, ensure_ascii=False)
            check(r.returncode == 1 and res["total"] == 0, f"'{q}' {' '.join(extra)}: nothing found, no suggestion")
    r = run(SEARCHER, "--db", db, "--json", "--facets", "--include-confidential", "--limit", "50", "--", "")
    everything += r.stdout
    o = json.loads(r.stdout)
    check(len(o["results"]) == 4 and sum(x["access"] == "confidential" for x in o["results"]) == 2,
          "browse with --include-confidential lists the two closed items as metadata")
    for x in o["results"]:
        r2 = run(SEARCHER, "--db", db, "--json", "--show", x["id"])
        everything += r2.stdout + r2.stderr
        if x["access"] == "confidential":
            check(r2.returncode == 1, f"--show {x['id']} refused")
    r = run(SEARCHER, "--db", db, "--case", "EMN-2024-09002", "--include-confidential", "--json")
    everything += r.stdout
    terms = run("xapian-delve", "-a", db).stdout
    # A canary scan of the database files themselves (terms, stored text).
    raw = b""
    for name in os.listdir(db):
        with open(os.path.join(db, name), "rb") as f:
            raw += f.read()
    server, base = start_server(db)
    for path in ("/api/search?facets=1&limit=50&q=", "/api/facets?q=", "/feed.atom?q="):
        everything += http("GET", base + path)[2]  # everything the server will list
    for q in SECRETS:
        o2 = json.loads(http("GET", base + "/api/search?facets=1&q=" + urllib.parse.quote(q))[2])
        o2.pop("query")
        everything += json.dumps(o2, ensure_ascii=False)
    everything += http("GET", base + "/api/case/EMN-2024-09002")[2] + http("GET", base + "/")[2]
    for x in o["results"]:
        everything += http("GET", base + "/api/item/" + urllib.parse.quote(x["id"]))[2]
    low = (everything + terms).lower()
    for w in SECRETS:
        check(w not in low and w[:8] not in low, f"'{w}' appears nowhere (output, API, page, raw terms)")
        check(w[:8].encode() not in raw, f"'{w}' is in no database file")
    check("cykelstier" in low, "the public item is there (the check can fail)")
finally:
    if server:
        server.terminate()
    shutil.rmtree(work, ignore_errors=True)
finish()
