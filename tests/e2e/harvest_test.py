"""The harvester (issue 26) against a replayed FirstAgenda portal on
127.0.0.1: every public meeting stored once under a readable path and
indexed with its public page as the link; attachments of public items only;
a second run fetches nothing; a re-published meeting replaces its copy (an
item closed later is withdrawn); each bad answer is a named error that
keeps what was stored; the rate limit, robots.txt and the User-Agent hold;
a killed run resumes without fetching again."""
import json, os, shutil, signal, subprocess, time
from common import *
from portal_replay import Portal, item, meeting, section, serve

HARVESTER = os.environ["HARVESTER"]
def tiny_pdf(text):
    """A one-page PDF holding `text` (no agenda structure: an attachment)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def body(resume, decision=None):
    html = "<div><div id='sagsfremstillingContainer'>"
    if decision:
        html += f"<div><h3>Beslutning</h3><span>{decision}</span></div>"
    html += "<h3>Fremstilling</h3><span class='ukendt'><div> " + section("Resume", resume)
    html += section("Indstilling", "Forvaltningen indstiller, at sagen godkendes.") + "</div></span></div></div>"
    return html


def build_portal():
    p = Portal()
    n = 0
    for group, committees in (("Aktuelle politiske udvalg", [("Teknik- og Miljøudvalget", "c-tmu"),
                                                             ("Økonomiudvalget", "c-oek")]),
                              ("Tidligere udvalg", [("Byråd 2018-2021", "c-byr")])):
        for name, cid in committees:
            for year in (2021, 2022, 2023):
                n += 1
                mid = f"m{n:03d}-{cid}"
                items = [item(1, "Godkendelse af dagsorden", body("Dagsordenen godkendes.")),
                         item(2, f"Cykelsti ved skole nummer {n}", body(f"Planlægning af cykelsti{n}projektet ved skolen."),
                              bilag=[(f"b{n}-1", f"Kort over cykelsti {n}")]),
                         item(3, "Lukket: Køb af ejendom", body(f"Hemmeligpris{n} for ejendommen."),
                              bilag=[(f"b{n}-closed", "Vurdering")])]
                p.add(group, name, cid, meeting(mid, name, cid, f"{year}-0{3 + n % 6}-1{n % 9}T16:00:00+01:00", items))
                p.attachments[f"b{n}-1"] = tiny_pdf(f"Kortbilag{n} over cykelstien ved skolen")
                p.attachments[f"b{n}-closed"] = tiny_pdf(f"Vurderingsbilag{n} hemmelig")
    return p


def harvest(out, base, *extra, timeout=300):
    return run(HARVESTER, "--out", out, "--rate", "20", *extra, base, timeout=timeout)


work = tmpdir()
server = None
try:
    portal = build_portal()
    server, base = serve(portal)
    out = os.path.join(work, "harvest")
    host = base.split("//")[1].replace(":", "_")  # "127.0.0.1_PORT"

    # The first run: every meeting since 2022, with attachments.
    r = harvest(out, base, "--since", "2022-01-01", "--attachments")
    check(r.returncode == 0, f"first harvest: exit 0 ({r.stderr.strip()[-300:]})")
    stored = sorted(os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out) for f in fs
                    if f.endswith(".json") and not f.startswith("."))
    check(len(stored) == 6, f"the 6 meetings since 2022 stored ({len(stored)})")
    check(all(s.startswith(host + "/") and s.count("/") == 2 for s in stored),
          f"under portal/committee/date_id.json: {stored[:2]}")
    check(any("/Økonomiudvalget/" in s for s in stored) and any("/Byråd_2018-2021/" in s for s in stored),
          "committees of every group, with readable folder names")
    manifest = open(os.path.join(out, os.path.dirname(stored[0]), "manifest.tsv"), encoding="utf-8").read()
    check(f"{base}/vis?id=" in manifest, "each folder's manifest gives the meetings' public pages")
    closed_requests = [e for e in portal.log if "closed" in e[1]]
    check(not closed_requests, "a closed item's attachment is never requested")
    pdfs = [f for d, _, fs in os.walk(out) for f in fs if f.endswith(".pdf")]
    check(len(pdfs) == 6, f"the public items' attachments stored as PDFs ({len(pdfs)})")
    agents = {e[2] for e in portal.log}
    check(all("sagsoeg-harvester" in a for a in agents), f"every request says who it is: {agents}")
    check(portal.log[0][1] == "/robots.txt", "robots.txt is read first")

    # Indexed: items link to the meeting page; attachments searchable and linked.
    db = os.path.join(work, "db")
    ix = run(INDEXER, "--db", db, "--quiet", out)
    check(ix.returncode == 0, f"indexer reads the harvest ({ix.stderr.strip()[-300:]})")
    code, o, _ = search_json(db, "cykelsti5projektet")
    hit = o["results"][0] if o.get("results") else {}
    check(code == 0 and hit.get("url", "").startswith(base + "/vis?id=m005"), f"a result links to its meeting page: {hit.get('url')}")
    check(hit.get("organisation") in ("127.0.0.1", None) or hit.get("organisation"), "the organisation is set")
    shown = json.loads(run(SEARCHER, "--db", db, "--json", "--show", hit.get("id", "x")).stdout or "{}")
    links = [a["url"] for a in shown.get("attachment_links", [])]
    check(links and all(l.startswith(base + "/vis/pdf/bilag/") for l in links), f"attachment links are whole addresses: {links}")
    code, o, _ = search_json(db, "hemmeligpris5")
    check(code == 1, "the closed item's text is not indexed")
    code, o, _ = search_json(db, "--kind", "bilag", "--limit", "50", "")
    check(o.get("total", 0) >= 6 and all(r["url"].startswith(base + "/vis/pdf/bilag/") for r in o["results"]),
          "attachments are indexed as bilag, each linking to its page")

    # A second run fetches nothing unchanged.
    before = len(portal.log)
    r = harvest(out, base, "--since", "2022-01-01", "--attachments")
    again = [e[1] for e in portal.log[before:]]
    check(r.returncode == 3, f"second run: exit 3, nothing new ({r.returncode})")
    check(again == ["/robots.txt", "/api/agenda/udvalgsliste"], f"second run: only robots.txt and the list ({again[:5]})")

    # Re-published: minutes replace the agenda, item 2 closed since.
    m5 = portal.meetings["m005-c-oek"]
    m5["Moede"]["Navn"] = "Referat"
    m5["Dagsordenpunkter"][1]["Caption"] = "Lukket: Cykelsti ved skole nummer 5"
    m5["Dagsordenpunkter"][0]["Felter"][0]["Html"] = body("Dagsordenen godkendes.", "Godkendt.")
    portal.listing["m005-c-oek"] = {"ReleasedDate": "2022-06-01T12:00:00"}
    before = len(portal.log)
    r = harvest(out, base, "--since", "2022-01-01")
    fetched = [e[1] for e in portal.log[before:] if e[1].startswith("/api/agenda/dagsorden/")]
    check(r.returncode == 0 and fetched == ["/api/agenda/dagsorden/m005-c-oek"] and "1 changed" in r.stderr,
          f"a re-published meeting alone is fetched again ({fetched}, {r.stderr.strip()[-200:]})")
    ix = run(INDEXER, "--db", db, out)
    code, o, _ = search_json(db, "cykelsti5projektet")
    check(code == 1, f"an item closed in the re-publication is withdrawn from the index "
                     f"({[(r['id'], r['access']) for r in o.get('results', [])]}; {ix.stderr.strip()[-300:]})")

    # ETag: the listing entry changes, the meeting does not -> 304, nothing stored.
    portal.etags.add("m006-c-oek")
    portal.listing["m006-c-oek"] = {"Note": "a"}
    harvest(out, base, "--since", "2022-01-01")
    portal.listing["m006-c-oek"] = {"Note": "b"}
    before = len(portal.log)
    r = harvest(out, base, "--since", "2022-01-01")
    statuses = [e[3] for e in portal.log[before:] if e[1] == "/api/agenda/dagsorden/m006-c-oek"]
    check(statuses == [304] and r.returncode == 3, f"a conditional request answered 304 stores nothing ({statuses}, exit {r.returncode})")

    # Bad answers: each named, the rest stored, nothing stored earlier lost.
    kept = {s: open(os.path.join(out, s), "rb").read() for s in stored}
    bad = {"m004-c-oek": "html", "m005-c-oek": "truncate", "m006-c-oek": "404", "m007-c-byr": "loop",
           "m008-c-byr": "huge", "m009-c-byr": "drip"}
    for mid, kind in bad.items():
        portal.failures[f"/api/agenda/dagsorden/{mid}"] = kind
        portal.listing[mid] = {"ReleasedDate": "2023-12-01T00:00:00"}  # so each is fetched again
    portal.failures["/api/agenda/dagsorden/m001-c-tmu"] = "503x2"
    portal.listing["m001-c-tmu"] = {"ReleasedDate": "2023-12-01T00:00:00"}
    t0 = time.time()
    r = harvest(out, base, "--max-mb", "1", "--timeout", "4")
    took = time.time() - t0
    err = r.stderr
    check(r.returncode == 1, f"bad answers: exit 1 ({r.returncode})")
    for mid, words in (("m004", "HTML"), ("m005", "truncated"), ("m006", "404"), ("m007", "redirect"),
                       ("m008", "larger than"), ("m009", "timed out")):
        line = next((l for l in err.splitlines() if f"vis?id={mid}" in l), err[-300:])
        check(words in line, f"{mid}: a named error ({line.strip()[:160]})")
    check(all(open(os.path.join(out, s), "rb").read() == kept[s] for s in stored),
          "every meeting stored earlier is byte for byte as it was")
    check(os.path.exists(os.path.join(out, host, "Teknik-_og_Miljøudvalget")) and "m001" not in err,
          "a 503 twice, then an answer: retried and stored")
    check(took < 60, f"a slow-drip server is cut off ({took:.1f} s for the run)")
    check(not any(f.endswith(tuple(".part%d" % i for i in range(1))) or ".part" in f
                  for d, _, fs in os.walk(out) for f in fs), "no temporary files left behind")

    # Rate: never faster than asked.
    portal.failures.clear()
    out2 = os.path.join(work, "rated")
    before = len(portal.log)
    r = run(HARVESTER, "--out", out2, "--rate", "4", base, timeout=120)
    times = [e[0] for e in portal.log[before:]]
    gaps = [b - a for a, b in zip(times, times[1:])]
    check(r.returncode == 0 and len(times) > 5 and min(gaps) >= 0.24,
          f"--rate 4: at least 0.25 s between requests (smallest gap {min(gaps):.3f} s over {len(times)} requests)")

    # robots.txt is obeyed.
    portal.robots = "User-agent: *\nDisallow: /api/agenda/dagsorden/m002\n"
    out3 = os.path.join(work, "robots")
    before = len(portal.log)
    r = harvest(out3, base)
    check(not any(e[1].startswith("/api/agenda/dagsorden/m002") for e in portal.log[before:]) and "robots.txt" in r.stderr,
          "a path robots.txt disallows is not requested, and the meeting is named")
    portal.robots = "User-agent: *\nAllow: /\n"

    # Killed midway, then resumed: nothing fetched twice.
    out4 = os.path.join(work, "resumed")
    before = len(portal.log)
    p = subprocess.Popen([HARVESTER, "--out", out4, "--rate", "3", base], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(2.5)
    p.send_signal(signal.SIGKILL)
    p.wait()
    first = [e[1] for e in portal.log[before:] if e[1].startswith("/api/agenda/dagsorden/")]
    r = harvest(out4, base)
    both = [e[1] for e in portal.log[before:] if e[1].startswith("/api/agenda/dagsorden/")]
    twice = {x for x in both if both.count(x) > 1}
    check(0 < len(first) < 9 and r.returncode == 0 and len(set(both)) == 9 and len(twice) <= 1,
          f"resumed after kill -9: {len(first)} fetched before, all 9 after, at most the interrupted one twice "
          f"({twice}; exit {r.returncode}: {r.stderr.strip()[-200:]})")
finally:
    if server:
        server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
finish()
