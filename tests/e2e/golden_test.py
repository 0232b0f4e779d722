"""Whole-output tests: what the programs print, compared byte for byte with
tests/golden/ -- the bundled corpus's items as the indexer reads them,
searches as JSON, text, CSV, a case history and one item, and the items of
every real document in ../shared/realdocs/ (skipped where it is absent).

After an intended change, regenerate with `scripts/update-golden.sh` and
read the diff before committing it."""
import difflib, json, os, re, shutil, subprocess
from common import *

GOLDEN = os.path.join(SOURCE, "tests", "golden")
REALDOCS = os.path.normpath(os.path.join(SOURCE, "..", "shared", "realdocs"))
UPDATE = os.environ.get("GOLDEN_UPDATE") == "1"


def normalised(text):
    # The one value that changes by itself: the day an undated item was indexed.
    return re.sub(r'"indexed": ?"\d{4}-\d\d-\d\d"', '"indexed":"DAY"', text)


def compare(name, text):
    path = os.path.join(GOLDEN, name)
    text = normalised(text)
    if UPDATE:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"   updated {name}")
        return
    if not os.path.exists(path):
        check(False, f"{name}: no golden file (run scripts/update-golden.sh)")
        return
    want = open(path, encoding="utf-8").read()
    if text != want:
        diff = list(difflib.unified_diff(want.splitlines(), text.splitlines(), "golden/" + name, "now", lineterm="", n=1))
        print("\n".join(diff[:40]))
    check(text == want, f"{name}: output as in tests/golden/")


work = tmpdir()
try:
    corpus = copy_corpus(os.path.join(work, "corpus"))
    db = os.path.join(work, "db")
    run(INDEXER, "--db", db, "--quiet", corpus, check=True)
    env = dict(os.environ, NO_COLOR="1")
    cases = [
        ("corpus/items.jsonl", [INDEXER, "--dry-run", "--json", corpus], corpus),
        ("corpus/search-palliation.json", [SEARCHER, "--db", db, "--json", "--facets", "palliation"], None),
        ("corpus/search-laegedaekning.txt", [SEARCHER, "--db", db, "lægedækning", "yderområder"], None),
        ("corpus/search-sundhed.csv", [SEARCHER, "--db", db, "--csv", "--limit", "20", "sundhed"], None),
        ("corpus/browse-committee.json", [SEARCHER, "--db", db, "--json", "--committee", "nære", "--limit", "5"], None),
        ("corpus/case-EMN-2024-01240.json", [SEARCHER, "--db", db, "--json", "--case", "EMN-2024-01240"], None),
        ("corpus/case-EMN-2024-01240.txt", [SEARCHER, "--db", db, "--case", "EMN-2024-01240"], None),
        ("corpus/show-item.txt", [SEARCHER, "--db", db, "--show", "000_95b85b1cae4d3646.txt:3"], None),
        ("corpus/similar.json", [SEARCHER, "--db", db, "--json", "--similar", "000_95b85b1cae4d3646.txt:3"], None),
    ]
    for name, cmd, _ in cases:
        r = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=work)
        check(r.returncode in (0, 1), f"{name}: ran (exit {r.returncode}: {r.stderr.strip()[:200]})")
        compare(name, r.stdout)

    if not os.path.isdir(REALDOCS):
        print(f"   SKIPPED real documents: {REALDOCS} is absent")
    else:
        for folder, _, files in sorted(os.walk(REALDOCS)):
            for f in sorted(files):
                if f == "README.md":
                    continue
                path = os.path.join(folder, f)
                r = subprocess.run([INDEXER, "--dry-run", "--json", path], capture_output=True, text=True, env=env)
                compare(os.path.join("realdocs", f + ".jsonl"), r.stdout)
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
