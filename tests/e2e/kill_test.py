"""Crash safety: kill -9 the real indexer at random moments while it indexes
a generated corpus; after each kill the database passes xapian-check and
answers queries; a re-run completes it to exactly the item set of a clean
build. A searcher running during indexing never fails."""
import os, random, shutil, signal, subprocess, time
from common import *

DOCS = int(os.environ.get("KILL_TEST_DOCS", "1500"))
KILLS = int(os.environ.get("KILL_TEST_KILLS", "6"))
work = tmpdir()
try:
    corpus = os.path.join(work, "corpus")
    run("python3", os.path.join(SOURCE, "tests/bench/gen_corpus.py"), "--indexer", INDEXER, "--docs", DOCS,
        "--out", corpus, "--seed", 7, check=True)
    clean = os.path.join(work, "clean")
    r = run(INDEXER, "--db", clean, "--quiet", corpus, timeout=900)
    check(r.returncode == 0, f"clean build succeeds ({r.stderr.strip()[-200:]})")
    want = q_terms(clean)
    check(len(want) > 5 * DOCS // 2, f"clean build has {len(want)} items")

    db = os.path.join(work, "db")
    rng = random.Random(42)
    survived = 0
    searcher_failures = 0
    searches = 0
    for k in range(KILLS):
        p = subprocess.Popen([INDEXER, "--db", db, "--quiet", "--batch", "300", corpus],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + rng.uniform(0.3, 3.0)
        while time.time() < deadline and p.poll() is None:
            # a searcher reading while the indexer writes never fails
            if os.path.exists(os.path.join(db, "iamglass")):
                s = run(SEARCHER, "--db", db, "--limit", "3", "sundhed")
                searches += 1
                if s.returncode not in (0, 1):
                    searcher_failures += 1
                    print("   searcher during indexing:", s.stderr.strip())
            time.sleep(0.05)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            p.wait()
            survived += 1
        if not os.path.exists(os.path.join(db, "iamglass")):
            continue  # killed before the first commit: nothing to check yet
        c = run("xapian-check", db)
        check(c.returncode == 0, f"kill {k + 1}: xapian-check passes")
        s = run(SEARCHER, "--db", db, "--limit", "3", "sundhed")
        check(s.returncode in (0, 1), f"kill {k + 1}: database answers queries (exit {s.returncode})")
    check(searcher_failures == 0, f"no searcher failure during indexing ({searches} searches)")
    r = run(INDEXER, "--db", db, "--quiet", corpus, timeout=900)
    check(r.returncode == 0, "re-run after the kills completes")
    got = q_terms(db)
    check(got == want, f"after {survived} kills the item set equals the clean build ({len(got)} vs {len(want)})")
    check(run("xapian-check", db).returncode == 0, "final database passes xapian-check")
    print(f"   kills survived: {survived}, searches during indexing: {searches}")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
