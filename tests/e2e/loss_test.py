"""Nothing is lost in silence: a file read in a known format that yields no
item is a named warning, a file that leaves much of its text outside every
item is named with the share that reached one, and every file no reader can
use -- an unknown XML schema, a JSON that is no agenda, an unsupported
extension -- is named alike as unsupported (exit status 0: they are not our
failures). --dry-run says the same per file."""
import os, shutil
from common import *

work = tmpdir()
try:
    docs = os.path.join(work, "docs")
    os.makedirs(docs)

    def write(name, text):
        with open(os.path.join(docs, name), "w", encoding="utf-8") as f:
            f.write(text)

    # An SBSYS publication whose agenda holds no item.
    write("empty-publication.xml", "<?xml version=\"1.0\"?><Publication><Agendas><Agenda ID=\"1\">"
          "<Meeting><When>04-03-2025 15:00:00</When></Meeting><Committee><Name>Klimaudvalget</Name></Committee>"
          "<Items></Items></Agenda></Agendas></Publication>")
    # A FirstAgenda page with one row and a long text outside it.
    outside = " ".join(f"Udenforliggende{i}" for i in range(200))
    write("page.html", "<html><body><h1>Referat 4. marts 2025</h1><p>Udvalg: Klimaudvalget</p>"
          f"<div><p>{outside}</p></div><table><tbody><tr class=\"punktrow\"><td><span class=\"label\">1</span></td>"
          "<td><button><h2 class=\"overskrift\">Godkendelse af dagsorden</h2></button><div class=\"punkt\">"
          "<div id=\"sagsfremstillingContainer\"><h3>Beslutninger</h3><span>Godkendt.</span></div></div></td></tr>"
          "</tbody></table></body></html>")
    write("invoice.xml", "<?xml version=\"1.0\"?><invoice><total>12</total></invoice>")
    write("orders.json", "{\"orders\": [1, 2, 3]}")
    write("sheet.csv", "a,b\n1,2\n")
    write("minutes.txt", "Referat fra møde i Klimaudvalget den 4. marts 2025\n\n"
          "1. Beslutning: Godkendelse af dagsorden\n\nBeslutning: Godkendt.\n")

    db = os.path.join(work, "db")
    r = run(INDEXER, "--db", db, docs)
    err = r.stderr
    check(r.returncode == 0, f"exit 0 when only unsupported and empty-handed files are named ({r.returncode})")
    check("empty-publication.xml: a sbsys-xml document without a single agenda item" in err,
          "a known format without items is a named warning")
    check("read but without a single agenda item: " in err and "empty-publication.xml" in err.split("read but without")[1],
          "the summary names it again")
    check("much of their text reached no item:" in err and "page.html (" in err.split("reached no item:")[1],
          "the summary names the page that left most of its text outside any item, with the share")
    for name, what in [("invoice.xml", "XML of an unknown schema (root element <invoice>)"),
                       ("orders.json", "JSON that is not a FirstAgenda agenda"),
                       ("sheet.csv", "unsupported file type .csv")]:
        check(f"{name}: unsupported" in err and what in err, f"{name} is named as unsupported with what it is")
    check("unsupported, skipped:" in err and all(n in err.split("unsupported, skipped:")[1] for n in
                                                 ("invoice.xml", "orders.json", "sheet.csv")),
          "the summary lists the unsupported files alike")
    check("minutes.txt" not in err, "a file that reads fully is not named")

    d = run(INDEXER, "--dry-run", docs)
    check("page.html: html, 1 items (1 public, 0 closed)" in d.stderr and "warning: much of its text" in d.stderr,
          "--dry-run shows each file's items and coverage and flags the low one")
    check("empty-publication.xml: sbsys-xml, 0 items" in d.stderr and "warning: no agenda item" in d.stderr,
          "--dry-run flags the file without items")
    check("minutes.txt: text, 1 items (1 public, 0 closed), 100 % of its words reach an item" in d.stderr,
          "--dry-run reports a complete file plainly")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
