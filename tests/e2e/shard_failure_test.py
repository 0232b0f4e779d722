"""Shards that fail (issue 24): a killed or frozen xapian-tcpsrv costs a
bounded time, never the 10 s of Xapian's default; without --allow-partial
the answer is a 503 naming the shard, with it the other shards' results
marked partial; /health says degraded; when the shard comes back the
server answers in full again by itself. Totals over shards are exact where
one database's are, and marked as estimates where not."""
import json, os, shutil, signal, subprocess, time
from common import *


def tcpsrv(db, port):
    # Own session: on SIGTERM xapian-tcpsrv signals its whole process group.
    return subprocess.Popen(["xapian-tcpsrv", "--port", str(port), "--interface", "127.0.0.1", "--quiet", db],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def timed(url):
    t0 = time.time()
    st, _, body = http("GET", url, timeout=30)
    return st, json.loads(body), time.time() - t0


work = tmpdir()
procs = []
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    run("python3", os.path.join(SOURCE, "tests/bench/gen_corpus.py"), "--indexer", INDEXER, "--docs", 60,
        "--out", os.path.join(corpus, "gen"), "--seed", 3, check=True)
    single = os.path.join(work, "single")
    run(INDEXER, "--db", single, "--quiet", corpus, check=True)
    stubs, ports, shard_procs = [], [], []
    for k in range(2):
        db = os.path.join(work, f"shard{k}")
        run(INDEXER, "--db", db, "--quiet", "--shard", f"{k}/2", corpus, check=True)
        port = free_port()
        shard_procs.append(tcpsrv(db, port))
        ports.append(port)
        stub = os.path.join(work, f"shard{k}.stub")
        with open(stub, "w") as f:
            f.write(f"remote 127.0.0.1:{port}\n")
        stubs.append(stub)
    procs += shard_procs
    time.sleep(1.0)
    sharded = [a for s in stubs for a in ("--db", s)]

    # Totals: the same as one database, or marked as estimates.
    for q in ("sundhed", "år:2024", "udvalg:nære"):
        for sort in ("relevance", "date"):
            a = json.loads(run(SEARCHER, "--db", single, "--json", "--sort", sort, "--", q).stdout)
            b = json.loads(run(SEARCHER, *sharded, "--json", "--sort", sort, "--", q).stdout)
            same = a["total"] == b["total"] and a["total_exact"] and b["total_exact"]
            check(same or not (a["total_exact"] and b["total_exact"]),
                  f"'{q}' by {sort}: {a['total']} (exact {a['total_exact']}) vs shards {b['total']} (exact {b['total_exact']})")
            check(b["shards"] == {"total": 2, "failed": [], "partial": False}, f"'{q}': both shards answered")

    # "Did you mean" over remote shards, from a local spelling database.
    b = json.loads(run(SEARCHER, *sharded, "--json", "palliaton").stdout)
    check(b["suggestion"] is None, "remote shards alone have no spelling table")
    b = json.loads(run(SEARCHER, *sharded, "--spelling-db", single, "--json", "palliaton").stdout)
    check(b["suggestion"] == "palliation", f"--spelling-db gives the suggestion over shards ({b['suggestion']})")

    strict_log = open(os.path.join(work, "strict.log"), "w")
    strict, base = start_server(stubs[0], "--db", stubs[1], "--threads", "2", stderr=strict_log)
    partial, pbase = start_server(stubs[0], "--db", stubs[1], "--threads", "2", "--allow-partial")
    procs += [strict, partial]
    st, full, _ = timed(pbase + "/api/search?q=sundhed")
    check(st == 200 and full["shards"]["partial"] is False, "all shards up: a full answer")

    for how, stop, resume in (("frozen", signal.SIGSTOP, signal.SIGCONT), ("killed", signal.SIGKILL, None)):
        victim = shard_procs[1]
        os.killpg(victim.pid, stop)
        st, body, took = timed(base + "/api/search?q=sundhed")
        check(st == 503 and "shard" in body["error"] and took < 4,
              f"{how} shard, strict: 503 naming a shard in {took:.2f} s ({body.get('error')})")
        st, body, took = timed(pbase + "/api/search?q=sundhed")
        check(st == 200 and body["shards"]["partial"] and body["shards"]["failed"] == [stubs[1]] and took < 4,
              f"{how} shard, --allow-partial: the other shard's results, marked partial, in {took:.2f} s")
        check(0 < body["total"] < full["total"], "partial results are the other shard's")
        st, body, took = timed(pbase + "/health")
        check(st == 503 and body["status"] == "degraded" and body.get("failed_shards") == [stubs[1]] and took < 4,
              f"{how} shard: /health degraded, naming it ({took:.2f} s)")
        r = run(SEARCHER, *sharded, "--allow-partial", "--json", "sundhed", timeout=30)
        check(r.returncode == 0 and "partial results" in r.stderr, "CLI --allow-partial: results and a note on stderr")
        # The shard comes back.
        if resume:
            os.killpg(victim.pid, resume)
        else:
            victim.wait(5)
            shard_procs[1] = tcpsrv(os.path.join(work, "shard1"), ports[1])
            procs.append(shard_procs[1])
            time.sleep(0.5)
        deadline = time.time() + 15
        recovered = False
        while time.time() < deadline and not recovered:
            st, body, _ = timed(pbase + "/api/search?q=sundhed")
            st2, _, _ = timed(base + "/api/search?q=sundhed")
            recovered = st == 200 and not body["shards"]["partial"] and body["total"] == full["total"] and st2 == 200
            time.sleep(0.5)
        check(recovered, f"{how} shard back: both servers answer in full again by themselves")
    log_text = open(os.path.join(work, "strict.log")).read()
    print("   strict server's reasons:", [l for l in log_text.splitlines() if "unavailable" in l][:3])
    for p in (strict, partial):
        t0 = time.time()
        p.terminate()
        p.wait(5)
        check(time.time() - t0 < 1.5, "SIGTERM stops a server over shards within a second")
finally:
    for p in procs:
        try:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGCONT) if p.pid else None
        except (ProcessLookupError, PermissionError):
            pass
        try:
            p.kill()
        except ProcessLookupError:
            pass
        try:
            p.wait(5)
        except Exception:
            pass
    shutil.rmtree(work, ignore_errors=True)
finish()
