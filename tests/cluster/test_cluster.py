"""Issue 17's cluster test: PostgreSQL primary + streaming replica, two instances, nginx in front, all
from deploy/ (see conftest.py), started once. The tests run in file order; the failover test stops
instance A, so it comes after everything that needs both, and the last test checks that every file
in deploy/ was used.
"""

from __future__ import annotations

import datetime
import os
import shlex
import zipfile
import json
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
import uuid
import warnings
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

MIDWIFE = "professional@zeist.demo"
JGZ = "jgz@zeist.demo"
COORDINATOR = "coordinator@zeist.demo"
POLICY = "policy@zeist.demo"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def describe(response: requests.Response) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text or "")).strip()
    return f"{response.request.method} {response.url} -> {response.status_code}: {text[:300]!r}"


def csrf_of(html: str) -> str:
    match = re.search(r'<input[^>]*\bname="csrf"[^>]*\bvalue="([^"]+)"|<input[^>]*\bvalue="([^"]+)"[^>]*\bname="csrf"', html)
    assert match, "no csrf field in the page"
    return match.group(1) or match.group(2)


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def metric_sum(text: str, name: str, **labels: str) -> float:
    """Sum of the samples of ``name`` whose labels include ``labels`` (Prometheus text format)."""
    total = 0.0
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        match = re.match(rf"^{re.escape(name)}(?:\{{(.*)\}})?\s+(\S+)", line)
        if not match:
            continue
        found = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', match.group(1) or ""))
        if all(found.get(k) == v for k, v in labels.items()):
            total += float(match.group(2))
    return total


# --- the files in deploy/ are sound --------------------------------------------------------------

def test_systemd_units_pass_systemd_analyze_verify(cluster, tmp_path: Path):
    tool = shutil.which("systemd-analyze")
    assert tool, "systemd-analyze is missing (scripts/test cluster installs systemd)"
    folder = tmp_path / "units"
    folder.mkdir()
    for name in cluster.units:
        text = cluster.deploy.text(f"systemd/{name}").replace("/opt/kansrijk/bin/kansrijk", str(cluster.binary))
        (folder / name).write_text(text, encoding="utf-8")
    # a template is verified through one of its instances
    shutil.copy(folder / "kansrijk@.service", folder / "kansrijk@1.service")
    targets = [str(folder / n) for n in ("kansrijk@1.service", "kansrijk-migrate.service",
                                          "kansrijk-audit-anchor.service", "kansrijk-audit-anchor.timer",
                                          "kansrijk-backup.service", "kansrijk-backup.timer")]
    result = subprocess.run([tool, "verify", *targets], capture_output=True, text=True, timeout=60)
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and not output, f"systemd-analyze verify ({result.returncode}):\n{output}"

    # every service reads the one environment file and runs in the state folder, as the kansrijk user
    for name, unit in cluster.units.items():
        if name.endswith(".service"):
            assert unit.one("Service", "EnvironmentFile") == "/etc/kansrijk/kansrijk.env", name
            assert unit.one("Service", "WorkingDirectory") == "/var/lib/kansrijk", name
            assert unit.one("Service", "User") == "kansrijk", name
            assert unit.one("Service", "NoNewPrivileges") == "yes" and unit.one("Service", "ProtectSystem") == "strict", name
    # what the instances rely on
    template = cluster.units["kansrijk@.service"]
    assert "kansrijk-migrate.service" in template.one("Unit", "Requires")
    assert "kansrijk-migrate.service" in template.one("Unit", "After")
    assert template.one("Service", "Restart") == "on-failure"
    assert template.one("Service", "User") == "kansrijk"
    assert cluster.units["kansrijk-audit-anchor.timer"].one("Timer", "OnCalendar")


