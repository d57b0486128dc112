"""The cluster of issue 17, started once from the files in deploy/ (ADR 0046):

* PostgreSQL primary and streaming replica, set up by ``deploy/postgresql/primary.sh`` and
  ``replica.sh`` (pg_basebackup) on loopback ports, in a temporary folder;
* the database migrated by the ExecStart of ``deploy/systemd/kansrijk-migrate.service``, then the demo
  loaded (the only step that is not in deploy/: a production database never gets the demo);
* two ``kansrijk serve`` instances started from ``deploy/systemd/kansrijk@.service`` (its Environment,
  EnvironmentFile = ``deploy/kansrijk.env``, WorkingDirectory and ExecStart, with %i/%H expanded and
  only the ports, paths and secrets substituted; every substituted key must exist in the file);
* nginx from ``deploy/nginx/kansrijk.conf`` inside a minimal nginx.conf like Debian's, with a
  self-signed certificate made by openssl here.

Every file the harness reads from deploy/ is recorded; the last test checks that each file there was
used. Processes are started by the harness and stopped at the end; the only addresses contacted are
127.0.0.1. Requests use ``requests``.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import requests
import urllib3

REPO_ROOT = Path(__file__).resolve().parents[2]
DEPLOY = REPO_ROOT / "deploy"
BUILT_BINARY = REPO_ROOT / ".build" / "debug" / "kansrijk"
DEMO_PASSWORD = os.environ.get("KANSRIJK_DEMO_PASSWORD") or "demo-wachtwoord-123"
DB_PASSWORD = "cluster-test-database-pw"
REPLICATION_PASSWORD = "cluster-test-replication-pw"
SESSION_COOKIE = "kansrijk_sessie"
REQUEST_TIMEOUT = 20
READY_TIMEOUT = 120

_CSRF_INPUT = re.compile(r'<input[^>]*\bname="csrf"[^>]*\bvalue="([^"]+)"|<input[^>]*\bvalue="([^"]+)"[^>]*\bname="csrf"')

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def describe(response: requests.Response) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text or "")).strip()
    return f"{response.request.method} {response.url} -> {response.status_code}: {text[:300]!r}"


def csrf_from(html: str, where: str) -> str:
    match = _CSRF_INPUT.search(html)
    assert match, f"{where}: no hidden input name=\"csrf\" in the page"
    return match.group(1) or match.group(2)


# What the tests measured (failover figures), printed at the end of the run.
NOTES: list[str] = []


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001 (pytest hook)
    if NOTES:
        terminalreporter.section("cluster figures")
        for note in NOTES:
            terminalreporter.write_line(note)


# --- files from deploy/ ------------------------------------------------------------------------

class DeployFiles:
    """Reads files from deploy/ and remembers which were used."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def path(self, relative: str) -> Path:
        path = DEPLOY / relative
        assert path.is_file(), f"deploy/{relative} is missing"
        self.used.add(relative)
        return path

    def text(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")

    def all(self) -> set[str]:
        return {str(p.relative_to(DEPLOY)) for p in DEPLOY.rglob("*") if p.is_file()}


def substitute(text: str, old: str, new: str, where: str, count: int = 1) -> str:
    """Replace ``old`` exactly ``count`` times; fails when deploy/ no longer says what the test expects."""
    found = text.count(old)
    assert found == count, f"{where}: expected {count}x {old!r}, found {found}x (update the cluster test with the file)"
    return text.replace(old, new)


@dataclass
class Unit:
    """A systemd unit file: its sections as lists of (key, value), in order."""

    name: str
    sections: dict[str, list[tuple[str, str]]]

    @staticmethod
    def parse(name: str, text: str) -> "Unit":
        sections: dict[str, list[tuple[str, str]]] = {}
        current = None
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith(("#", ";")):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1], [])
                continue
            assert current is not None and "=" in line, f"{name}: cannot read line {raw!r}"
            key, value = line.split("=", 1)
            current.append((key.strip(), value.strip()))
        return Unit(name, sections)

    def values(self, section: str, key: str) -> list[str]:
        return [v for k, v in self.sections.get(section, []) if k == key]

    def one(self, section: str, key: str) -> str:
        found = self.values(section, key)
        assert len(found) == 1, f"{self.name}: expected one {key}= in [{section}], found {found}"
        return found[0]


