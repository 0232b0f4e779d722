"""Relevance metrics with and without each Danish feature (tests/relevance/
evaluate.py --check) on the bundled corpus, through the real searcher."""
import os, shutil, subprocess, sys
from common import *

work = tmpdir()
try:
    db = os.path.join(work, "db")
    run(INDEXER, "--db", db, "--quiet", CORPUS, check=True)
    r = run("python3", os.path.join(SOURCE, "tests/relevance/evaluate.py"), SEARCHER, db, "--check")
    print(r.stdout)
    check(r.returncode == 0, "every query reaches its rank and every feature raises its own queries' MRR")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
