"""One meeting, one set of items: the same meeting published twice (an
agenda and its minutes, an earlier and a later export) is served once, from
the newest publication; an item a later publication closes is withdrawn with
the earlier public copy; another meeting of the same committee on the same
day stays apart; and when the newer publication goes, the earlier one is
served again from the next run on."""
import os, shutil
from common import *

work = tmpdir()
try:
    docs = os.path.join(work, "docs")
    os.makedirs(docs)
    db = os.path.join(work, "db")

    def write(name, text, mtime):
        path = os.path.join(docs, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        os.utime(path, (mtime, mtime))

    def items(*words):
        r = run(SEARCHER, "--db", db, "--json", "--limit", "50", "--include-confidential", *words)
        return sorted((h["id"], h["access"]) for h in json.loads(r.stdout)["results"])

    head = "{kind} fra møde i Klimaudvalget den 4. marts 2025\n\n"
    body = ("1. Beslutning: Godkendelse af dagsorden\n\nSagsfremstilling\nDagsordenen.\n\n"
            "2. Beslutning: Salg af grund ved havnen\n\nSagsfremstilling\nGrunden sælges til kanarieudvikling.\n\n"
            "3. Beslutning: Cykelstier\n\nSagsfremstilling\nNye cykelstier.\n\n")
    write("dagsorden.txt", head.format(kind="Dagsorden") + body, 1_700_000_000)
    # The minutes, older on disk, close item 2: minutes are served before an agenda.
    write("referat.txt", head.format(kind="Referat") +
          body.replace("2. Beslutning: Salg af grund ved havnen\n\nSagsfremstilling\nGrunden sælges til kanarieudvikling.",
                       "2. Lukket: Salg af grund ved havnen\n\nSagsfremstilling\nGrunden sælges til kanarieudvikling.")
          .replace("Nye cykelstier.", "Nye cykelstier.\n\nBeslutning\nGodkendt."), 1_600_000_000)
    # Another meeting of the committee that day, with other items.
    write("ekstra.txt", "Referat fra ekstraordinært møde i Klimaudvalget den 4. marts 2025\n\n"
          "1. Beslutning: Budget for vinterberedskab\n\nSagsfremstilling\nSaltlager.\n\nBeslutning\nGodkendt.\n",
          1_700_000_000)
    r = run(INDEXER, "--db", db, docs)
    check(r.returncode == 0, f"indexed ({r.returncode}) {r.stderr[-300:]}")
    check("superseded by a newer publication of the same meeting" in r.stderr and "dagsorden.txt" in r.stderr,
          "the summary names the agenda the minutes supersede")
    check(items("kanarieudvikling") == [], "the agenda's public copy of the item the minutes close is withdrawn")
    check(items("cykelstier") == [("referat.txt:3", "public")], "item 3 appears once, from the minutes")
    check(items("saltlager") == [("ekstra.txt:1", "public")], "the extraordinary meeting the same day stays apart")

    # A later export of the minutes that reopens nothing and closes item 3.
    write("referat-v2.txt", head.format(kind="Referat") + body.replace(
        "3. Beslutning: Cykelstier", "3. Lukket: Cykelstier").replace(
        "2. Beslutning: Salg af grund", "2. Lukket: Salg af grund"), 1_800_000_000)
    r = run(INDEXER, "--db", db, docs)
    check(items("cykelstier") == [], "a later export that closes an item withdraws the earlier public copy")
    check(items("dagsordenen") == [("referat-v2.txt:1", "public")], "no item appears twice: the newest export serves")

    # The newest goes: the earlier minutes are served again from the next run.
    os.remove(os.path.join(docs, "referat-v2.txt"))
    r = run(INDEXER, "--db", db, docs)
    check("read on the next run" in r.stderr and "referat.txt" in r.stderr.split("read on the next run")[1],
          "the summary says which publication is read again")
    r = run(INDEXER, "--db", db, docs)
    check(items("cykelstier") == [("referat.txt:3", "public")], "the earlier minutes are served again")
    check(items("kanarieudvikling") == [], "and the agenda stays superseded by them")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