def expand(value: str, instance: str) -> str:
    """systemd specifiers the units use: %i (instance), %H (host name), %% (a percent sign)."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "%" and i + 1 < len(value):
            spec = value[i + 1]
            replacement = {"i": instance, "H": socket.gethostname(), "%": "%"}.get(spec)
            assert replacement is not None, f"specifier %{spec} is not understood by the cluster test"
            out.append(replacement)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def environment_file(text: str) -> dict[str, str]:
    """KEY=value lines as systemd reads an EnvironmentFile (comments and blank lines skipped)."""
    env: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        assert "=" in line and not line.startswith("export "), f"not a systemd environment line: {raw!r}"
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        env[key.strip()] = value
    return env


def unit_environment(unit: Unit, instance: str) -> dict[str, str]:
    env: dict[str, str] = {}
    for value in unit.values("Service", "Environment"):
        for assignment in shlex.split(expand(value, instance)):
            key, val = assignment.split("=", 1)
            env[key] = val
    return env


# --- processes ---------------------------------------------------------------------------------

class Processes:
    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []
        self.lock = threading.Lock()

    def add(self, process: subprocess.Popen) -> subprocess.Popen:
        with self.lock:
            self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                try:
                    process.send_signal(signal.SIGTERM)
                    process.wait(timeout=15)
                except (subprocess.TimeoutExpired, ProcessLookupError):
                    process.kill()
                    process.wait(timeout=10)


def as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run as the `postgres` user (Debian's package makes it)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 180,
        check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                            stdin=subprocess.DEVNULL)
    if check:
        assert result.returncode == 0, (f"`{shlex.join(command)}` exited with {result.returncode}:\n"
                                        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


# --- PostgreSQL --------------------------------------------------------------------------------

@dataclass
class PostgresNode:
    name: str
    data: Path
    port: int
    socket_dir: Path
    bin: Path

    @property
    def url(self) -> str:
        return f"postgres://kansrijk:{DB_PASSWORD}@127.0.0.1:{self.port}/kansrijk"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "KANSRIJK_")) and k != "DATABASE_URL"}
        env.update(PG_BIN=str(self.bin), PGDATA=str(self.data), PG_PORT=str(self.port), PG_LISTEN="127.0.0.1",
                   PG_SOCKET_DIR=str(self.socket_dir), PG_START="pg_ctl")
        env.update(extra)
        return env

    def sql(self, statement: str, database: str = "kansrijk") -> str:
        """One statement as the superuser over the socket; the result unaligned, without headers."""
        result = run(as_postgres([str(self.bin / "psql"), "--no-psqlrc", "--quiet", "--tuples-only", "--no-align",
                                  "--set=ON_ERROR_STOP=1", f"--host={self.socket_dir}", f"--port={self.port}",
                                  "--username=postgres", f"--dbname={database}", f"--command={statement}"]),
                     cwd=self.socket_dir, timeout=60)
        return result.stdout.strip()

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            run(as_postgres([str(self.bin / "pg_ctl"), f"--pgdata={self.data}", "--mode=fast", "--wait", "stop"]),
                cwd=self.socket_dir, check=False, timeout=60)

    def log_tail(self, lines: int = 30) -> str:
        log = self.data / "server.log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no log)"


def postgres_bin() -> Path:
    for candidate in [Path("/usr/lib/postgresql/15/bin"), *sorted(Path("/usr/lib/postgresql").glob("*/bin"))]:
        if (candidate / "initdb").exists() and (candidate / "pg_basebackup").exists():
            return candidate
    pytest.fail("PostgreSQL server binaries not found under /usr/lib/postgresql (scripts/test cluster installs them)",
                pytrace=False)


# --- instances ---------------------------------------------------------------------------------

@dataclass
class Instance:
    name: str
    argv: list[str]
    env: dict[str, str]
    cwd: Path
    port: int
    metrics_port: int
    log: Path
    kill_signal: int
    processes: Processes
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        out = open(self.log, "ab")  # noqa: SIM115 (closed below; the child keeps its copy)
        self.process = self.processes.add(subprocess.Popen(
            self.argv, env=self.env, cwd=self.cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
            start_new_session=True))
        out.close()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> float:
        started = time.monotonic()
        last = ""
        while time.monotonic() - started < timeout:
            assert self.alive(), f"instance {self.name} exited ({self.process.returncode}):\n{self.log_tail()}"
            try:
                response = requests.get(self.url + "/health/ready", timeout=3)
                if response.status_code == 200:
                    return time.monotonic() - started
                last = f"{response.status_code} {response.text[:200]!r}"
            except requests.RequestException as error:
                last = repr(error)
            time.sleep(0.2)
        raise AssertionError(f"instance {self.name} not ready within {timeout:.0f} s (last: {last})\n{self.log_tail()}")

    def stop(self) -> int | None:
        """The unit's KillSignal, then SIGKILL after the unit's stop timeout would have passed."""
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(self.kill_signal)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        return self.process.returncode

    def log_tail(self, lines: int = 40) -> str:
        if not self.log.exists():
            return "(no log)"
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def metrics(self) -> requests.Response:
        return requests.get(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=REQUEST_TIMEOUT)


# --- the signed-in user ------------------------------------------------------------------------

class FormParser(HTMLParser):
    """The fields of the first form whose action ends with ``action``: name -> value, as a browser sends them."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.done = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.select_value: str | None = None
        self.first_option: str | None = None
        self.textarea: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "form" and not self.done and a.get("action", "").split("?")[0].endswith(self.action):
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            self.fields.append((a["name"], a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and a.get("name"):
            self.select, self.select_value, self.first_option = a["name"], None, None
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in a:
                self.select_value = value
        elif tag == "textarea" and a.get("name"):
            self.textarea, self.text = a["name"], []

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag == "select" and self.select is not None:
            chosen = self.select_value if self.select_value is not None else self.first_option
            if chosen is not None:
                self.fields.append((self.select, chosen))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea, "".join(self.text)))
            self.textarea = None
        elif tag == "form":
            self.inside, self.done = False, True

    def handle_data(self, data: str) -> None:
        if self.inside and self.textarea is not None:
            self.text.append(data)


