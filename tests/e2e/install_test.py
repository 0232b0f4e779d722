"""Installing (issue 24): `cmake --install` puts the programs, README,
manual pages, settings example and systemd units in place; the units pass
systemd's own check; the server runs from the settings file alone."""
import os, shutil, subprocess
from common import *

BUILD = os.path.dirname(os.path.dirname(INDEXER))
work = tmpdir()
server = None
try:
    prefix = os.path.join(work, "prefix")
    r = run("cmake", "--install", BUILD, "--prefix", prefix)
    check(r.returncode == 0, f"cmake --install succeeds ({r.stderr.strip()[:200]})")
    for f in ("bin/indexer", "bin/searcher", "share/doc/sagsoeg/README.md", "share/doc/sagsoeg/examples/default-sagsoeg",
              "lib/systemd/system/sagsoeg-searcher.service", "lib/systemd/system/sagsoeg-indexer.service",
              "lib/systemd/system/sagsoeg-indexer.timer", "lib/systemd/system/sagsoeg-harvester.service",
              "bin/harvester"):
        check(os.path.exists(os.path.join(prefix, f)), f"installed: {f}")
    if shutil.which("help2man"):
        check(os.path.exists(os.path.join(prefix, "share/man/man1/searcher.1")), "installed: searcher.1")
    r = run(os.path.join(prefix, "bin/searcher"), "--version")
    check(r.returncode == 0 and "searcher" in r.stdout, "the installed searcher runs")

    units = os.path.join(work, "units")
    os.makedirs(units)
    for name in os.listdir(os.path.join(prefix, "lib/systemd/system")):
        text = open(os.path.join(prefix, "lib/systemd/system", name)).read()
        bindir = [l for l in text.splitlines() if l.startswith("ExecStart=")]
        if bindir:
            configured = bindir[0].split("=", 1)[1].split()[0].rsplit("/", 1)[0]
            text = text.replace(configured, os.path.join(prefix, "bin"))
        open(os.path.join(units, name), "w").write(text)
        check("DynamicUser=yes" in text or name.endswith(".timer"), f"{name}: a dynamic user")
        check("ProtectSystem=strict" in text or name.endswith(".timer"), f"{name}: the system read-only")
    if shutil.which("systemd-analyze"):
        r = run("systemd-analyze", "verify", *sorted(os.path.join(units, n) for n in os.listdir(units)))
        check(r.returncode == 0 and r.stderr.strip() == "", f"systemd-analyze verify: no complaints ({r.stderr.strip()[:300]})")
    else:
        print("   systemd-analyze not installed: units not verified")

    # The server from the settings file alone, as the unit starts it.
    db = os.path.join(work, "db")
    run(INDEXER, "--db", db, "--quiet", copy_corpus(os.path.join(work, "corpus")), check=True)
    port = free_port()
    env = dict(os.environ)
    settings = open(os.path.join(prefix, "share/doc/sagsoeg/examples/default-sagsoeg")).read()
    for line in settings.splitlines():
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            env[k] = v
    env.update(SAGSOEG_DB=db, SAGSOEG_PORT=str(port))
    server = subprocess.Popen([os.path.join(prefix, "bin/searcher"), "--serve"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    st = 0
    for _ in range(50):
        try:
            st = http("GET", base + "/health")[0]
            break
        except OSError:
            time.sleep(0.1)
    check(st == 200, "searcher --serve takes its database, address and port from the environment")
finally:
    if server:
        server.terminate()
        server.wait(10)
    shutil.rmtree(work, ignore_errors=True)
finish()
