"""A FirstAgenda publication portal replayed on 127.0.0.1 for the harvester
tests: the committee list and meetings in the portal's own JSON shapes (as
in ../shared/realdocs/firstagenda-api/), attachments as PDFs, robots.txt,
ETags, and every misbehaviour a harvester must survive, switched on per
path. Every request is logged with its time and User-Agent."""
import copy, http.server, json, socketserver, threading, time, uuid


def item(number, caption, html, bilag=()):
    """One agenda item as the portal serves it (Dagsordenpunkter[])."""
    return {
        "Lydfiler": None, "Ressourcer": None,
        "Felter": [{"Navn": "", "Html": html, "Tekst": None, "Id": "00000000-0000-0000-0000-000000000000"}],
        "Presentations": None, "ItemDecision": None, "SagsNummer": f"22-{number:06d}", "Navn": caption,
        "Punktnummer": str(number),
        "Bilag": [{"HarPdfVersion": "true", "Order": i, "Navn": name, "Id": bid} for i, (bid, name) in enumerate(bilag)],
        "Documents": None, "Id": str(uuid.uuid5(uuid.NAMESPACE_URL, caption)),
        "IntegrationUid": "00000000-0000-0000-0000-000000000000", "CorporationUid": "00000000-0000-0000-0000-000000000000",
        "AgendaUid": "", "Number": str(number), "Sorting": number, "IsOpen": False, "CaseNumber": f"22-{number:06d}",
        "SourceId": None, "Caption": caption, "CasePresentationUid": None, "ExternalAgendaItemAttendees": [],
    }


def section(heading, text):
    return f"<h3><span>{heading}</span></h3> <div>{text}</div> "


def meeting(mid, committee, committee_id, when, items, name="Dagsorden"):
    """One meeting's agenda (name "Dagsorden") or minutes ("Referat")."""
    for it in items:
        it["AgendaUid"] = mid
    return {
        "Dagsordenpunkter": items,
        "Udvalg": {"Id": committee_id, "Navn": committee, "Historisk": False},
        "Moede": {"Id": "00000000-0000-0000-0000-000000000000", "MeetingBeginUtc": when, "MeetingEndUtc": None,
                  "ReleasedDate": None, "Dato": when, "Sted": "Rådhuset", "Afsluttet": name == "Referat",
                  "Moededeltagere": [], "Navn": name, "Description": "", "ElasticSearchResults": None,
                  "IsSupplementaryAgenda": False},
        "TillaegsDagsorden": False, "Id": mid, "Lydfiler": None,
    }


class Portal:
    """The portal's state: committees -> meetings, attachments, failures."""

    def __init__(self):
        self.groups = {}  # group name -> [committee dicts]
        self.meetings = {}  # id -> meeting JSON
        self.listing = {}  # id -> extra listing fields (changing them is a re-publication)
        self.attachments = {}  # bilag id -> bytes
        self.robots = "User-agent: *\nAllow: /\n"
        self.etags = set()  # meeting ids served with an ETag
        self.failures = {}  # path -> kind ("html", "truncate", "404", "loop", "huge", "drip", "503x2", "429", "500")
        self.counts = {}
        self.log = []  # (time, path, user agent, status)
        self.lock = threading.Lock()

    def add(self, group, committee, committee_id, m):
        comms = self.groups.setdefault(group, [])
        c = next((c for c in comms if c["Id"] == committee_id), None)
        if c is None:
            c = {"Navn": committee, "Id": committee_id, "Moeder": []}
            comms.append(c)
        c["Moeder"].append({"Id": m["Id"], "Dato": m["Moede"]["Dato"]})
        self.meetings[m["Id"]] = m

    def committee_list(self):
        groups = copy.deepcopy(self.groups)
        for comms in groups.values():
            for c in comms:
                for entry in c["Moeder"]:
                    entry.update(self.listing.get(entry["Id"], {}))
        return {"Udvalg": groups}

    def requests_to(self, prefix):
        return [entry for entry in self.log if entry[1].startswith(prefix)]


def serve(portal):
    """Starts the replay; returns (server, base URL)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, body, ctype="application/json; charset=utf-8", headers=()):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = self.path
            entry = [time.time(), path, self.headers.get("User-Agent", ""), 0]
            with portal.lock:
                portal.log.append(entry)  # at arrival: the test may look as soon as the answer is sent
            with portal.lock:
                portal.counts[path] = portal.counts.get(path, 0) + 1
                n = portal.counts[path]
                failure = portal.failures.get(path)
            status = 200
            try:
                if failure == "html":
                    return self.send(200, b"<!DOCTYPE html><html><body>Log ind</body></html>", "text/html")
                if failure == "truncate":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    self.wfile.write(b'{"Dagsordenpunkter": [{"Caption": "halv')
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                if failure == "404":
                    status = 404
                    return self.send(404, b'{"Message": "not found"}')
                if failure == "loop":
                    status = 302
                    self.send_response(302)
                    self.send_header("Location", path)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if failure == "huge":
                    return self.send(200, b'{"x": "' + b"a" * (3 << 20) + b'"}')
                if failure == "drip":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "1000")
                    self.end_headers()
                    for _ in range(60):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(1)
                    return
                if failure in ("503x2", "429") and n <= 2:
                    status = 503 if failure == "503x2" else 429
                    return self.send(status, b'{"Message": "busy"}', headers=[("Retry-After", "1")])
                if failure == "500":
                    status = 500
                    return self.send(500, b'{"Message": "error"}')
                if path == "/robots.txt":
                    return self.send(200, portal.robots.encode(), "text/plain")
                if path == "/api/agenda/udvalgsliste":
                    return self.send(200, json.dumps(portal.committee_list(), ensure_ascii=False).encode())
                if path.startswith("/api/agenda/dagsorden/"):
                    mid = path.rsplit("/", 1)[1]
                    if mid not in portal.meetings:
                        status = 404
                        return self.send(404, b'{"Message": "not found"}')
                    body = json.dumps(portal.meetings[mid], ensure_ascii=False).encode()
                    if mid in portal.etags:
                        tag = '"%x"' % (hash(body) & 0xffffffff)
                        if self.headers.get("If-None-Match") == tag:
                            status = 304
                            self.send_response(304)
                            self.send_header("ETag", tag)
                            self.send_header("Content-Length", "0")
                            self.end_headers()
                            return
                        return self.send(200, body, headers=[("ETag", tag)])
                    return self.send(200, body)
                if path.startswith("/vis/pdf/bilag/"):
                    bid = path[len("/vis/pdf/bilag/"):].split("/")[0]
                    if bid in portal.attachments:
                        return self.send(200, portal.attachments[bid], "application/pdf")
                status = 404
                return self.send(404, b"not found", "text/plain")
            finally:
                entry[3] = status

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True
        allow_reuse_address = True

        def handle_error(self, request, client_address):
            pass  # a client that hangs up (the harvester cutting a slow drip) is expected

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
