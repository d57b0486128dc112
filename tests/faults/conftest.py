"""Fixtures for the fault tests (issue 13): real processes of the built server, killed, starved
and cut off from their database, then checked for corruption.

Every test starts its own processes from a copy of ``.build/debug/kansrijk`` (copied once per
session, so a rebuild during a run changes nothing), on its own SQLite files, from the repo root
(so ``Resources/`` is found), with ``DATABASE_URL`` removed unless the test gives one:

* ``template_db`` is made once per session: a server on a fresh file migrates and loads the demo,
  is stopped with SIGTERM, and its files (main, ``-audit.sqlite``, witness) are kept. ``fresh_db``
  copies them for a test, which saves the ~7 s of a first start per server.
* ``Server`` runs ``kansrijk serve`` on a free loopback port and knows how to SIGKILL it;
  ``Kansrijk.run`` runs any other command (``import births``, ``audit verify``, ``migrate``...).
* ``Mounts`` makes read-only and size-limited file systems with ``mount`` (tmpfs, bind mounts).
  Root ignores permission bits, so only a mount makes a file read-only for root; without root it
  goes through ``sudo -n``. A test that cannot get what it needs fails and says why; none skips.
* ``figures`` collects what the tests measured; it is printed at the end of the run and written to
  ``.build/faults/figures.json`` (docs/reliability.md quotes it).

Requests use ``requests``; the only address ever contacted is 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import pytest
import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILT_BINARY = REPO_ROOT / ".build" / "debug" / "kansrijk"
FIGURES_FILE = REPO_ROOT / ".build" / "faults" / "figures.json"

DEMO_PASSWORD = os.environ.get("KANSRIJK_DEMO_PASSWORD") or "demo-wachtwoord-123"
FIRST_START_TIMEOUT = 180  # s: a fresh file is migrated and the demo loaded (about 7 s on 2 cores)
RESTART_TIMEOUT = 60  # s: a start on an existing file (well under 1 s when healthy)
REQUEST_TIMEOUT = 15  # s

LOGIN_PATH = "/inloggen"
SESSION_COOKIE = "kansrijk_sessie"
_CSRF_INPUT = re.compile(r'<input[^>]*\bname="csrf"[^>]*\bvalue="([^"]+)"|<input[^>]*\bvalue="([^"]+)"[^>]*\bname="csrf"')

# What a Swift trap, a backtrace or an error dumped into a response looks like.
STACK_TRACE = re.compile(
    r"Fatal error|Stack dump|Backtrace|stack trace|Thread \d+ crashed|Current stack|\.swift:\d+|0x[0-9a-f]{12,}",
    re.IGNORECASE,
)


# --- figures -----------------------------------------------------------------------------------

_FIGURES: dict[str, Any] = {}


@pytest.fixture(scope="session")
def figures() -> dict[str, Any]:
    """What the tests measured, by test; printed and written to .build/faults/figures.json."""
    return _FIGURES


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001 (pytest hook)
    if not _FIGURES:
        return
    FIGURES_FILE.parent.mkdir(parents=True, exist_ok=True)
    FIGURES_FILE.write_text(json.dumps(_FIGURES, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    terminalreporter.section("fault test figures")
    for name, values in _FIGURES.items():
        terminalreporter.write_line(f"{name}:")
        for key, value in values.items():
            terminalreporter.write_line(f"    {key}: {json.dumps(value, ensure_ascii=False, default=str)}")
    terminalreporter.write_line(f"(also in {FIGURES_FILE.relative_to(REPO_ROOT)})")


# --- problems: keep going, then fail with every one ----------------------------------------------

class Problems:
    """Collects what went wrong in a long scenario, so one run reports every failed expectation
    (with the request and what came back) instead of stopping at the first."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def check(self, ok: bool, message: str | Callable[[], str]) -> bool:
        if not ok:
            self.items.append(message() if callable(message) else message)
        return ok

    def add(self, message: str) -> None:
        self.items.append(message)

    def assert_none(self, what: str) -> None:
        if self.items:
            shown = self.items[:40]
            more = f"\n  ... and {len(self.items) - 40} more" if len(self.items) > 40 else ""
            raise AssertionError(f"{what}: {len(self.items)} problem(s):\n" + "\n".join(f"  - {p}" for p in shown) + more)


