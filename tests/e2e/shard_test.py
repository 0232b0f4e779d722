"""Scale-out on Xapian's remote backend: the corpus split into two shards,
each served by xapian-tcpsrv on loopback, searched as one through stub
files, gives the same results, facets and case history as one database."""
import json, os, shutil, subprocess, time
from common import *

QUERIES = ["lægedækning", "palliation", "almen praksis", "\"dosispakket medicin\"", "sundhedsreformen",
           "beslutning:udsat", "udvalg:nære", "KOL", "laegedaekning", "gigt", "EMN-2019-01215", "år:2025"]
work = tmpdir()
servers = []
try:
    corpus = generated = os.path.join(work, "corpus")
    copy_corpus(corpus)
    run("python3", os.path.join(SOURCE, "tests/bench/gen_corpus.py"), "--indexer", INDEXER, "--docs", 60,
        "--out", os.path.join(corpus, "gen"), "--seed", 3, check=True)
    single = os.path.join(work, "single")
    run(INDEXER, "--db", single, "--quiet", corpus, check=True)
    shards = []
    for k in range(2):
        db = os.path.join(work, f"shard{k}")
        r = run(INDEXER, "--db", db, "--quiet", "--shard", f"{k}/2", corpus)
        check(r.returncode == 0, f"shard {k}/2 indexed")
        port = free_port()
        # Own session: on SIGTERM xapian-tcpsrv signals its whole process group.
        servers.append(subprocess.Popen(["xapian-tcpsrv", "--port", str(port), "--interface", "127.0.0.1", "--quiet", db],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        stub = os.path.join(work, f"shard{k}.stub")
        with open(stub, "w") as f:
            f.write(f"remote 127.0.0.1:{port}\n")
        shards.append(stub)
    time.sleep(1.0)
    n_single = len(q_terms(single))
    n_shards = sum(len(q_terms(os.path.join(work, f"shard{k}"))) for k in range(2))
    check(n_single == n_shards and n_shards > 100, f"shards hold every item once ({n_shards} = {n_single})")
    sharded = [a for s in shards for a in ("--db", s)]
    for q in QUERIES:
        a = run(SEARCHER, "--db", single, "--json", "--facets", "--no-spelling", "--limit", "10", "--", q)
        b = run(SEARCHER, *sharded, "--json", "--facets", "--no-spelling", "--limit", "10", "--", q)
        if b.returncode == 2:
            check(False, f"'{q}': sharded search failed: {b.stderr.strip()}")
            continue
        ja, jb = json.loads(a.stdout), json.loads(b.stdout)
        same_ids = [r["id"] for r in ja["results"]] == [r["id"] for r in jb["results"]]
        same_scores = [r["score"] for r in ja["results"]] == [r["score"] for r in jb["results"]]
        if not (same_ids and same_scores):
            print("single:", [(r["id"], r["score"]) for r in ja["results"]])
            print("shards:", [(r["id"], r["score"]) for r in jb["results"]])
        check(same_ids and same_scores and ja["total"] == jb["total"], f"'{q}': same top 10, scores and total")
        check(ja["facets"] == jb["facets"], f"'{q}': same facets")
    a = run(SEARCHER, "--db", single, "--json", "--case", "EMN-2019-01215")
    b = run(SEARCHER, *sharded, "--json", "--case", "EMN-2019-01215")
    check(json.loads(a.stdout) == json.loads(b.stdout), "same case history")
    b = run(SEARCHER, *sharded, "--json", "--show", "001_4087263cda476328.txt:2")
    check(b.returncode == 0 and json.loads(b.stdout)["title"] == "Inddragelse af apotekerne i klyngerne",
          "--show through a remote shard")
finally:
    for s in servers:
        s.terminate()
        s.wait(10)
    shutil.rmtree(work, ignore_errors=True)
finish()
