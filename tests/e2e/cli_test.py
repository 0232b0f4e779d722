"""The command-line contract: dry run JSON, exit statuses, error lines,
--analyze, --show, --case, colours."""
import json, os, shutil
from common import *

work = tmpdir()
try:
    # --dry-run --json: one JSON object per item with the contract keys.
    r = run(INDEXER, "--dry-run", "--json", *[os.path.join(CORPUS, f) for f in SEEDS])
    items = [json.loads(l) for l in r.stdout.splitlines()]
    keys = {"source", "item", "title", "type", "access", "case_id", "case_refs", "date", "committee",
            "organisation", "kind", "decision", "sections", "text"}
    check(r.returncode == 0 and len(items) == 47, f"dry run: 47 items, exit 0 (got {len(items)}, {r.returncode})")
    check(all(keys <= set(o) for o in items), "dry run: every item has the contract keys")
    check(all(o["text"] == "" and o["sections"] == [] for o in items if o["access"] == "confidential"),
          "dry run: confidential items carry no text")

    # A corpus with broken files: they are named, the rest is indexed, exit 1.
    corpus = copy_corpus(os.path.join(work, "corpus"))
    open(os.path.join(corpus, "empty.txt"), "w").close()
    with open(os.path.join(corpus, "binary.txt"), "wb") as f:
        f.write(bytes(range(256)) * 10)
    with open(os.path.join(corpus, "noitems.md"), "w") as f:
        f.write("Bare en note uden punkter.\n")
    db = os.path.join(work, "db")
    r = run(INDEXER, "--db", db, corpus)
    check(r.returncode == 1, f"indexer exit 1 when some files fail (got {r.returncode})")
    err = r.stderr
    check(f"indexer: warning: {corpus}/empty.txt: empty file" in err, "empty file: a warning naming it")
    check(f"indexer: {corpus}/binary.txt: binary file, not text" in err, "binary file named with its error")
    check("noitems.md" not in err, "a file without agenda items is no error")
    check("48 items" in err and "1 document without agenda structure" in err,
          "the good files are indexed (47 items) and the note as one more")
    # Only empty files and unsupported types: warnings, exit 0.
    quiet = os.path.join(work, "quiet")
    os.makedirs(quiet)
    shutil.copy(os.path.join(CORPUS, SEEDS[0]), quiet)
    open(os.path.join(quiet, "placeholder.txt"), "w").close()
    with open(os.path.join(quiet, "photo.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(100))
    r = run(INDEXER, "--db", os.path.join(work, "qdb"), quiet)
    check(r.returncode == 0, f"empty file and unsupported type alone: exit 0 (got {r.returncode})")
    check("1 empty" in r.stderr and "1 unsupported" in r.stderr and "photo.png" in r.stderr,
          "the summary counts and names them")
    check("1 file " not in r.stderr and "3 files" in r.stderr, "the summary says 'files' in the plural")

    # Exit statuses like grep: 0 hits, 1 no hits, 2 error.
    check(run(SEARCHER, "--db", db, "palliation").returncode == 0, "searcher exit 0 on hits")
    check(run(SEARCHER, "--db", db, "qqxxzzyy").returncode == 1, "searcher exit 1 on no hits")
    # Case numbers as people copy and type them (issue 28).
    cases_dir = os.path.join(work, "cases")
    os.makedirs(cases_dir)
    with open(os.path.join(cases_dir, "sager.txt"), "w", encoding="utf-8") as f:
        f.write("# 1 (Offentlig) Vejbelysning\n\nSagsnr.: 22-014567\n\nTekst om lamper.\n\n"
                "# 2 (Offentlig) Fortov\n\nSagsnr.: 20-001627K\n\nTekst om fliser.\n")
    cases_db = os.path.join(work, "cases_db")
    run(INDEXER, "--db", cases_db, "--quiet", cases_dir, check=True)
    for typed, want in (("22-014567", "22-014567"), ("22/014567", "22-014567"), ("22.014567", "22-014567"),
                        ("22 014567", "22-014567"), ("22014567", "22-014567"), ("20-001627K", "20-001627K"),
                        ("20-001627", "20-001627K"), ("20 001627", "20-001627K")):
        o = json.loads(run(SEARCHER, "--db", cases_db, "--json", "--", typed).stdout)
        check([r["case_id"] for r in o["results"]] == [want], f"case number typed as {typed!r} finds {want}")
    # A query that only excludes finds every item but those (issue 28).
    excl = json.loads(run(SEARCHER, "--db", db, "--json", "--limit", "100", "--", "-palliation").stdout)
    notq = json.loads(run(SEARCHER, "--db", db, "--json", "--limit", "100", "--", "NOT palliation").stdout)
    withp = json.loads(run(SEARCHER, "--db", db, "--json", "--limit", "100", "palliation").stdout)
    check(excl["total"] == notq["total"] > 0 and not {r["id"] for r in excl["results"]} & {r["id"] for r in withp["results"]},
          f"-palliation alone: the items without it ({excl['total']}), as NOT palliation")
    # Did-you-mean shows a correction's results only when sure: a capitalised word is a name.
    low = json.loads(run(SEARCHER, "--db", db, "--json", "palliaton").stdout)
    cap = json.loads(run(SEARCHER, "--db", db, "--json", "Palliaton").stdout)
    check(low["suggestion_applied"] and low["total"] > 0, "a lower-case misspelling: the correction's results shown")
    check(cap["suggestion"] == "palliation" and not cap["suggestion_applied"] and cap["total"] == 0,
          "a capitalised word (a name?) stays as typed: the correction is only offered")
    r = run(SEARCHER, "--db", db, "--offset", "100", "lægedækning")
    check("--offset er større" in r.stdout, "an offset past the results says so")
    r = run(SEARCHER, "--db", db, "palliation AND (")
    check(r.returncode == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("searcher: Søgningen kan ikke læses")
          and "cannot parse query" in r.stderr, "malformed query: one-line error, Danish then the detail, exit 2")
    r = run(SEARCHER, "--db", os.path.join(work, "nope"), "x")
    check(r.returncode == 2 and "cannot open database" in r.stderr, "missing database: clear error, exit 2")
    check(run(SEARCHER, "--db", db, "--sort", "size", "x").returncode == 2, "bad --sort value: exit 2")
    # A misspelt flag is an error, never a search for the flag's name; -word is a query word.
    r = run(SEARCHER, "--db", db, "--limt", "3", "palliation")
    check(r.returncode == 2 and "unrecognised option '--limt'" in r.stderr, "unknown --flag: exit 2 naming it")
    r = run(SEARCHER, "--db", db, "palliation", "-hospice")
    check(r.returncode == 0 and "dødsfald blandt ældre" in r.stdout and "palliationsområdet" not in r.stdout,
          "-hospice is a must-not query word (the item that mentions hospice is left out)")

    # Human output: no colour codes when not a terminal; NO_COLOR respected.
    r = run(SEARCHER, "--db", db, "kronikerpakker")
    check("\x1b[" not in r.stdout and "kronikerpakker" in r.stdout.lower(), "plain output when not a terminal")
    check("Drøftelse af kronikerpakker med besøg af Gigtforeningen" in r.stdout, "human output shows the title")
    check("EMN-2019-01215" in r.stdout and "000_95b85b1cae4d3646.txt punkt 7" in r.stdout,
          "human output shows case ID, source and item number")

    # --analyze --json
    r = run(SEARCHER, "--analyze", "--json", "--", "Lægedækningen i yderområderne")
    a = json.loads(r.stdout)
    check([t["token"] for t in a] == ["lægedækningen", "i", "yderområderne"] and a[1]["stopword"] is True,
          "--analyze --json tokens and stop word flag")

    # --show: a public item in full; a confidential one refused.
    r = run(SEARCHER, "--db", db, "--show", "001_4087263cda476328.txt:2")
    check(r.returncode == 0 and "Resumé" in r.stdout and "Beslutninger:" in r.stdout and
          r.stdout.index("Resumé") < r.stdout.index("Beslutninger:"), "--show prints sections in order")
    r = run(SEARCHER, "--db", db, "--show", "000_95b85b1cae4d3646.txt:1")
    check(r.returncode == 1 and "confidential" in r.stderr, "--show refuses a confidential item")

    # --case: history oldest first, with decisions.
    code, o, _ = search_json(db, "--case", "EMN-2019-01215")
    dates = [x["date"] for x in o["results"]]
    check(code == 0 and len(o["results"]) == 3 and dates[0] == "2025-01-31" and all(x.get("decision") for x in o["results"]),
          "--case history with decisions")
    # --include-confidential: metadata only
    code, o, _ = search_json(db, "--include-confidential", "--case", "MOD-2025-00107")
    check(code == 0 and len(o["results"]) == 2 and all(x["title"] == "" and x["snippet"] == "" for x in o["results"]),
          "--include-confidential shows only metadata")
    # --bench: the contract keys; each query runs --repeat times, with the
    # search options given (a malformed line costs its parse time, no crash).
    qfile = os.path.join(work, "queries.txt")
    with open(qfile, "w") as f:
        f.write("# comment\npalliation\nlægedæk*\npalliation AND (\n")
    for extra in ([], ["--no-compounds", "--no-variants", "--committee", "nære"]):
        r = run(SEARCHER, "--db", db, "--bench", qfile, "--repeat", "3", "--json", *extra)
        o = json.loads(r.stdout) if r.returncode == 0 else {}
        check({"queries", "runs", "p50_us", "p99_us"} <= set(o) and o["queries"] == 3 and o["runs"] == 9 and
              0 < o["p50_us"] <= o["p99_us"], f"--bench {' '.join(extra)}: 3 queries x 3 runs, p50 <= p99")
    r = run(SEARCHER, "--db", db, "--bench", os.path.join(work, "missing.txt"), "--json")
    check(r.returncode == 2 and "missing.txt" in r.stderr, "--bench names a missing query file, exit 2")
    # --help documents the query syntax and exit status
    r = run(SEARCHER, "--help")
    check("titel:" in r.stdout and "dato:" in r.stdout and "Exit status" in r.stdout, "--help documents syntax")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