def test_postgresql_scripts_are_valid_bash(cluster):
    for name in ("common.sh", "primary.sh", "replica.sh", "check-replication.sh"):
        path = cluster.deploy.path(f"postgresql/{name}")
        result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"bash -n {name}: {result.stderr}"
    for name in ("primary.sh", "replica.sh", "check-replication.sh"):
        assert (cluster.deploy.path(f"postgresql/{name}").stat().st_mode & 0o111), f"deploy/postgresql/{name} is not executable"


def test_nginx_accepts_the_site_without_warnings(cluster):
    assert "syntax is ok" in cluster.nginx_test_output and "test is successful" in cluster.nginx_test_output
    assert "[warn]" not in cluster.nginx_test_output and "[emerg]" not in cluster.nginx_test_output, cluster.nginx_test_output


# --- PostgreSQL ----------------------------------------------------------------------------------

def test_the_replica_streams_from_the_primary(cluster):
    for node in (cluster.primary, cluster.replica):
        result = subprocess.run(
            (["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else [])
            + [str(cluster.deploy.path("postgresql/check-replication.sh"))],
            env=node.env(), cwd=node.socket_dir, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"check-replication.sh on the {node.name}:\n{result.stdout}\n{result.stderr}"
        assert "streaming" in result.stdout, result.stdout
    assert cluster.replica.sql("SELECT pg_is_in_recovery()") == "t"
    assert cluster.primary.sql("SELECT pg_is_in_recovery()") == "f"
    # the demo, loaded on the primary, is on the replica
    organisations = cluster.primary.sql("SELECT count(*) FROM organisations")
    deadline = time.monotonic() + 10
    while cluster.replica.sql("SELECT count(*) FROM organisations") != organisations and time.monotonic() < deadline:
        time.sleep(0.2)
    assert int(organisations) > 0 and cluster.replica.sql("SELECT count(*) FROM organisations") == organisations
    # the replica refuses writes
    refused = subprocess.run(
        (["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else [])
        + [str(cluster.replica.bin / "psql"), "--no-psqlrc", f"--host={cluster.replica.socket_dir}",
           f"--port={cluster.replica.port}", "--username=postgres", "--dbname=kansrijk",
           "--command=CREATE TABLE should_fail (id int)"],
        cwd=cluster.replica.socket_dir, capture_output=True, text=True, timeout=30)
    assert refused.returncode != 0 and "read-only" in refused.stderr


# --- nginx ---------------------------------------------------------------------------------------

SECURITY_HEADERS = ["Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                    "Content-Security-Policy", "Permissions-Policy"]


def header_count(response: requests.Response, name: str) -> int:
    return len(response.raw.headers.getlist(name)) if hasattr(response.raw.headers, "getlist") else int(name in response.headers)


def test_nginx_terminates_tls_redirects_http_and_sets_the_security_headers(cluster):
    page = requests.get(cluster.nginx_url + "/aanbod", verify=cluster.cert, timeout=20)
    assert page.status_code == 200, describe(page)
    for name in SECURITY_HEADERS:
        assert header_count(page, name) == 1, f"{name}: {page.raw.headers.getlist(name)} on /aanbod"
    assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "nginx/" not in page.headers.get("Server", ""), "nginx tells its version"

    # TLS 1.2 or newer, with the certificate made for the test
    context = ssl.create_default_context(cafile=cluster.cert)
    port = int(cluster.nginx_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            assert tls.version() in ("TLSv1.2", "TLSv1.3"), tls.version()
    old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    old.check_hostname, old.verify_mode = False, ssl.CERT_NONE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            old.minimum_version = ssl.TLSVersion.TLSv1
            old.maximum_version = ssl.TLSVersion.TLSv1_1
        old.set_ciphers("ALL:@SECLEVEL=0")
    except (ValueError, ssl.SSLError):
        old = None  # this OpenSSL cannot even offer TLS 1.1
    if old is not None:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            with pytest.raises(ssl.SSLError):
                old.wrap_socket(raw, server_hostname="127.0.0.1")

    # plain HTTP only redirects
    plain = requests.get(cluster.nginx_http_url + "/aanbod?q=x", allow_redirects=False, timeout=20)
    assert plain.status_code == 301 and plain.headers["Location"].startswith("https://"), describe(plain)
    assert plain.headers["Location"].endswith("/aanbod?q=x")

    # the metrics stay off the public address
    hidden = requests.get(cluster.nginx_url + "/metrics", verify=cluster.cert, timeout=20)
    assert hidden.status_code == 404

    # a stricter header the application sets is kept, not doubled (a mailed link's page)
    invitation = requests.get(cluster.nginx_url + "/uitnodiging/" + "x" * 43, verify=cluster.cert, timeout=20)
    assert header_count(invitation, "Referrer-Policy") == 1

    # both instances take requests
    for _ in range(10):
        assert requests.get(cluster.nginx_url + "/aanbod", verify=cluster.cert, timeout=20).status_code == 200
    upstreams = Counter(re.search(r"upstream=(\S+)", line).group(1) for line in cluster.access_log_lines()
                        if "upstream=127.0.0.1:" in line)
    for instance in cluster.instances.values():
        assert any(f":{instance.port}" in u for u in upstreams), f"{instance.name} got no request: {upstreams}"


def test_the_request_id_nginx_makes_comes_back_and_logs_are_json_lines(cluster):
    """Needs h5 (X-Request-Id, KANSRIJK_LOG_FORMAT=json from deploy/kansrijk.env)."""
    page = requests.get(cluster.nginx_url + "/aanbod?q=cluster-request-id", verify=cluster.cert, timeout=20)
    assert page.status_code == 200
    request_id = page.headers.get("X-Request-Id")
    assert request_id, "no X-Request-Id in the response"
    time.sleep(0.3)
    logged = [line for line in cluster.access_log_lines() if "cluster-request-id" in line]
    assert logged and f"id={request_id}" in logged[-1], f"nginx logged {logged[-1:]}, the response says {request_id}"
    assert cluster.base_env.get("KANSRIJK_LOG_FORMAT") == "json"
    lines = [line for i in cluster.instances.values() for line in i.log.read_text(errors="replace").splitlines()
             if line.startswith("{")]
    assert lines, "the instances wrote no JSON log lines"
    for line in lines:
        assert isinstance(json.loads(line), dict), line


# --- several instances behave as one ------------------------------------------------------------

def find_service(user, base: str, words: str) -> str:
    page = user.get(base, f"/aanbod?q={words}&gemeente=GM0355")
    assert page.status_code == 200, describe(page)
    match = re.search(rf'href="(/aanbod/{UUID})', page.text)
    assert match, f"no service found for {words!r}"
    return match.group(1)


def test_an_edit_through_a_is_found_through_b_within_2_seconds(cluster):
    """Needs h1 (cluster-wide reloads of the in-memory directory)."""
    a, b = cluster.a.url, cluster.b.url
    coordinator = cluster.sign_in(COORDINATOR)
    path = find_service(coordinator, a, "Weggeefwinkel")
    # B has the page as it was (and has read it, so anything it keeps in memory is warm)
    assert coordinator.get(b, path).status_code == 200

    edit = coordinator.get(a, path + "/bewerken")
    assert edit.status_code == 200, describe(edit)
    fields = cluster.form_fields(edit.text, path + "/bewerken")
    marker = f"Clustertest {uuid.uuid4().hex[:10]}"
    names = [n for n, _ in fields]
    assert "description" in names, f"the edit form has no description field: {names}"
    fields = [(n, (v.strip() + " " + marker).strip() if n == "description" else v) for n, v in fields]
    saved = coordinator.post(a, path + "/bewerken", fields)
    assert saved.status_code == 303, describe(saved)
    assert marker in coordinator.get(a, path).text, "A does not show its own edit"

    started = time.monotonic()
    seen_after = None
    while time.monotonic() - started < 5:
        if marker in coordinator.get(b, path).text:
            seen_after = time.monotonic() - started
            break
        time.sleep(0.05)
    assert seen_after is not None, "B does not show the edit made through A after 5 s"
    cluster.notes.append(f"edit through A seen through B after {seen_after:.2f} s")
    assert seen_after <= 2.0, f"B showed the edit after {seen_after:.2f} s (at most 2 s)"
    # and B's search finds it too
    found = coordinator.get(b, f"/aanbod?q={marker.split()[1]}&gemeente=GM0355")
    assert path in found.text, "B's search does not find the edited service by its new words"


def make_client(cluster, midwife, base: str, name: str) -> str:
    """The midwife registers a client through ``base``; returns its path /zorg/clienten/<id>."""
    page = midwife.get(base, "/zorg/clienten/nieuw")
    assert page.status_code == 200, describe(page)
    fields = dict(cluster.form_fields(page.text, "/zorg/clienten"))
    fields.update(name=name, birth_date="1996-02-11", municipality="GM0355")
    created = midwife.post(base, "/zorg/clienten", fields)
    assert created.status_code == 303, describe(created)
    location = created.headers["Location"]
    match = re.search(rf"/zorg/clienten/({UUID}|[A-Za-z0-9_-]+)$", location)
    assert match, f"after saving a client: {location}"
    return location if location.startswith("/") else "/" + location.split("/", 3)[3]


def test_a_referral_sent_through_a_is_accepted_through_b_and_the_sender_hears_of_it(cluster):
    a, b = cluster.a.url, cluster.b.url
    midwife = cluster.sign_in(MIDWIFE)
    jgz = cluster.sign_in(JGZ)
    name = f"C.L. {uuid.uuid4().hex[:6]}"
    client = make_client(cluster, midwife, a, name)

    # consent for JGZ Zeist, then the referral to Stevig Ouderschap, both through A
    consent_page = midwife.get(a, client + "/toestemming")
    assert consent_page.status_code == 200, describe(consent_page)
    jgz_org = None
    for match in re.finditer(r'<input[^>]*name="organisations\[\]"[^>]*>', consent_page.text):
        tag = match.group(0)
        value = re.search(r'value="([^"]+)"', tag).group(1)
        ident = re.search(r'id="([^"]+)"', tag)
        label = re.search(rf'<label[^>]*for="{re.escape(ident.group(1))}"[^>]*>(.*?)</label>', consent_page.text, re.S) if ident else None
        around = label.group(1) if label else consent_page.text[match.end():match.end() + 200]
        if "Jeugdgezondheidszorg Zeist" in around:
            jgz_org = value
    assert jgz_org, "the consent form offers no Jeugdgezondheidszorg Zeist"
    today = datetime.date.today().isoformat()
    consent = midwife.post(a, client + "/toestemming", {
        "csrf": csrf_of(consent_page.text), "given_by": "client", "purposes[]": "refer", "organisations[]": jgz_org,
        "valid_from": today, "recorded_how": "verbal"})
    assert consent.status_code == 303, describe(consent)
    refer_page = midwife.get(a, client + "/verwijzen")
    option = re.search(r'<option[^>]*value="([^"]+)"[^>]*>\s*Stevig Ouderschap \(Jeugdgezondheidszorg Zeist\)', refer_page.text)
    assert option, "the referral form offers no Stevig Ouderschap (Jeugdgezondheidszorg Zeist)"
    sent = midwife.post(a, client + "/verwijzen", {"csrf": csrf_of(refer_page.text), "service": option.group(1),
                                                   "reason": "Weinig steun", "agreed": "Zij wordt gebeld"})
    assert sent.status_code == 303, describe(sent)
    referral = re.search(r"/zorg/verwijzingen/[A-Za-z0-9_-]+", sent.headers["Location"])
    if referral is None:
        referral = re.search(r"/zorg/verwijzingen/[A-Za-z0-9_-]+", midwife.get(a, client).text)
    assert referral, "no referral link after sending"
    referral_path = referral.group(0)

    # JGZ finds it through B, and accepts it there
    incoming = jgz.get(b, "/zorg/verwijzingen?lijst=inkomend")
    assert incoming.status_code == 200 and name in incoming.text, "B's incoming list lacks the referral sent through A"
    referral_page = jgz.get(b, referral_path)
    assert referral_page.status_code == 200, describe(referral_page)
    accepted = jgz.post(b, referral_path + "/status", {"csrf": csrf_of(referral_page.text), "to": "accepted"})
    assert accepted.status_code == 303, describe(accepted)

    # the sender hears of it: "Nieuw voor u" on her start page, through A, within 2 s
    code = None
    started = time.monotonic()
    while time.monotonic() - started < 5:
        start_page = midwife.get(a, "/zorg")
        section = re.search(r'<section[^>]*aria-labelledby="h-notes".*?</section>', start_page.text, re.S)
        notes = visible_text(section.group(0)) if section else ""
        found = re.search(r"(\S+): uw verwijzing naar Stevig Ouderschap is nu (\w+)", notes)
        if found and found.group(1) in midwife.get(a, client).text:
            code = found.group(1)
            break
        time.sleep(0.1)
    assert code, "the sender got no notice of the acceptance on her start page (through A)"
    assert time.monotonic() - started <= 2.5
    # and by mail: exactly one message about this referral (it links to its page behind the log-in and
    # names no client), though both instances send from the shared outbox
    def about_this() -> list:
        return [m for m in cluster.mail.to(MIDWIFE)
                if referral_path in m.get_body(preferencelist=("plain",)).get_content()]

    deadline = time.monotonic() + 30
    while not about_this() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(6)  # one more poll of both senders (every 5 s): a second copy would arrive now
    mails = about_this()
    assert len(mails) == 1, f"{len(mails)} mails to the sender about {referral_path}: {[m['Subject'] for m in mails]}"
    body = mails[0].get_body(preferencelist=("plain",)).get_content()
    assert name not in body and name not in mails[0]["Subject"], "the mail carries the client's name"
    # the status is the same whichever instance shows it
    for base in (a, b):
        assert "Geaccepteerd" in visible_text(midwife.get(base, referral_path).text) or \
            "geaccepteerd" in visible_text(midwife.get(base, referral_path).text).lower()


def test_200_concurrent_audited_page_views_over_both_instances_leave_one_valid_chain(cluster):
    """Needs h3 for the witness files of two instances (the chain itself is serialised already)."""
    midwife = cluster.sign_in(MIDWIFE)
    client = make_client(cluster, midwife, cluster.a.url, f"A.V. {uuid.uuid4().hex[:6]}")
    events_before = int(cluster.primary.sql("SELECT count(*) FROM audit_events"))
    log_before = len(cluster.access_log_lines())

    barrier = threading.Barrier(50)

    def view(i: int) -> int:
        if i < 50:
            barrier.wait(timeout=30)
        return midwife.get(cluster.nginx_url, client, timeout=60).status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(view, range(200)))
    assert statuses.count(200) == 200, f"statuses: {Counter(statuses)}"

    lines = [line for line in cluster.access_log_lines()[log_before:] if client in line]
    upstreams = Counter(re.search(r"upstream=([^ ]+)", line).group(1) for line in lines)
    for instance in cluster.instances.values():
        served = sum(n for u, n in upstreams.items() if u.endswith(f":{instance.port}"))
        assert served >= 40, f"{instance.name} served {served} of the 200 views ({upstreams})"

    events_after = int(cluster.primary.sql("SELECT count(*) FROM audit_events"))
    assert events_after - events_before >= 200, f"{events_after - events_before} audit events for 200 views"
    # each instance writes the chain head to its own witness file in the shared working directory
    # (kansrijk-audit-witness.<KANSRIJK_INSTANCE_ID>.log, once a minute): wait for both
    ids = [i.env["KANSRIJK_INSTANCE_ID"] for i in cluster.instances.values()]
    deadline = time.monotonic() + 75
    while not all(any(i in p.name and p.stat().st_size > 0 for p in cluster.state_dir.glob("*witness*")) for i in ids):
        assert time.monotonic() < deadline, f"no witness file per instance ({ids}): {sorted(p.name for p in cluster.state_dir.iterdir())}"
        time.sleep(0.5)
    verified = cluster.kansrijk(["audit", "verify"])
    if verified.returncode != 0:
        chain = cluster.kansrijk(["audit", "verify", "--chain-only"])
        raise AssertionError(f"kansrijk audit verify ({verified.returncode}):\n{verified.stdout}{verified.stderr}\n"
                             f"with --chain-only ({chain.returncode}): {chain.stdout}{chain.stderr}")
    for instance_id in ids:
        assert f"kansrijk-audit-witness.{instance_id}.log" in verified.stdout, f"audit verify did not read {instance_id}'s witness:\n{verified.stdout}"


def test_the_audit_anchor_unit_appends_a_signed_head(cluster):
    unit = cluster.units["kansrijk-audit-anchor.service"]
    argv = unit.one("Service", "ExecStart").split()
    assert argv[0] == "/opt/kansrijk/bin/kansrijk"
    before = cluster.anchor_file.read_text().splitlines() if cluster.anchor_file.exists() else []
    result = cluster.kansrijk(argv[1:])
    assert result.returncode == 0, f"{' '.join(argv)}:\n{result.stdout}\n{result.stderr}"
    after = cluster.anchor_file.read_text().splitlines()
    assert len(after) == len(before) + 1, after
    head = cluster.kansrijk(["audit", "head"])
    assert head.returncode == 0 and head.stdout.split()[0] in after[-1], (head.stdout, after[-1])


def test_the_backup_unit_writes_an_archive_of_the_database(cluster, tmp_path: Path):
    """Needs h6 (`kansrijk backup --out` with pg_dump on PostgreSQL)."""
    unit = cluster.units["kansrijk-backup.service"]
    backups = tmp_path / "backups"
    backups.mkdir()

    def command(value: str) -> list[str]:
        argv = shlex.split(value)
        text = " ".join(argv)
        assert text.count("/var/backups/kansrijk") == 1, f"kansrijk-backup.service: {value}"
        return [part.replace("/opt/kansrijk/bin/kansrijk", str(cluster.binary)).replace("/var/backups/kansrijk", str(backups))
                for part in argv]

    start = command(unit.one("Service", "ExecStart").replace("%%", "%"))
    assert any("/opt/kansrijk/bin/kansrijk backup --out" in part for part in shlex.split(unit.one("Service", "ExecStart")))
    result = subprocess.run(start, env=cluster.base_env, cwd=cluster.state_dir, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"kansrijk-backup.service ExecStart ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    archives = sorted(backups.glob("kansrijk-*.zip"))
    assert len(archives) == 1 and archives[0].stat().st_size > 1000, f"no backup archive in {sorted(backups.iterdir())}"
    with zipfile.ZipFile(archives[0]) as archive:
        assert archive.testzip() is None
        assert any("manifest" in name for name in archive.namelist()), archive.namelist()
    # the clean-up afterwards keeps a fresh archive and removes one past the retention
    old = backups / "kansrijk-20200101-000000.zip"
    old.write_bytes(b"old")
    os.utime(old, (time.time() - 40 * 86400, time.time() - 40 * 86400))
    cleanup = subprocess.run(command(unit.one("Service", "ExecStartPost").replace("%%", "%")), capture_output=True, text=True,
                             timeout=60)
    assert cleanup.returncode == 0, cleanup.stderr
    assert archives[0].exists() and not old.exists()


# --- the replica ---------------------------------------------------------------------------------

def test_a_dashboard_read_is_served_by_the_replica_while_its_replay_is_paused(cluster):
    """Needs h4 (readDB on the dashboards). With the replica's replay paused, a change on the primary is
    not on the replica: the monitor's landing page through A shows the old coalition name until the
    replay resumes."""
    slug, name = cluster.primary.sql("SELECT slug || '|' || name FROM coalitions ORDER BY slug LIMIT 1").split("|", 1)
    marker = f"Replicatest {uuid.uuid4().hex[:6]}"
    landing = lambda: visible_text(requests.get(cluster.a.url + "/monitor", timeout=20).text)  # noqa: E731
    assert name in landing(), f"the monitor's landing page does not list coalition {name!r}"
    cluster.replica.sql("SELECT pg_wal_replay_pause()")
    try:
        deadline = time.monotonic() + 10
        while cluster.replica.sql("SELECT pg_get_wal_replay_pause_state()") != "paused":
            assert time.monotonic() < deadline, "the replica's replay did not pause"
            time.sleep(0.1)
        cluster.primary.sql(f"UPDATE coalitions SET name = name || ' {marker}' WHERE slug = '{slug}'")
        assert marker in cluster.primary.sql(f"SELECT name FROM coalitions WHERE slug = '{slug}'")
        time.sleep(0.5)
        page = landing()
        assert marker not in page, "the landing page shows a change the replica has not replayed: it read the primary"
        assert name in page
    finally:
        cluster.replica.sql("SELECT pg_wal_replay_resume()")
    deadline = time.monotonic() + 10
    while marker not in landing():
        assert time.monotonic() < deadline, "after the replay resumed, the landing page does not show the change"
        time.sleep(0.2)
    cluster.primary.sql(f"UPDATE coalitions SET name = replace(name, ' {marker}', '') WHERE slug = '{slug}'")


def test_a_dashboard_read_is_counted_on_the_replica_in_the_metrics(cluster):
    """Needs h4 (kansrijk_db_reads_total) and h5 (/metrics on KANSRIJK_METRICS_PORT)."""
    policy = cluster.sign_in(POLICY)
    before = cluster.a.metrics()
    assert before.status_code == 200, f"GET /metrics on the metrics port: {before.status_code}"
    replica_before = metric_sum(before.text, "kansrijk_db_reads_total", target="replica")
    primary_before = metric_sum(before.text, "kansrijk_db_reads_total", target="primary")
    page = policy.get(cluster.a.url, "/monitor/gemeente/GM0355")
    assert page.status_code == 200, describe(page)
    after = cluster.a.metrics()
    assert metric_sum(after.text, "kansrijk_db_reads_total", target="replica") > replica_before, \
        "the dashboard read did not go to the replica (kansrijk_db_reads_total{target=\"replica\"} did not grow)"
    assert metric_sum(after.text, "kansrijk_db_reads_total", target="primary") == primary_before


# --- failover ------------------------------------------------------------------------------------

def test_stopping_a_under_load_sends_everything_to_b(cluster):
    midwife = cluster.sign_in(MIDWIFE)
    service = find_service(midwife, cluster.nginx_url, "Weggeefwinkel")
    paths = ["/", "/aanbod?q=steun&gemeente=GM0355", service, "/monitor/gemeente/GM0355", "/zorg"]
    # Both instances have served these pages before, as in production: a first dashboard after a start
    # computes the monitor's figures (seconds on a debug build), which is not what this test measures.
    for instance in cluster.instances.values():
        for path in paths:
            began = time.monotonic()
            assert midwife.get(instance.url, path, timeout=120).status_code == 200, f"{instance.name} {path}"
            if path.startswith("/monitor"):
                cluster.notes.append(f"{instance.name}: {path} before the load took {time.monotonic() - began:.2f} s")
    results: list[tuple[float, float, str, object]] = []
    lock = threading.Lock()
    stop_load = threading.Event()

    def load(worker: int) -> None:
        i = worker
        while not stop_load.is_set():
            path = paths[i % len(paths)]
            i += 1
            began = time.monotonic()
            try:
                outcome: object = midwife.get(cluster.nginx_url, path, timeout=60).status_code
            except requests.RequestException as error:
                outcome = repr(error)
            with lock:
                results.append((began, time.monotonic(), path, outcome))

    workers = [threading.Thread(target=load, args=(n,)) for n in range(8)]
    for worker in workers:
        worker.start()
    time.sleep(3)
    log_mark = len(cluster.access_log_lines())
    signalled = time.monotonic()
    code = cluster.a.stop()  # the unit's KillSignal, as `systemctl stop kansrijk@1`
    stopped = time.monotonic()
    time.sleep(5)
    stop_load.set()
    for worker in workers:
        worker.join(timeout=60)

    ok = lambda outcome: isinstance(outcome, int) and outcome < 400  # noqa: E731
    in_flight = [r for r in results if r[0] < signalled]
    after = [r for r in results if r[0] >= signalled]
    failed_after = [r for r in after if not ok(r[3])]
    assert len(after) >= 50, f"only {len(after)} requests after the stop: no load"
    assert not failed_after, (f"{len(failed_after)} of {len(after)} requests begun after A was told to stop failed "
                              f"(A took {stopped - signalled:.2f} s to stop): {failed_after[:10]}")
    failed_before = [r for r in in_flight if not ok(r[3])]
    cluster.notes.append(f"failover: {len(in_flight)} requests before the stop ({len(failed_before)} failed), "
                         f"{len(after)} after (none failed); A stopped in {stopped - signalled:.2f} s with status {code}")
    # a stop is a clean exit, not a crash (systemd would mark the unit failed)
    crash = re.search(r"Fatal error.*", cluster.a.log.read_text(errors="replace"))
    assert code == 0, (f"instance A did not exit cleanly on its KillSignal (status {code}): "
                       f"{crash.group(0) if crash else cluster.a.log_tail(10)}")

    # after the stop, B answered everything: the last requests nginx logged all ended on B (a request
    # A refused went on to B: upstream=A, B)
    late = cluster.access_log_lines()[log_mark:][-40:]
    last_hops = [re.search(r"upstream=(.*?) upstream_status", line).group(1).split(", ")[-1] for line in late]
    assert last_hops and all(h == f"127.0.0.1:{cluster.b.port}" for h in last_hops), Counter(last_hops)

    # A comes back from its unit and nginx sends it requests again
    cluster.a.start()
    cluster.a.wait_ready()
    mark = len(cluster.access_log_lines())
    time.sleep(6)  # fail_timeout in deploy/nginx/kansrijk.conf
    for _ in range(20):
        assert midwife.get(cluster.nginx_url, "/aanbod?q=terug").status_code == 200
    back = [line for line in cluster.access_log_lines()[mark:] if f"upstream=127.0.0.1:{cluster.a.port}" in line]
    assert back, "nginx sends no requests to A after it came back"


def test_with_no_instance_left_nginx_answers_its_own_503_page_with_the_headers(cluster):
    for instance in cluster.instances.values():
        assert instance.stop() == 0, f"{instance.name} did not stop cleanly:\n{instance.log_tail(10)}"
    page = requests.get(cluster.nginx_url + "/aanbod", verify=cluster.cert, timeout=30)
    assert page.status_code == 503, describe(page)
    assert "Kansrijk is even niet bereikbaar" in page.text and "text/html" in page.headers["Content-Type"]
    for name in SECURITY_HEADERS:
        assert header_count(page, name) == 1, f"{name} on nginx's own 503 page: {page.raw.headers.getlist(name)}"
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]


# --- every file in deploy/ is used -----------------------------------------------------------------

def test_every_file_in_deploy_was_used_by_this_test(cluster):
    unused = sorted(cluster.deploy.all() - cluster.deploy.used)
    assert not unused, f"files in deploy/ that the cluster test never used: {unused}"
