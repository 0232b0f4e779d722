"""Index safety: --rebuild builds beside the live database and swaps it in
at once -- killed midway it leaves the live database as it was, and a server
running through it never answers with an empty or partial index; --compact
holds the write lock, so it is refused while an indexer writes (and an
indexer while it compacts) and no commit is lost."""
import os, shutil, signal, subprocess, threading, time
from common import *

work = tmpdir()
try:
    corpus = os.path.join(work, "corpus")
    run("python3", os.path.join(SOURCE, "tests/bench/gen_corpus.py"), "--indexer", INDEXER, "--docs", 600,
        "--out", corpus, "--seed", 3, check=True)
    db = os.path.join(work, "db")
    r = run(INDEXER, "--db", db, "--quiet", corpus, timeout=600)
    before = q_terms(db)
    check(r.returncode == 0 and len(before) > 1000, f"built ({len(before)} items)")

    # A rebuild killed midway: the live database is untouched.
    p = subprocess.Popen([INDEXER, "--db", db, "--quiet", "--rebuild", corpus],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    p.send_signal(signal.SIGKILL)
    p.wait()
    check(q_terms(db) == before, "a rebuild killed with kill -9 leaves the live database as it was")
    s = run(SEARCHER, "--db", db, "--limit", "1", "sundhed")
    check(s.returncode == 0, "and it answers queries")

    # A server through a whole rebuild: never empty, never partial.
    proc, base = start_server(db)
    seen = []
    done = threading.Event()

    def poll():
        while not done.is_set():
            try:
                st, _, body = http("GET", base + "/health")
                if st == 200:
                    seen.append(json.loads(body)["items"])
            except OSError:
                pass
            time.sleep(0.05)

    t = threading.Thread(target=poll)
    t.start()
    r = run(INDEXER, "--db", db, "--quiet", "--rebuild", corpus, timeout=600)
    time.sleep(0.5)
    done.set()
    t.join()
    proc.terminate()
    proc.wait(timeout=10)
    full = max(seen) if seen else 0
    check(r.returncode == 0 and seen and min(seen) == full,
          f"a server during --rebuild always sees the whole index ({len(seen)} answers, {min(seen) if seen else 0}..{full} items)")
    check(q_terms(db) == before, "the rebuilt database holds the same items")

    # --compact beside a writing indexer: one of them is refused, nothing is lost.
    p = subprocess.Popen([INDEXER, "--db", db, "--quiet", "--rebuild", corpus], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    # The rebuild holds the live database's lock once it builds beside it.
    for _ in range(600):
        if os.path.exists(db + ".rebuild") or p.poll() is not None:
            break
        time.sleep(0.05)
    c = run(INDEXER, "--db", db, "--compact", os.path.join(corpus, os.listdir(corpus)[0]))
    p.wait()
    check(c.returncode == 4 and "locked" in c.stderr, "--compact is refused while an indexer writes (exit 4: locked)")
    check(p.returncode == 0 and q_terms(db) == before, "the indexer's commits are all there")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