def form_fields(html: str, action: str) -> list[tuple[str, str]]:
    parser = FormParser(action)
    parser.feed(html)
    assert parser.done or parser.fields, f"no form with action ending in {action!r} in the page"
    return parser.fields


@dataclass
class User:
    """A signed-in session (its cookie), usable through nginx or directly on one instance."""

    email: str
    cookie: str
    verify: str

    def headers(self) -> dict[str, str]:
        return {"Cookie": f"{SESSION_COOKIE}={self.cookie}"}

    def get(self, base: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", REQUEST_TIMEOUT)
        kwargs.setdefault("allow_redirects", False)
        return requests.get(base + path, headers=self.headers(), verify=self.verify, **kwargs)

    def post(self, base: str, path: str, data: Any, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", REQUEST_TIMEOUT)
        kwargs.setdefault("allow_redirects", False)
        return requests.post(base + path, data=data, headers=self.headers(), verify=self.verify, **kwargs)

    def csrf(self, base: str, path: str) -> str:
        page = self.get(base, path)
        assert page.status_code == 200, describe(page)
        return csrf_from(page.text, path)


# --- mail ----------------------------------------------------------------------------------------

class MailSink:
    """A plain SMTP server on loopback (aiosmtpd) that keeps every message: KANSRIJK_SMTP_URL points here."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.messages: list[email.message.EmailMessage] = []
        self.lock = threading.Condition()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
            self.lock.notify_all()
        return "250 OK: queued"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        with self.lock:
            return [m for m in self.messages if address in (m["To"] or "")]

    def stop(self) -> None:
        self.controller.stop()


# --- the cluster -------------------------------------------------------------------------------

@dataclass
class Cluster:
    work: Path
    deploy: DeployFiles
    binary: Path
    primary: PostgresNode
    replica: PostgresNode
    instances: dict[str, Instance]
    nginx_url: str
    nginx_http_url: str
    nginx_access_log: Path
    nginx_test_output: str
    cert: str
    state_dir: Path
    base_env: dict[str, str]
    units: dict[str, Unit]
    anchor_file: Path
    mail: MailSink
    nginx_process: subprocess.Popen | None = None
    notes: list[str] = field(default_factory=lambda: NOTES)
    # for the tests, which cannot import conftest under --import-mode=importlib
    form_fields = staticmethod(form_fields)

    @property
    def a(self) -> Instance:
        return self.instances["1"]

    @property
    def b(self) -> Instance:
        return self.instances["2"]

    def sign_in(self, email: str, base: str | None = None) -> User:
        """Log in through the real form (through nginx unless ``base`` says otherwise)."""
        base = base or self.nginx_url
        session = requests.Session()
        # per request: a session's own `verify` loses to REQUESTS_CA_BUNDLE in the environment
        page = session.get(base + "/inloggen", timeout=REQUEST_TIMEOUT, verify=self.cert)
        assert page.status_code == 200, describe(page)
        response = session.post(base + "/inloggen", data={"email": email, "password": DEMO_PASSWORD,
                                                          "csrf": csrf_from(page.text, "/inloggen"), "terug": "/"},
                                allow_redirects=False, timeout=REQUEST_TIMEOUT, verify=self.cert)
        assert response.status_code == 303, f"log-in as {email}: {describe(response)}"
        cookie = session.cookies.get(SESSION_COOKIE)
        assert cookie, f"log-in as {email} set no {SESSION_COOKIE} cookie"
        return User(email, cookie, self.cert)

    def kansrijk(self, args: list[str], extra: dict[str, str] | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
        """Any command of the binary with the environment the units give it (instance 1's)."""
        env = dict(self.base_env)
        env.update(extra or {})
        return run([str(self.binary), *args], env=env, cwd=self.state_dir, timeout=timeout, check=False)

    def access_log_lines(self) -> list[str]:
        return self.nginx_access_log.read_text(encoding="utf-8", errors="replace").splitlines()


def _make_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"])
    return cert, key


def _nginx_main_conf(folder: Path, site: Path) -> Path:
    """A main nginx.conf like Debian's (which includes sites-enabled/ in http { }), in a temp folder."""
    temp = folder / "tmp"
    temp.mkdir()
    worker_user = "www-data" if _user_exists("www-data") else "nobody"
    if os.geteuid() == 0:
        shutil.chown(temp, user=worker_user)
    conf = folder / "nginx.conf"
    user_line = f"user {worker_user};" if os.geteuid() == 0 else ""
    conf.write_text(f"""
{user_line}
worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    access_log {folder}/access.log;
    gzip on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {site};
}}
""", encoding="utf-8")
    return conf


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _wait_port(port: int, timeout: float = 20) -> None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


@pytest.fixture(scope="session")
def cluster():
    if not BUILT_BINARY.is_file():
        pytest.fail(f"{BUILT_BINARY} is missing: build first (scripts/test builds it)", pytrace=False)
    for tool in ("nginx", "openssl"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            pytest.fail(f"{tool} is not installed (scripts/test cluster installs it with apt)", pytrace=False)

    work = Path(tempfile.mkdtemp(prefix="kansrijk-cluster."))
    work.chmod(0o755)
    processes = Processes()
    deploy = DeployFiles()
    nodes: list[PostgresNode] = []
    nginx: subprocess.Popen | None = None
    mail: MailSink | None = None
    try:
        # --- the binary, copied so a rebuild during the run changes nothing
        (work / "bin").mkdir()
        binary = work / "bin" / "kansrijk"
        shutil.copy2(BUILT_BINARY, binary)
        binary.chmod(0o755)

        # --- PostgreSQL primary + replica through deploy/postgresql
        pg_bin = postgres_bin()
        pg_dir = work / "pg"
        pg_dir.mkdir()
        socket_dir = pg_dir / "socket"
        socket_dir.mkdir()
        if os.geteuid() == 0:
            for path in (pg_dir, socket_dir):
                shutil.chown(path, user="postgres", group="postgres")
        primary = PostgresNode("primary", pg_dir / "primary", free_port(), socket_dir, pg_bin)
        nodes.append(primary)
        deploy.path("postgresql/common.sh")
        run(as_postgres([str(deploy.path("postgresql/primary.sh"))]), cwd=pg_dir,
            env=primary.env(KANSRIJK_DB_PASSWORD=DB_PASSWORD, REPLICATION_PASSWORD=REPLICATION_PASSWORD,
                            REPLICA_SLOTS="replica1", APP_NETWORK="127.0.0.1/32", REPLICA_NETWORK="127.0.0.1/32"))
        replica = PostgresNode("replica", pg_dir / "replica", free_port(), socket_dir, pg_bin)
        nodes.append(replica)
        run(as_postgres([str(deploy.path("postgresql/replica.sh"))]), cwd=pg_dir,
            env=replica.env(PRIMARY_HOST="127.0.0.1", PRIMARY_PORT=str(primary.port),
                            REPLICATION_PASSWORD=REPLICATION_PASSWORD, REPLICA_SLOT="replica1"))

        # --- ports, certificate, folders
        tls_port, http_port = free_port(), free_port()
        nginx_url = f"https://127.0.0.1:{tls_port}"
        nginx_dir = work / "nginx"
        nginx_dir.mkdir()
        cert, key = _make_certificate(nginx_dir)
        state_dir = work / "state"  # the units' WorkingDirectory (/var/lib/kansrijk), shared as on one host
        state_dir.mkdir()
        anchor_dir = work / "anchor"
        anchor_dir.mkdir()
        anchor_file = anchor_dir / "audit-anchor.log"
        mail = MailSink()

        # --- the environment file and the units
        env_text = deploy.text("kansrijk.env")
        file_env = environment_file(env_text)
        overrides = {
            "DATABASE_URL": primary.url,
            "KANSRIJK_DATABASE_READ_URL": replica.url,
            "KANSRIJK_BASE_URL": nginx_url,
            "KANSRIJK_ROOT": str(REPO_ROOT),
            "KANSRIJK_SMTP_URL": f"smtp://127.0.0.1:{mail.port}",
            "KANSRIJK_AUDIT_ANCHOR": str(anchor_file),
        }
        missing = [k for k in overrides if k not in file_env]
        assert not missing, f"deploy/kansrijk.env no longer sets {missing}; the cluster test substitutes them"
        units = {name: Unit.parse(name, deploy.text(f"systemd/{name}")) for name in
                 ("kansrijk@.service", "kansrijk-migrate.service", "kansrijk-audit-anchor.service",
                  "kansrijk-audit-anchor.timer", "kansrijk-backup.service", "kansrijk-backup.timer")}
        template = units["kansrijk@.service"]
        env_file_path = template.one("Service", "EnvironmentFile")
        assert env_file_path.lstrip("-") == "/etc/kansrijk/kansrijk.env", env_file_path
        assert "/etc/kansrijk/kansrijk.env" in env_text.splitlines()[0], "deploy/kansrijk.env names where it goes"
        working_directory = template.one("Service", "WorkingDirectory")

        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("KANSRIJK_", "PG")) and k not in ("DATABASE_URL",)}
        test_only = {"KANSRIJK_BCRYPT_COST": "4", "KANSRIJK_DEMO_PASSWORD": DEMO_PASSWORD}

        def service_env(unit: Unit, instance: str) -> dict[str, str]:
            for path in unit.values("Service", "EnvironmentFile"):
                assert path.lstrip("-") == env_file_path.lstrip("-"), f"{unit.name}: EnvironmentFile={path}"
            assert unit.one("Service", "WorkingDirectory") == working_directory, f"{unit.name}: WorkingDirectory"
            env = dict(inherited)
            env.update(file_env)
            env.update(overrides)
            env.update(unit_environment(unit, instance))
            env.update(test_only)
            return env

        def exec_start(unit: Unit, instance: str) -> list[str]:
            argv = shlex.split(expand(unit.one("Service", "ExecStart"), instance))
            assert argv[0] == "/opt/kansrijk/bin/kansrijk", f"{unit.name}: ExecStart runs {argv[0]}"
            return [str(binary), *argv[1:]]

        base_env = service_env(units["kansrijk-migrate.service"], "")

        # --- migrate (kansrijk-migrate.service), then the demo (test only)
        migrate = units["kansrijk-migrate.service"]
        assert migrate.one("Service", "Type") == "oneshot"
        result = run(exec_start(migrate, ""), env=base_env, cwd=state_dir, timeout=300, check=False)
        assert result.returncode == 0, f"kansrijk-migrate.service failed:\n{result.stdout}\n{result.stderr}"
        result = run([str(binary), "demo"], env=base_env, cwd=state_dir, timeout=300, check=False)
        assert result.returncode == 0, f"kansrijk demo failed:\n{result.stdout}\n{result.stderr}"

        # --- the two instances (kansrijk@1, kansrijk@2)
        instances: dict[str, Instance] = {}
        kill_signal = getattr(signal, template.one("Service", "KillSignal"))
        for number in ("1", "2"):
            env = service_env(template, number)
            argv = exec_start(template, number)
            port_index = argv.index("--port") + 1
            assert argv[port_index] == f"808{number}", f"kansrijk@{number}: --port {argv[port_index]}"
            port = free_port()
            argv[port_index] = str(port)
            assert env.get("KANSRIJK_METRICS_PORT") == f"909{number}", "kansrijk@.service sets KANSRIJK_METRICS_PORT=909%i"
            assert env.get("MALLOC_ARENA_MAX") == "2", "kansrijk@.service keeps glibc to two malloc arenas"
            metrics_port = free_port()
            env["KANSRIJK_METRICS_PORT"] = str(metrics_port)
            instances[number] = Instance(f"kansrijk@{number}", argv, env, state_dir, port, metrics_port,
                                         work / f"instance-{number}.log", kill_signal, processes)
        for instance in instances.values():  # both at once: they must not migrate or seed twice
            instance.start()
        for instance in instances.values():
            instance.wait_ready()

        # --- nginx from deploy/nginx/kansrijk.conf
        site = deploy.text("nginx/kansrijk.conf")
        where = "deploy/nginx/kansrijk.conf"
        site = substitute(site, "server 127.0.0.1:8081 ", f"server 127.0.0.1:{instances['1'].port} ", where)
        site = substitute(site, "server 127.0.0.1:8082 ", f"server 127.0.0.1:{instances['2'].port} ", where)
        site = substitute(site, "listen 80;", f"listen 127.0.0.1:{http_port};", where)
        site = substitute(site, "listen [::]:80;", "", where)
        site = substitute(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{tls_port} ssl http2;", where)
        site = substitute(site, "listen [::]:443 ssl http2;", "", where)
        site = substitute(site, "/etc/ssl/kansrijk/fullchain.pem", str(cert), where)
        site = substitute(site, "/etc/ssl/kansrijk/privkey.pem", str(key), where)
        access_log = nginx_dir / "kansrijk.access.log"
        site = substitute(site, "/var/log/nginx/kansrijk.access.log", str(access_log), where)
        site = substitute(site, "/var/log/nginx/kansrijk.error.log", str(nginx_dir / "kansrijk.error.log"), where)
        site_file = nginx_dir / "kansrijk.conf"
        site_file.write_text(site, encoding="utf-8")
        main_conf = _nginx_main_conf(nginx_dir, site_file)
        nginx_bin = shutil.which("nginx") or "/usr/sbin/nginx"
        checked = run([nginx_bin, "-t", "-p", str(nginx_dir), "-c", str(main_conf)], check=False)
        assert checked.returncode == 0, f"nginx -t refused the configuration:\n{checked.stderr}"
        nginx_log = open(nginx_dir / "nginx.out", "wb")  # noqa: SIM115
        nginx = processes.add(subprocess.Popen([nginx_bin, "-p", str(nginx_dir), "-c", str(main_conf), "-g", "daemon off;"],
                                               stdin=subprocess.DEVNULL, stdout=nginx_log, stderr=nginx_log,
                                               start_new_session=True))
        nginx_log.close()
        _wait_port(tls_port)
        _wait_port(http_port)

        yield Cluster(work=work, deploy=deploy, binary=binary, primary=primary, replica=replica, instances=instances,
                      nginx_url=nginx_url, nginx_http_url=f"http://127.0.0.1:{http_port}", nginx_access_log=access_log,
                      nginx_test_output=checked.stderr, cert=str(cert), state_dir=state_dir, base_env=base_env,
                      units=units, anchor_file=anchor_file, mail=mail, nginx_process=nginx)
    finally:
        if nginx is not None and nginx.poll() is None:
            nginx.send_signal(signal.SIGQUIT)
            try:
                nginx.wait(timeout=15)
            except subprocess.TimeoutExpired:
                nginx.kill()
        processes.stop_all()
        if mail is not None:
            mail.stop()
        for node in reversed(nodes):
            node.stop()
        if os.environ.get("KANSRIJK_CLUSTER_KEEP"):
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
