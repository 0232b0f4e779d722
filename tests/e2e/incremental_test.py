"""Incremental indexing: unchanged, changed, removed files; --rebuild."""
import json, os, re, shutil, time
from common import *

work = tmpdir()
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    db = os.path.join(work, "db")
    t0 = time.time(); r1 = run(INDEXER, "--db", db, corpus); first = time.time() - t0
    check(r1.returncode == 0 and "5 indexed" in r1.stderr, "first run indexes 5 files")
    before = q_terms(db)
    check(len(before) == 47, f"47 items (got {len(before)})")

    iamglass = open(os.path.join(db, "iamglass"), "rb").read()
    summary = os.path.join(work, "summary.json")
    t0 = time.time(); r2 = run(INDEXER, "--db", db, "--summary-json", summary, corpus); second = time.time() - t0
    check("0 indexed, 5 unchanged" in r2.stderr, "second run: nothing to do")
    check(r2.returncode == 3, f"second run: exit 3, nothing to do (got {r2.returncode})")
    s = json.load(open(summary))
    check(s["status"] == "nothing to do" and s["exit"] == 3 and s["unchanged"] == 5 and s["indexed"] == 0,
          "--summary-json says nothing to do, with the counts")
    check(open(os.path.join(db, "iamglass"), "rb").read() == iamglass,
          "an idle run commits nothing: the database's revision is unchanged (a replica stays in range)")
    check(q_terms(db) == before, "second run: same items")
    print(f"   first run {first*1000:.0f} ms, unchanged run {second*1000:.0f} ms")

    # A changed file: its items are replaced.
    p = os.path.join(corpus, "001_4087263cda476328.txt")
    text = open(p, encoding="utf-8").read().replace("Inddragelse af apotekerne i klyngerne", "Inddragelse af apotekerne i vandrefalkegrupperne")
    open(p, "w", encoding="utf-8").write(text)
    r3 = run(INDEXER, "--db", db, "--summary-json", "-", corpus)
    check("1 indexed, 4 unchanged" in r3.stderr, "changed file re-indexed alone")
    check(r3.returncode == 0 and '"status":"indexed"' in r3.stderr, "exit 0 and the JSON summary on stderr: indexed")
    check(q_terms(db) == before, "changed file: same item IDs, no duplicates")
    code, o, _ = search_json(db, "vandrefalkegrupperne")
    check(code == 0 and o["results"][0]["id"] == "001_4087263cda476328.txt:2", "changed text is searchable")
    code, o, _ = search_json(db, "titel:klyngerne")
    check(code == 1, "old title is gone")

    # A removed file: its items are removed (default for a folder).
    os.remove(os.path.join(corpus, "002_232f1646488d47e5.txt"))
    r4 = run(INDEXER, "--db", db, corpus)
    check("1 removed" in r4.stderr and r4.returncode == 0, "removed file pruned (exit 0: something was written)")
    check(len(q_terms(db)) == 41, "six items of the removed file are gone")
    code, o, _ = search_json(db, "licensklinikker")
    check(code == 1, "removed file's text no longer found")

    # --no-prune keeps items of files that are gone; --rebuild starts over.
    shutil.copy(os.path.join(CORPUS, "002_232f1646488d47e5.txt"), corpus)
    run(INDEXER, "--db", db, corpus)
    os.remove(os.path.join(corpus, "002_232f1646488d47e5.txt"))
    run(INDEXER, "--db", db, "--no-prune", corpus)
    check(len(q_terms(db)) == 47, "--no-prune keeps the items")
    r5 = run(INDEXER, "--db", db, "--rebuild", corpus)
    check("4 indexed" in r5.stderr and len(q_terms(db)) == 41, "--rebuild starts over")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
