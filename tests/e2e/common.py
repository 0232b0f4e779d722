"""Helpers for the end-to-end tests: they run the real binaries in
temporary folders and check exit statuses and output."""
import json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request, urllib.error

INDEXER = os.environ["INDEXER"]
SEARCHER = os.environ["SEARCHER"]
SOURCE = os.environ["SOURCE_DIR"]
CORPUS = os.path.join(SOURCE, "corpus")
SEEDS = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
failures = []


def run(*args, timeout=300, env=None, **kw):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout, env=e, **kw)


def check(cond, what):
    print(("ok     " if cond else "FAILED ") + what, flush=True)
    if not cond:
        failures.append(what)


def tmpdir():
    d = tempfile.mkdtemp(prefix="sagsoeg-e2e-")
    return d


def copy_corpus(dest):
    os.makedirs(dest, exist_ok=True)
    for f in os.listdir(CORPUS):
        shutil.copy(os.path.join(CORPUS, f), dest)
    return dest


def search_json(db, *args):
    r = run(SEARCHER, "--db", db, "--json", *args)
    return r.returncode, (json.loads(r.stdout) if r.stdout.strip().startswith(("{", "[")) else None), r.stderr


def q_terms(db):
    """All unique item IDs (Q terms) of a database."""
    r = run("xapian-delve", "-a", "-1", db)
    return sorted(t for t in r.stdout.split() if t.startswith("Q"))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def http(method, url, timeout=10):
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


def raw_request(base, text, timeout=10):
    """Sends raw bytes (any method, any header) and returns (status, headers, body)."""
    host, port = base.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        s.sendall(text.encode("latin-1"))
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            headers = {}
            for line in head.decode("latin-1").split("\r\n")[1:]:
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            length = int(headers.get("content-length", 0))
            while len(body) < length:
                chunk = s.recv(65536)
                if not chunk:
                    break
                body += chunk
        except socket.timeout:
            return 0, {}, ""
    status = int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else 0
    return status, headers, body.decode("utf-8", "replace")


def start_server(db, *extra, stderr=subprocess.DEVNULL):
    """Starts `searcher --serve` on a free loopback port; returns (process, base URL).
    `stderr` may be a file to keep the access log."""
    port = free_port()
    proc = subprocess.Popen([SEARCHER, "--db", db, "--serve", "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=stderr)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if http("GET", base + "/health")[0] in (200, 503):  # listening (503: index not usable yet)
                break
        except OSError:
            pass
        time.sleep(0.1)
    return proc, base


def finish():
    print(f"{len(failures)} failed" if failures else "all checks passed")
    for f in failures:
        print("  FAILED:", f)
    sys.exit(1 if failures else 0)
