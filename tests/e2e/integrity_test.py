"""A damaged database is a clear error, never written on (issue 23): a lost
table file or a corrupt block stops the indexer and the searcher with the
table's name and what to do, the server answers 503 saying so, and
--rebuild mends it."""
import json, os, shutil
from common import *

work = tmpdir()
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    db = os.path.join(work, "db")
    run(INDEXER, "--db", db, "--quiet", corpus, check=True)
    before = q_terms(db)
    for table in ("postlist", "termlist", "position", "spelling", "docdata"):
        broken = os.path.join(work, "broken-" + table)
        shutil.copytree(db, broken)
        os.remove(os.path.join(broken, table + ".glass"))
        r = run(INDEXER, "--db", broken, "--quiet", corpus)
        check(r.returncode != 0 and "damaged" in r.stderr and table + ".glass" in r.stderr,
              f"{table}.glass missing: the indexer refuses and names it ({r.stderr.strip()[:120]})")
        check(not os.path.exists(os.path.join(broken, table + ".glass")) or table == "postlist",
              f"{table}.glass missing: nothing was written")
        s = run(SEARCHER, "--db", broken, "sundhed")
        check(s.returncode == 2 and table + ".glass" in s.stderr, f"{table}.glass missing: the searcher says so")
        r = run(INDEXER, "--db", broken, "--quiet", "--rebuild", corpus)
        check(r.returncode == 0 and q_terms(broken) == before, f"{table}.glass missing: --rebuild mends it")

    # A corrupt block in the position table.
    broken = os.path.join(work, "corrupt")
    shutil.copytree(db, broken)
    with open(os.path.join(broken, "position.glass"), "r+b") as f:
        f.seek(8192 + 100)
        f.write(b"\xff" * 64)
    r = run(INDEXER, "--db", broken, "--quiet", corpus)
    check(r.returncode != 0 and "damaged" in r.stderr, f"a corrupt block: the indexer refuses ({r.stderr.strip()[:120]})")
    r = run(INDEXER, "--db", broken, "--check")
    check(r.returncode != 0 and "damaged" in r.stderr, "indexer --check finds it")
    r = run(INDEXER, "--db", db, "--check")
    check(r.returncode == 0 and "no errors" in r.stdout, f"indexer --check on a sound database ({r.stdout.strip()})")

    # The server says so.
    broken = os.path.join(work, "broken-served")
    shutil.copytree(db, broken)
    os.remove(os.path.join(broken, "termlist.glass"))
    server, base = start_server(broken)
    st, _, body = http("GET", base + "/api/search?q=sundhed")
    check(st == 503 and "damaged" in json.loads(body)["error"], "the server answers 503: damaged")
    server.terminate()
    server.wait(10)
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