@pytest.fixture
def problems() -> Problems:
    return Problems()


# --- processes ---------------------------------------------------------------------------------

class Processes:
    """Every process the tests start, so that none outlives the session."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []
        self.lock = threading.Lock()

    def add(self, process: subprocess.Popen) -> subprocess.Popen:
        with self.lock:
            self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                try:
                    process.send_signal(signal.SIGTERM)
                    process.wait(timeout=10)
                except (subprocess.TimeoutExpired, ProcessLookupError):
                    process.kill()
                    process.wait(timeout=10)


@pytest.fixture(scope="session")
def processes():
    registry = Processes()
    yield registry
    registry.stop_all()


@pytest.fixture(scope="session")
def work_dir():
    """The session's temp folder; open to other users (a test runs the server as `nobody`)."""
    path = Path(tempfile.mkdtemp(prefix="kansrijk-faults."))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def binary(work_dir: Path) -> Path:
    """A copy of the built server: a rebuild during the run does not change what is under test."""
    if not BUILT_BINARY.is_file():
        pytest.fail(f"{BUILT_BINARY} is missing: build first (scripts/test builds it)", pytrace=False)
    folder = work_dir / "bin"
    folder.mkdir(mode=0o755)
    copy = folder / "kansrijk"
    shutil.copy2(BUILT_BINARY, copy)
    copy.chmod(0o755)
    return copy


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Database:
    """One SQLite database of the server: the main file, the audit file beside it, the witness."""

    dir: Path
    witness: Path | None = None
    name: str = "kansrijk"

    @property
    def path(self) -> Path:
        return self.dir / f"{self.name}.sqlite"

    @property
    def audit(self) -> Path:
        return self.dir / f"{self.name}-audit.sqlite"

    @property
    def witness_file(self) -> Path:
        return self.witness or self.dir / "witness.log"

    def env(self) -> dict[str, str]:
        return {"KANSRIJK_DATABASE_PATH": str(self.path), "KANSRIJK_AUDIT_WITNESS": str(self.witness_file)}

    def connect(self, which: str = "main") -> sqlite3.Connection:
        """A read-only connection (leaves the files as a crash left them: no checkpoint on close)."""
        path = self.path if which == "main" else self.audit
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)

    def query(self, sql: str, params: tuple = (), which: str = "main") -> list[tuple]:
        connection = self.connect(which)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def integrity(self) -> dict[str, str]:
        """PRAGMA integrity_check of both files: 'ok' or what SQLite reported."""
        results = {}
        for which, path in (("main", self.path), ("audit", self.audit)):
            try:
                rows = self.query("PRAGMA integrity_check", which=which)
                results[path.name] = "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:10])
            except sqlite3.Error as error:
                results[path.name] = f"could not be checked: {error!r}"
        return results

    def files(self) -> list[Path]:
        return sorted(p for p in self.dir.iterdir() if p.name.startswith(self.name))


