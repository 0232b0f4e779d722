"""Read replicas with Xapian's own replication on loopback: the indexer
keeps changesets (--changesets), xapian-replicate-server serves them and
xapian-replicate keeps a copy that the searcher reads like the master --
after the first full copy and after an incremental run."""
import json, os, shutil, signal, subprocess, time
from common import *


def replicate(port, replica):
    return run("xapian-replicate", "-h", "127.0.0.1", "-p", port, "-m", "master", "-o", "-v", replica, timeout=60)


def ranked(db, query):
    code, o, _ = search_json(db, "--limit", "20", query)
    return [(r["id"], r["score"]) for r in o["results"]] if o else []


work = tmpdir()
server = None
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    parent = os.path.join(work, "served")
    master = os.path.join(parent, "master")
    replica = os.path.join(work, "replica")
    r = run(INDEXER, "--db", master, "--quiet", "--changesets", "10", corpus)
    check(r.returncode == 0, "the master is indexed with changesets kept")
    port = str(free_port())
    # In a session of its own, like xapian-tcpsrv in the shard test: on
    # SIGTERM the server signals its whole process group, which must not be
    # the test runner's.
    server = subprocess.Popen(["xapian-replicate-server", "-I", "127.0.0.1", "-p", port, parent],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(0.5)
    r = replicate(port, replica)
    check(r.returncode == 0, f"a first replication copies the database ({r.stderr.strip()[:120]})")
    queries = ["lægedækning", "palliation", "almen praksis", "udfald:udsat", "sundhed*"]
    check(all(ranked(replica, q) == ranked(master, q) and ranked(master, q) for q in queries),
          "the replica answers the same queries with the same ranking")

    # An incremental run on the master reaches the replica as changesets.
    with open(os.path.join(corpus, "nyt.md"), "w", encoding="utf-8") as f:
        f.write("# 1 (Offentlig) Vandrefalke på rådhuset\n\nEt par vandrefalke yngler på rådhustårnet.\n")
    run(INDEXER, "--db", master, "--quiet", "--changesets", "10", corpus, check=True)
    check(not ranked(replica, "vandrefalke"), "before replicating, the replica has the old state")
    r = replicate(port, replica)
    check(r.returncode == 0 and [i for i, _ in ranked(replica, "vandrefalke")] == ["nyt.md:1"],
          "after replicating, the replica finds the new item")
    check("0 copies" in r.stdout + r.stderr and "changeset" in r.stdout + r.stderr,
          f"it came as changesets, not a full copy ({(r.stdout + r.stderr).strip().splitlines()[-1:]})")
    check(all(ranked(replica, q) == ranked(master, q) for q in queries), "and ranks as the master does")
    code, o, _ = search_json(replica, "--case", "EMN-2019-01215")
    check(code == 0 and len(o["results"]) == 3, "case history works on the replica")
finally:
    if server:
        os.killpg(server.pid, signal.SIGTERM)
    shutil.rmtree(work, ignore_errors=True)
finish()