@dataclass
class Kansrijk:
    """Runs the copied binary with the environment of a test database."""

    binary: Path
    processes: Processes

    def env(self, db: Database | None, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("KANSRIJK_")}
        env.update({"KANSRIJK_DEMO_PASSWORD": DEMO_PASSWORD, "KANSRIJK_BCRYPT_COST": "4"})
        if db is not None:
            env.update(db.env())
        env.update(extra or {})
        return env

    def spawn(self, args: list[str], db: Database | None, log: Path, extra_env: dict[str, str] | None = None,
              user: str | None = None, stdout: int | None = None) -> subprocess.Popen:
        """Start a command; stdout and stderr go to ``log`` (or stdout to a pipe when asked)."""
        log.parent.mkdir(parents=True, exist_ok=True)
        out = open(log, "wb")  # noqa: SIM115 (closed when the process is reaped)
        kwargs: dict[str, Any] = {}
        if user is not None:
            kwargs.update(user=user, group=_primary_group(user), extra_groups=[])
        process = subprocess.Popen(
            [str(self.binary), *args], cwd=REPO_ROOT, env=self.env(db, extra_env), stdin=subprocess.DEVNULL,
            stdout=stdout if stdout is not None else out, stderr=out if stdout is None else subprocess.STDOUT,
            start_new_session=True, **kwargs,
        )
        out.close()
        return self.processes.add(process)

    def run(self, args: list[str], db: Database | None, timeout: float = 120, extra_env: dict[str, str] | None = None,
            user: str | None = None) -> subprocess.CompletedProcess:
        """Run a command to its end; stdout and stderr kept apart."""
        kwargs: dict[str, Any] = {}
        if user is not None:
            kwargs.update(user=user, group=_primary_group(user), extra_groups=[])
        return subprocess.run(
            [str(self.binary), *args], cwd=REPO_ROOT, env=self.env(db, extra_env), stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=timeout, **kwargs,
        )

    def audit_verify(self, db: Database, chain_only: bool = True, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return self.run(["audit", "verify", *(["--chain-only"] if chain_only else [])], db, extra_env=extra_env)


def _primary_group(user: str) -> int:
    import pwd

    return pwd.getpwnam(user).pw_gid


@pytest.fixture(scope="session")
def kansrijk(binary: Path, processes: Processes) -> Kansrijk:
    return Kansrijk(binary, processes)


def describe(response: requests.Response) -> str:
    """Status and the start of the body as text (tags removed), for a failure message."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text or "")).strip()
    return f"{response.status_code} {response.headers.get('Content-Type', '')!r}: {text[:300]!r}"


class Server:
    """``kansrijk serve`` on a free loopback port, on the files of ``db`` (or on ``DATABASE_URL``)."""

    def __init__(self, kansrijk: Kansrijk, db: Database | None, logs: Path, extra_env: dict[str, str] | None = None,
                 user: str | None = None) -> None:
        self.kansrijk = kansrijk
        self.db = db
        self.logs = logs
        self.extra_env = extra_env or {}
        self.user = user
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.starts = 0
        self.log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> "Server":
        self.port = free_port()
        self.starts += 1
        self.log = self.logs / f"server-{self.starts}.log"
        self.process = self.kansrijk.spawn(["serve", "--hostname", "127.0.0.1", "--port", str(self.port)], self.db,
                                           self.log, self.extra_env, user=self.user)
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        if self.log is None or not self.log.exists():
            return "(no log)"
        text = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def ready_status(self) -> tuple[int, str]:
        """(status, body) of GET /health/ready; (0, error) when nothing answered."""
        try:
            response = requests.get(self.url + "/health/ready", timeout=5)
            return response.status_code, response.text.strip()
        except requests.RequestException as error:
            return 0, repr(error)

    def wait_until(self, predicate: Callable[[int, str], bool], timeout: float, what: str, poll: float = 0.1) -> float:
        """Seconds until GET /health/ready satisfies ``predicate``; fails if the process ends or time runs out."""
        started = time.monotonic()
        last: tuple[int, str] = (0, "")
        while True:
            if not self.alive():
                code = self.process.wait() if self.process else None
                raise AssertionError(f"the server exited (status {code}) while waiting for {what}:\n{self.log_tail()}")
            last = self.ready_status()
            if predicate(*last):
                return time.monotonic() - started
            if time.monotonic() - started > timeout:
                raise AssertionError(f"{what}: not within {timeout:.0f} s (last GET /health/ready: {last[0]} {last[1][:200]!r})\n"
                                     f"{self.log_tail()}")
            time.sleep(poll)

    def wait_ready(self, timeout: float = RESTART_TIMEOUT) -> float:
        return self.wait_until(lambda status, _: status == 200, timeout, "GET /health/ready 200")

    def kill9(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> int | None:
        """SIGTERM, then SIGKILL after 15 s; the exit status (None when it was not running)."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.process.returncode

    # --- HTTP ---

    def get(self, path: str, session: requests.Session | None = None, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", REQUEST_TIMEOUT)
        kwargs.setdefault("allow_redirects", False)
        return (session or requests).get(self.url + path, **kwargs)

    def sign_in(self, email: str) -> requests.Session:
        """A session logged in through the real form (GET /inloggen, POST /inloggen)."""
        session = requests.Session()
        page = session.get(self.url + LOGIN_PATH, timeout=REQUEST_TIMEOUT)
        assert page.status_code == 200, f"GET {LOGIN_PATH} answered {describe(page)}"
        response = session.post(
            self.url + LOGIN_PATH,
            data={"email": email, "password": DEMO_PASSWORD, "csrf": csrf_from(page.text, LOGIN_PATH), "terug": "/"},
            allow_redirects=False, timeout=REQUEST_TIMEOUT,
        )
        assert response.status_code == 303, f"log-in as {email} answered {describe(response)}"
        assert session.cookies.get(SESSION_COOKIE), f"log-in as {email} set no {SESSION_COOKIE} cookie"
        return session

    def csrf(self, session: requests.Session, path: str = "/zorg/clienten/nieuw") -> str:
        page = session.get(self.url + path, timeout=REQUEST_TIMEOUT)
        assert page.status_code == 200, f"GET {path} answered {describe(page)}"
        return csrf_from(page.text, path)


def csrf_from(html: str, where: str) -> str:
    match = _CSRF_INPUT.search(html)
    assert match, f"{where}: no hidden input name=\"csrf\" in the page"
    return match.group(1) or match.group(2)


@pytest.fixture
def logs(tmp_path: Path) -> Path:
    path = tmp_path / "logs"
    path.mkdir()
    return path


@pytest.fixture
def servers(kansrijk: Kansrijk, logs: Path):
    """``servers(db, **options)``: a started ``Server``; all of a test's servers are stopped after it."""
    started: list[Server] = []

    def _server(db: Database | None, extra_env: dict[str, str] | None = None, user: str | None = None,
                start: bool = True) -> Server:
        server = Server(kansrijk, db, logs, extra_env, user)
        started.append(server)
        return server.start() if start else server

    yield _server
    for server in started:
        server.stop()


# --- databases ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def template_db(kansrijk: Kansrijk, work_dir: Path) -> Database:
    """A migrated demo database (SQLite), made once by a real first start and a clean stop."""
    db = Database(work_dir / "template")
    db.dir.mkdir()
    server = Server(kansrijk, db, work_dir / "template-logs").start()
    try:
        server.wait_until(lambda status, _: status == 200, FIRST_START_TIMEOUT, "first start on a fresh database")
    finally:
        code = server.stop()
    assert code == 0, f"the template server did not stop cleanly on SIGTERM (status {code}):\n{server.log_tail()}"
    leftovers = [p.name for p in db.dir.iterdir() if p.name.endswith(("-wal", "-shm"))]
    assert db.path.is_file() and db.audit.is_file(), f"no database files in {db.dir}: {sorted(os.listdir(db.dir))}"
    # a clean stop checkpoints and removes the WAL files; copies are then just the two files and the witness
    assert not leftovers, f"WAL files left after a clean stop: {leftovers}"
    return db


def copy_database(template: Database, folder: Path, witness: Path | None = None) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    db = Database(folder, witness=witness)
    for source in (template.path, template.audit):
        shutil.copy2(source, folder / source.name)
    if template.witness_file.exists():
        shutil.copy2(template.witness_file, db.witness_file)
    return db


@pytest.fixture(scope="session")
def lib() -> SimpleNamespace:
    """Helpers for the tests, which cannot import conftest under --import-mode=importlib."""
    return SimpleNamespace(Database=Database, copy_database=copy_database, free_port=free_port, repo_root=REPO_ROOT)


@pytest.fixture
def fresh_db(template_db: Database, tmp_path: Path) -> Database:
    """A copy of the demo database for one test."""
    return copy_database(template_db, tmp_path / "db")


# --- mounts ------------------------------------------------------------------------------------

class MountRefused(Exception):
    pass


class Mounts:
    """tmpfs and bind mounts for one test, undone afterwards (lazily if something still holds them)."""

    def __init__(self) -> None:
        self.mounted: list[Path] = []
        self.prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]

    def _run(self, *args: str) -> None:
        command = [*self.prefix, *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise MountRefused(f"`{' '.join(command)}` failed ({result.returncode}): {(result.stderr or result.stdout).strip()}")

    def tmpfs(self, path: Path, size_bytes: int, read_only: bool = False) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        options = [f"size={size_bytes}", "mode=0755"]
        if os.geteuid() != 0:
            options += [f"uid={os.getuid()}", f"gid={os.getgid()}"]
        if read_only:
            options.append("ro")
        self._run("mount", "-t", "tmpfs", "-o", ",".join(options), "kansrijk-faults", str(path))
        self.mounted.append(path)
        return path

    def remount(self, path: Path, options: str) -> None:
        self._run("mount", "-o", f"remount,{options}", str(path))

    def bind_read_only(self, path: Path) -> None:
        """Make one file (or folder) read-only in place: a bind mount onto itself, remounted ro."""
        self._run("mount", "--bind", str(path), str(path))
        self.mounted.append(path)
        self._run("mount", "-o", "remount,bind,ro", str(path))

    def undo(self) -> list[str]:
        problems = []
        for path in reversed(self.mounted):
            result = subprocess.run([*self.prefix, "umount", str(path)], capture_output=True, text=True)
            if result.returncode != 0:
                lazy = subprocess.run([*self.prefix, "umount", "-l", str(path)], capture_output=True, text=True)
                if lazy.returncode != 0:
                    problems.append(f"umount {path}: {result.stderr.strip()} / {lazy.stderr.strip()}")
        self.mounted.clear()
        return problems


@pytest.fixture(scope="session")
def can_mount(work_dir: Path) -> str | None:
    """None when this machine lets us mount a tmpfs (as root, or with passwordless sudo); else why not.
    KANSRIJK_FAULTS_NO_MOUNT=1 pretends mounting is refused, to exercise the fallbacks."""
    if os.environ.get("KANSRIJK_FAULTS_NO_MOUNT"):
        return "mounting turned off by KANSRIJK_FAULTS_NO_MOUNT"
    mounts = Mounts()
    try:
        mounts.tmpfs(work_dir / "mount-probe", 1 << 20)
        mounts.remount(work_dir / "mount-probe", "ro")
    except (MountRefused, FileNotFoundError) as error:
        return str(error)
    finally:
        mounts.undo()
    return None


@pytest.fixture
def mounts():
    registry = Mounts()
    yield registry
    left = registry.undo()
    assert not left, "could not undo mounts: " + "; ".join(left)


# --- PostgreSQL --------------------------------------------------------------------------------

@dataclass
class Postgres:
    """The throw-away cluster that scripts/test started with scripts/lib/postgres.sh's pg_start;
    stopped and started again through the same shell helpers (as_pg_owner, pg_server_options)."""

    url: str
    dir: str
    bin: str
    port: str
    history: list[str] = field(default_factory=list)

    def _shell(self, body: str) -> subprocess.CompletedProcess:
        script = (
            'set -euo pipefail; source scripts/lib/common.sh; source scripts/lib/postgres.sh; '
            'PG_DIR=$1; PG_BIN=$2; PG_PORT=$3; ' + body
        )
        return subprocess.run(["bash", "-c", script, "pg", self.dir, self.bin, self.port], cwd=REPO_ROOT,
                              capture_output=True, text=True, timeout=90)

    def stop(self) -> None:
        result = self._shell('as_pg_owner "$PG_BIN/pg_ctl" --pgdata="$PG_DIR/data" --mode=fast --wait --timeout=30 stop')
        assert result.returncode == 0, f"pg_ctl stop -m fast failed: {result.stdout}{result.stderr}"
        self.history.append("stopped")

    def start(self) -> None:
        result = self._shell('as_pg_owner "$PG_BIN/pg_ctl" --pgdata="$PG_DIR/data" --log="$PG_DIR/server.log" '
                             '--wait --timeout=60 -o "$(pg_server_options)" start')
        assert result.returncode == 0, f"pg_ctl start failed: {result.stdout}{result.stderr}"
        self.history.append("started")

    def running(self) -> bool:
        result = self._shell('as_pg_owner "$PG_BIN/pg_ctl" --pgdata="$PG_DIR/data" status')
        return result.returncode == 0


@pytest.fixture(scope="session")
def postgres():
    names = ["KANSRIJK_FAULTS_PG_URL", "KANSRIJK_FAULTS_PG_DIR", "KANSRIJK_FAULTS_PG_BIN", "KANSRIJK_FAULTS_PG_PORT"]
    values = [os.environ.get(name, "") for name in names]
    if not all(values):
        pytest.fail("no throw-away PostgreSQL: run these tests through `scripts/test faults`, which starts one with "
                    "scripts/lib/postgres.sh and sets " + ", ".join(names), pytrace=False)
    pg = Postgres(*values)
    yield pg
    if not pg.running():  # leave it as scripts/test started it, so its pg_stop finds it
        pg.start()
