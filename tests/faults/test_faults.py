"""Fault tests (issue 13): what a crash, a read-only or full disk and a database outage leave behind.

1. SIGKILL during a births import, at random moments and once right before its commit: both SQLite
   files pass ``PRAGMA integrity_check``, ``audit verify`` passes, and the counts are all old or all
   new (the import is one transaction); a later import on the crashed files completes.
2. SIGKILL of the server during bursts of new clients, referral status changes and page views,
   restarted on the same files each time: integrity, the audit chain, the outbox drained at start,
   every acknowledged (303) save present, and every change with exactly one audit event.
3. A read-only database: at start one line on stderr (``kansrijk: ...``) and exit status 1, never a
   trap; made read-only while serving: ``/health/ready`` 503 with the reason, no stack trace
   anywhere, and ready again once writable. A missing folder: one line, exit status 1.
4. A full disk (a small tmpfs): 503 from ``/health/ready``, a clear error page for a save that
   cannot be written, nothing corrupted, and ready again when there is room (no restart).
5. PostgreSQL stopped and started under requests: 503 meanwhile, the process stays up, and it
   recovers without a restart.

Each test starts its own processes (conftest.py). The figures go to ``.build/faults/figures.json``
and docs/reliability.md. ``KANSRIJK_FAULTS_SEED`` repeats a run's random kill moments.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
import requests

# (the same names as in conftest.py, which tests cannot import under --import-mode=importlib)
STACK_TRACE = re.compile(
    r"Fatal error|Stack dump|Backtrace|stack trace|Thread \d+ crashed|Current stack|\.swift:\d+|0x[0-9a-f]{12,}",
    re.IGNORECASE,
)
REQUEST_TIMEOUT = 15
REPO_ROOT = Path(__file__).resolve().parents[2]

MIDWIFE = "professional@zeist.demo"  # Verloskundige Praktijk Zeist: creates clients, refers
JGZ = "jgz@zeist.demo"  # Jeugdgezondheidszorg Zeist: receives referrals and moves them on
MUNICIPALITY = "GM0355"  # Zeist

SEED = int(os.environ.get("KANSRIJK_FAULTS_SEED") or random.SystemRandom().randrange(1, 1_000_000))

# the receiving side's moves, chosen so that a referral never closes (FHIR Task life cycle, ReferralLifecycle)
NEXT_STATUS = {"requested": "accepted", "accepted": "in-progress", "in-progress": "on-hold", "on-hold": "in-progress"}
NEEDS_REASON = {"on-hold"}


def describe(response: requests.Response) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text or "")).strip()
    return f"{response.status_code} {response.headers.get('Content-Type', '')!r}: {text[:300]!r}"


def is_error_page(response: requests.Response) -> bool:
    """The site's own (Dutch) error page: HTML with 'Foutcode <status>'."""
    return (response.headers.get("Content-Type", "").startswith("text/html")
            and f"Foutcode {response.status_code}" in response.text)


def has_trace(text: str) -> bool:
    return bool(STACK_TRACE.search(text or ""))


def one_line_failure(result_code: int | None, stderr: str) -> str | None:
    """None when a refused start looks as issue 13 asks: exit status 1 and exactly one line on
    stderr that starts with 'kansrijk:' (no trap, no stack trace); else what was wrong."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    wrong = []
    if result_code != 1:
        wrong.append(f"exit status {result_code} (expected 1)")
    if len(lines) != 1:
        wrong.append(f"{len(lines)} lines on stderr (expected exactly 1)")
    elif not lines[0].startswith("kansrijk:"):
        wrong.append("the line does not start with 'kansrijk:'")
    if has_trace(stderr):
        wrong.append("a trap or stack trace")
    return None if not wrong else ", ".join(wrong) + f"; stderr: {stderr.strip()[:800]!r}"


def slug(value: str) -> str:
    """The URL (and audit text) form of an id stored as upper-case text: lower-case, with dashes."""
    return str(uuid.UUID(value)).lower()


def wal_sizes(db) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in db.files() if p.name.endswith("-wal")}


# --- 1. SIGKILL during a births import -----------------------------------------------------------

BIRTH_YEARS = "2021-2023"  # three years, 495,003 synthetic children, ~98,000 counts written in one transaction
BIRTHS_SEED = "4242"  # not the demo's seed: the import must change every count row
IMPORT_KILLS = 5  # one after the summary (inside the transaction), one while the commit writes the WAL, three at random


@pytest.fixture(scope="session")
def births_file(kansrijk, template_db, work_dir: Path, lib) -> Path:
    """A synthetic national births extract written by the product itself (`demo births`)."""
    db = lib.copy_database(template_db, work_dir / "births-maker")
    path = work_dir / "geboorten.csv"
    result = kansrijk.run(["demo", "births", "--years", BIRTH_YEARS, "--seed", BIRTHS_SEED, "--output", str(path)], db, timeout=300)
    assert result.returncode == 0 and path.is_file(), f"demo births failed ({result.returncode}): {result.stdout}{result.stderr}"
    shutil.rmtree(db.dir)
    return path


def count_fingerprint(db) -> dict[str, str]:
    """Per period, a hash of every monitoring count (all columns but the generated id)."""
    rows = db.query("SELECT period, element, area_code, year, breakdown, breakdown_value, count, source "
                    "FROM monitoring_counts ORDER BY period, element, area_code, breakdown, breakdown_value, source")
    by_period: dict[str, list] = {}
    for row in rows:
        by_period.setdefault(row[0], []).append(row)
    return {period: hashlib.sha256(repr(items).encode()).hexdigest()[:16] for period, items in by_period.items()}


class LineReader(threading.Thread):
    """Reads a process's output line by line with the time each line came."""

    def __init__(self, process: subprocess.Popen, started: float, marker: str) -> None:
        super().__init__(daemon=True)
        self.process, self.started, self.marker = process, started, marker
        self.lines: list[tuple[float, str]] = []
        self.seen = threading.Event()

    def run(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            self.lines.append((time.monotonic() - self.started, line))
            if self.marker in line:
                self.seen.set()


def test_sigkill_during_births_import(kansrijk, template_db, births_file, tmp_path, figures, problems, lib):
    copy_database = lib.copy_database

    old = count_fingerprint(template_db)
    years = [str(y) for y in range(int(BIRTH_YEARS[:4]), int(BIRTH_YEARS[-4:]) + 1)]

    # the import run to its end, for the "all new" state and its duration
    reference = copy_database(template_db, tmp_path / "reference")
    started = time.monotonic()
    result = kansrijk.run(["import", "births", str(births_file)], reference, timeout=300)
    full_run = time.monotonic() - started
    assert result.returncode == 0, f"import births on an intact copy failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    new = count_fingerprint(reference)
    assert all(old.get(y) != new.get(y) for y in years), f"the import did not change every year of {years}: old {old}, new {new}"
    assert {p: h for p, h in old.items() if p not in years} == {p: h for p, h in new.items() if p not in years}, \
        "the import changed periods outside its file"

    # Moments: right after the summary the command prints inside the transaction (all rows written,
    # not committed); while the commit writes the WAL (the page cache holds the whole transaction, so
    # the -wal file grows only then, ~45 MB in ~0.1 s: the kill comes once a random part of it is
    # written); and at random moments spread over the run.
    rng = random.Random(SEED)
    window = (0.1 * full_run, 0.75 * full_run)
    wal_threshold = int(rng.uniform(1, 16) * 2**20)  # bytes of the commit's WAL written when the kill comes
    randoms = IMPORT_KILLS - 2
    step = (window[1] - window[0]) / randoms
    plans: list[tuple[str, float]] = [("summary", 0.0), ("commit", 0.0)] + \
        [("random", rng.uniform(window[0] + i * step, window[0] + (i + 1) * step)) for i in range(randoms)]
    moments = {"summary": "after the summary, before the commit", "commit": "while the commit writes the WAL", "random": "random"}
    rounds = []
    for number, (moment, delay) in enumerate(plans, start=1):
        db = copy_database(template_db, tmp_path / f"round-{number}")
        wal = db.dir / f"{db.path.name}-wal"
        started = time.monotonic()
        process = kansrijk.spawn(["import", "births", str(births_file)], db, tmp_path / f"import-{number}.log",
                                 stdout=subprocess.PIPE)
        reader = LineReader(process, started, "vervangen")
        reader.start()
        if moment == "summary":
            reader.seen.wait(timeout=max(60.0, 5 * full_run))
        elif moment == "commit":
            deadline = started + max(60.0, 5 * full_run)
            while process.poll() is None and time.monotonic() < deadline:
                if wal.exists() and wal.stat().st_size > wal_threshold:
                    break
                time.sleep(0.001)
        else:
            time.sleep(max(0.0, delay - (time.monotonic() - started)))
        killed = process.poll() is None
        if killed:
            process.send_signal(signal.SIGKILL)
        at = time.monotonic() - started
        code = process.wait(timeout=30)
        reader.join(timeout=10)
        wal_at_kill = wal.stat().st_size if wal.exists() else 0
        where = f"import round {number} ({moments[moment]}, {at:.2f} s)"

        integrity = db.integrity()
        problems.check(all(v == "ok" for v in integrity.values()), f"{where}: integrity_check {integrity}")
        try:
            state = count_fingerprint(db)
        except Exception as error:  # noqa: BLE001 (reported, then the next round)
            problems.add(f"{where}: the counts could not be read: {error!r}")
            state = {}
        if state == old:
            outcome = "old"
        elif state == new:
            outcome = "new"
        else:
            outcome = "mixed: " + ", ".join(
                f"{y}={'old' if state.get(y) == old.get(y) else 'new' if state.get(y) == new.get(y) else 'neither'}"
                for y in sorted(set(old) | set(new)))
            problems.add(f"{where}: the counts are neither all old nor all new ({outcome})")
        verify = kansrijk.audit_verify(db)
        problems.check(verify.returncode == 0,
                       f"{where}: audit verify --chain-only exited {verify.returncode}: {verify.stdout}{verify.stderr}")
        rounds.append({
            "killed": killed, "kill_at_s": round(at, 2), "moment": moments[moment],
            "summary_printed": reader.seen.is_set(), "wal_bytes_at_kill": wal_at_kill, "exit": code, "counts": outcome,
            "integrity": "ok" if all(v == "ok" for v in integrity.values()) else integrity,
            "audit_verify": verify.returncode,
        })

    # a crashed database takes the import afterwards, and ends in the same state as an intact one
    after = kansrijk.run(["import", "births", str(births_file)], db, timeout=300)
    problems.check(after.returncode == 0, f"import births after the kills exited {after.returncode}: {after.stdout}{after.stderr}")
    problems.check(count_fingerprint(db) == new, "the import after the kills did not end in the same counts as on an intact copy")
    problems.check(all(v == "ok" for v in db.integrity().values()), f"integrity after the last import: {db.integrity()}")

    kills = sum(r["killed"] for r in rounds)
    figures["sigkill_births_import"] = {
        "seed": SEED, "file": f"demo births --years {BIRTH_YEARS} --seed {BIRTHS_SEED} ({births_file.stat().st_size // 1_000_000} MB)",
        "full_import_s": round(full_run, 2), "kills": kills, "wal_kill_threshold_mb": round(wal_threshold / 2**20, 1), "rounds": rounds,
        "outcomes": dict(Counter(r["counts"] for r in rounds)),
    }
    problems.check(kills >= 3, f"only {kills} of {len(plans)} imports were still running when killed (full run {full_run:.2f} s)")
    problems.check(rounds[0]["killed"] and rounds[0]["summary_printed"],
                   "the kill meant for the moment between the summary (inside the transaction) and the commit missed it")
    problems.check(rounds[1]["killed"] and rounds[1]["wal_bytes_at_kill"] > 0,
                   "the kill meant for the moment the commit writes the WAL missed it")
    problems.assert_none("SIGKILL during births imports")


# --- 2. SIGKILL of the server during bursts of saves and page views ---------------------------------

SERVER_KILLS = 5
CREATORS = 3  # threads creating clients as the midwife
VIEWERS = 2  # threads viewing pages (each an audited read)


class Burst:
    """Threads that save and read as hard as they can until the server dies under them."""

    def __init__(self, server, round_number: int, midwife: requests.Session, jgz: requests.Session,
                 midwife_token: str, jgz_token: str, referrals: dict[str, str], view_paths: list[list[str]]) -> None:
        self.server, self.round = server, round_number
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.created: dict[str, str] = {}  # name -> client slug, for every 303
        self.attempted_clients: set[str] = set()
        self.moves: dict[str, list[str]] = {s: [] for s in referrals}  # acknowledged targets, in order
        self.in_flight_moves: dict[str, str] = {}
        self.statuses: Counter = Counter()
        self.unexpected: list[str] = []
        self.threads = [threading.Thread(target=self._creator, args=(w, midwife, midwife_token), daemon=True) for w in range(CREATORS)]
        self.threads += [threading.Thread(target=self._mover, args=(s, status, jgz, jgz_token), daemon=True)
                         for s, status in referrals.items()]
        # viewer 0 reads as the midwife (her clients), viewer 1 as JGZ (its referrals)
        self.threads += [threading.Thread(target=self._viewer, args=(w, midwife if w % 2 == 0 else jgz, view_paths[w % 2]), daemon=True)
                         for w in range(VIEWERS)]

    @staticmethod
    def _own(session: requests.Session) -> requests.Session:
        own = requests.Session()
        own.cookies.update(session.cookies)
        return own

    def _note(self, kind: str, response: requests.Response, expected: int, what: str) -> None:
        with self.lock:
            self.statuses[f"{kind} {response.status_code}"] += 1
            if response.status_code != expected and not self.stop.is_set():
                self.unexpected.append(f"{what} answered {describe(response)} (expected {expected}) before the kill")

    def _creator(self, worker: int, session: requests.Session, token: str) -> None:
        session = self._own(session)
        n = 0
        while not self.stop.is_set():
            n += 1
            name = f"Fout {self.round}.{worker}.{n}"
            with self.lock:
                self.attempted_clients.add(name)
            try:
                response = session.post(self.server.url + "/zorg/clienten", allow_redirects=False, timeout=REQUEST_TIMEOUT, data={
                    "csrf": token, "name": name, "birth_date": "1994-03-14", "municipality": MUNICIPALITY, "language": "nl"})
            except requests.RequestException:
                return  # the server is gone: this one was in flight
            self._note("create", response, 303, f"POST /zorg/clienten ({name})")
            if response.status_code == 303:
                with self.lock:
                    self.created[name] = response.headers["Location"].rstrip("/").rsplit("/", 1)[-1]

    def _mover(self, referral: str, status: str, session: requests.Session, token: str) -> None:
        session = self._own(session)
        while not self.stop.is_set():
            target = NEXT_STATUS[status]
            data = {"csrf": token, "to": target}
            if target in NEEDS_REASON:
                data["reason"] = f"Fouttest ronde {self.round}"
            with self.lock:
                self.in_flight_moves[referral] = target
            try:
                response = session.post(f"{self.server.url}/zorg/verwijzingen/{referral}/status", data=data,
                                        allow_redirects=False, timeout=REQUEST_TIMEOUT)
            except requests.RequestException:
                return
            self._note("move", response, 303, f"POST /zorg/verwijzingen/{referral}/status to={target}")
            with self.lock:
                del self.in_flight_moves[referral]
                if response.status_code == 303:
                    self.moves[referral].append(target)
                    status = target
                else:
                    return

    def _viewer(self, worker: int, session: requests.Session, paths: list[str]) -> None:
        session = self._own(session)
        i = worker
        while not self.stop.is_set():
            path = paths[i % len(paths)]
            i += 1
            try:
                response = session.get(self.server.url + path, allow_redirects=False, timeout=REQUEST_TIMEOUT)
            except requests.RequestException:
                return
            self._note("view", response, 200, f"GET {path}")

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def join(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=REQUEST_TIMEOUT + 5)


def audit_gaps(db, since: float, counted: dict | None = None) -> list[str]:
    """Changes since ``since`` without exactly one audit event each (NEN 7513: every change is
    logged, once): new clients against 'create ... client record', referral moves against
    'update ... referral SLUG FROM -> TO'."""
    gaps = []
    clients = Counter(r[0] for r in db.query("SELECT id FROM care_clients WHERE name LIKE 'Fout %'"))
    logged = Counter(r[0] for r in db.query(
        "SELECT client_id FROM audit_events WHERE action = 'create' AND what = 'client record' AND occurred_at >= ?",
        (since,), which="audit"))
    if clients != logged:
        missing = sorted(set(clients) - set(logged))
        extra = sorted(k for k in logged if logged[k] != clients.get(k, 0) and k in clients)
        orphans = sorted(set(logged) - set(clients))
        gaps.append(f"{len(missing)} new client(s) without their audit event {missing[:5]}, {len(extra)} logged more than once "
                    f"{extra[:5]}, {len(orphans)} event(s) for a client that does not exist {orphans[:5]}")
    moves = Counter((slug(r[0]), r[1], r[2]) for r in db.query(
        "SELECT referral_id, from_status, to_status FROM care_referral_events WHERE at >= ?", (since,)))
    logged_moves: Counter = Counter()
    for (what,) in db.query("SELECT what FROM audit_events WHERE action = 'update' AND what LIKE 'referral % -> %' AND occurred_at >= ?",
                            (since,), which="audit"):
        match = re.fullmatch(r"referral ([0-9a-f-]+) (\S+) -> (\S+)", what)
        if match:
            logged_moves[match.groups()] += 1
    if counted is not None:
        counted.update(clients=sum(clients.values()), client_events=sum(logged.values()),
                       referral_changes=sum(moves.values()), referral_events=sum(logged_moves.values()))
    if moves != logged_moves:
        gaps.append(f"referral changes and their audit events differ: only changed {dict(moves - logged_moves)}, "
                    f"only logged {dict(logged_moves - moves)}")
    return gaps


def test_sigkill_of_server_during_care_bursts(kansrijk, fresh_db, servers, figures, problems):
    db = fresh_db
    rng = random.Random(SEED + 1)
    server = servers(db)
    server.wait_ready()
    since = time.time() - 1
    jgz_org = db.query("SELECT id FROM organisations WHERE name = 'Jeugdgezondheidszorg Zeist'")[0][0]

    def open_referrals() -> dict[str, str]:
        rows = db.query("SELECT id, status FROM care_referrals WHERE receiving_organisation_id = ? "
                        "AND status IN ('requested', 'accepted', 'in-progress', 'on-hold')", (jgz_org,))
        return {slug(i): status for i, status in rows}

    referrals = open_referrals()
    assert len(referrals) >= 2, f"the demo has too few open referrals to JGZ Zeist: {referrals}"
    all_created: dict[str, str] = {}
    rounds = []
    for number in range(1, SERVER_KILLS + 1):
        where = f"server kill {number}"
        midwife, jgz = server.sign_in(MIDWIFE), server.sign_in(JGZ)
        clients = list(all_created.values())[-4:]
        view_paths = [["/zorg", "/zorg/verwijzingen"] + [f"/zorg/clienten/{c}" for c in clients],
                      ["/zorg", "/zorg/verwijzingen"] + [f"/zorg/verwijzingen/{r}" for r in referrals]]
        burst = Burst(server, number, midwife, jgz, server.csrf(midwife), server.csrf(jgz), dict(referrals), view_paths)
        delay = rng.uniform(1.0, 2.5)
        burst.start()
        time.sleep(delay)
        server.kill9()
        burst.join()
        problems.items.extend(f"{where}: {u}" for u in burst.unexpected[:10])

        # the files as the kill left them
        integrity = db.integrity()
        problems.check(all(v == "ok" for v in integrity.values()), f"{where}: integrity_check after the kill {integrity}")
        outbox_at_kill = db.query("SELECT count(*) FROM audit_outbox")[0][0]
        wal_at_kill = wal_sizes(db)

        # restart on the same files: ready, outbox drained, chain intact, every acknowledged save there
        server.start()
        restart = server.wait_ready()
        outbox_after = db.query("SELECT count(*) FROM audit_outbox")[0][0]
        problems.check(outbox_after == 0, f"{where}: {outbox_after} event(s) still in the outbox after the restart")
        chain = kansrijk.audit_verify(db)
        problems.check(chain.returncode == 0, f"{where}: audit verify --chain-only exited {chain.returncode}: {chain.stdout}{chain.stderr}")
        witnessed = kansrijk.audit_verify(db, chain_only=False)
        problems.check(witnessed.returncode == 0,
                       f"{where}: audit verify (with the witness) exited {witnessed.returncode}: {witnessed.stdout}{witnessed.stderr}")
        names = set(burst.created)
        present = {r[0] for r in db.query(
            f"SELECT name FROM care_clients WHERE name IN ({','.join('?' * len(names))})", tuple(names))} if names else set()
        problems.check(present == names, lambda: f"{where}: {len(names - present)} client(s) acknowledged with 303 are missing "
                                                 f"after the restart: {sorted(names - present)[:10]}")
        all_created.update(burst.created)
        in_flight_clients = burst.attempted_clients - names
        survived_in_flight = len({r[0] for r in db.query(
            f"SELECT name FROM care_clients WHERE name IN ({','.join('?' * len(in_flight_clients))})",
            tuple(in_flight_clients))}) if in_flight_clients else 0
        now = open_referrals()
        for referral, start_status in referrals.items():
            acked = burst.moves[referral]
            allowed = {acked[-1] if acked else start_status}
            if referral in burst.in_flight_moves:
                allowed.add(burst.in_flight_moves[referral])
            problems.check(now.get(referral) in allowed,
                           f"{where}: referral {referral} is {now.get(referral)!r} after the restart, expected one of {sorted(allowed)} "
                           f"(acknowledged moves {acked})")
        referrals = {r: s for r, s in now.items() if r in referrals}
        counted: dict = {}
        problems.items.extend(f"{where}: {gap}" for gap in audit_gaps(db, since, counted))
        rounds.append({
            "kill_after_s": round(delay, 2), "acknowledged": dict(burst.statuses),
            "clients_in_flight": len(in_flight_clients), "in_flight_clients_saved": survived_in_flight,
            "moves_in_flight": len(burst.in_flight_moves), "outbox_rows_at_kill": outbox_at_kill, "wal_bytes_at_kill": wal_at_kill,
            "restart_to_ready_s": round(restart, 2), "outbox_rows_after_restart": outbox_after,
            "integrity": "ok" if all(v == "ok" for v in integrity.values()) else integrity,
            "audit_verify_chain_only": chain.returncode, "audit_verify_with_witness": witnessed.returncode,
        })

    code = server.stop()
    problems.check(code == 0, f"the server did not stop cleanly on SIGTERM at the end (status {code})")
    final = db.integrity()
    problems.check(all(v == "ok" for v in final.values()), f"integrity after the last clean stop: {final}")
    final_verify = kansrijk.audit_verify(db, chain_only=False)
    problems.check(final_verify.returncode == 0, f"audit verify at the end exited {final_verify.returncode}: {final_verify.stdout}")
    figures["sigkill_server_bursts"] = {
        "seed": SEED + 1, "kills": SERVER_KILLS, "threads": {"create client": CREATORS, "move referral": len(referrals), "view": VIEWERS},
        "clients_acknowledged": len(all_created), "changes_and_their_audit_events": counted,
        "audit_events": int(db.query("SELECT max(sequence) FROM audit_events", which="audit")[0][0]), "rounds": rounds,
    }
    problems.assert_none("SIGKILL of the server during bursts")


# --- 3. read-only database ---------------------------------------------------------------------

def sha256_of(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}


def shared_dir(work_dir: Path, name: str) -> Path:
    """A folder that the user `nobody` can reach (pytest's tmp_path is closed to other users)."""
    path = Path(tempfile.mkdtemp(prefix=name + ".", dir=work_dir))
    path.chmod(0o755)
    return path


def start_and_watch(kansrijk, db, logs: Path, name: str, user: str | None = None, wait: float = 20.0):
    """Start `serve` with stdout and stderr apart; (exit status, or None when it started and answers
    HTTP, stdout, stderr, process, port)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    out, err = logs / f"{name}.out", logs / f"{name}.err"
    kwargs = {}
    if user is not None:
        import pwd  # noqa: PLC0415

        kwargs = {"user": user, "group": pwd.getpwnam(user).pw_gid, "extra_groups": []}
    with open(out, "wb") as o, open(err, "wb") as e:
        process = subprocess.Popen([str(kansrijk.binary), "serve", "--hostname", "127.0.0.1", "--port", str(port)],
                                   cwd=REPO_ROOT,
                                   env=kansrijk.env(db), stdin=subprocess.DEVNULL, stdout=o, stderr=e, start_new_session=True, **kwargs)
    kansrijk.processes.add(process)
    # until it exits, or answers GET /health/ready (whatever the status: then it has started)
    deadline = time.monotonic() + wait
    while process.poll() is None and time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/health/ready", timeout=1)
            break
        except requests.RequestException:
            time.sleep(0.1)
    code = process.poll()
    return code, out.read_text(errors="replace"), err.read_text(errors="replace"), process, port


READ_ONLY_CASES = {
    "folder-and-files": "the folder and both files on a read-only file system",
    "empty-folder": "an empty read-only folder (first start)",
    "main-file": "only the main file read-only",
    "audit-file": "only the audit file read-only",
    "wal-file": "only the main file's -wal read-only (left by a crash)",
}


@pytest.mark.parametrize("case", list(READ_ONLY_CASES), ids=list(READ_ONLY_CASES))
def test_read_only_database_at_start(case, kansrijk, template_db, work_dir, logs, mounts, can_mount, births_file,
                                     figures, problems, lib):
    """Read-only for root too: a read-only tmpfs or a read-only bind mount (root ignores permission
    bits). Without mounts, the server runs as `nobody` on chmod'ed files instead."""
    Database, copy_database = lib.Database, lib.copy_database
    folder = shared_dir(work_dir, f"ro-{case}")
    user = None
    method = "mount"
    if can_mount is not None:
        method = "chmod, server as nobody" if os.geteuid() == 0 else "chmod"
        user = "nobody" if os.geteuid() == 0 else None
    witness = folder / "witness.log"
    db_dir = folder / "db"

    def protect(path: Path) -> None:
        if method == "mount":
            mounts.bind_read_only(path)
        else:
            path.chmod(0o444 if path.is_file() else 0o555)

    if case in ("folder-and-files", "empty-folder"):
        if method == "mount":
            size = sum(p.stat().st_size for p in (template_db.path, template_db.audit)) + (8 << 20)
            mounts.tmpfs(db_dir, size)
            db = copy_database(template_db, db_dir, witness) if case == "folder-and-files" else Database(db_dir, witness)
            mounts.remount(db_dir, "ro")
        else:
            db_dir.mkdir()
            db = copy_database(template_db, db_dir, witness) if case == "folder-and-files" else Database(db_dir, witness)
            if user:
                shutil.chown(witness.parent, user)
            for p in db.files():
                p.chmod(0o444)
            db_dir.chmod(0o555)
    else:
        db = copy_database(template_db, db_dir, witness)
        if case == "wal-file":
            # a crash leaves -wal and -shm beside the main file: start, then SIGKILL
            code, out, err, process, port = start_and_watch(kansrijk, db, logs, "make-wal", wait=0)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if requests.get(f"http://127.0.0.1:{port}/health/ready", timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                time.sleep(0.1)
            process.kill()
            process.wait(timeout=10)
            assert (db_dir / "kansrijk.sqlite-wal").exists(), f"no -wal after a SIGKILL: {[p.name for p in db.files()]}"
        if user:
            for p in [db_dir, *db.files(), witness]:
                shutil.chown(p, user)
        protect({"main-file": db.path, "audit-file": db.audit, "wal-file": db_dir / "kansrijk.sqlite-wal"}[case])
    before = sha256_of(db.files())

    code, out, err, process, port = start_and_watch(kansrijk, db, logs, f"serve-{case}", user=user)
    record = {"how": method, "what": READ_ONLY_CASES[case], "exit": code, "stderr": err.strip()[:300]}
    if code is None:
        # it started: acceptable only if it says it is not ready (and it must never serve a trace)
        try:
            ready = requests.get(f"http://127.0.0.1:{port}/health/ready", timeout=REQUEST_TIMEOUT)
            record["ready"] = f"{ready.status_code} {ready.text.strip()[:200]}"
            problems.check(ready.status_code == 503,
                           f"{READ_ONLY_CASES[case]}: the server started and GET /health/ready answered "
                           f"{ready.status_code} {ready.text.strip()[:200]!r} (expected exit status 1 with one line, or 503)")
            if ready.status_code != 503:
                # what a user meets on such a server: a sign-in writes a session
                page = requests.Session()
                form = page.get(f"http://127.0.0.1:{port}/inloggen", timeout=REQUEST_TIMEOUT)
                match = re.search(r'name="csrf" value="([^"]+)"', form.text)
                login = page.post(f"http://127.0.0.1:{port}/inloggen", allow_redirects=False, timeout=REQUEST_TIMEOUT, data={
                    "email": MIDWIFE, "password": os.environ.get("KANSRIJK_DEMO_PASSWORD") or "demo-wachtwoord-123",
                    "csrf": match.group(1) if match else "", "terug": "/"})
                record["sign_in"] = login.status_code
                problems.add(f"{READ_ONLY_CASES[case]}: POST /inloggen on that server answered {describe(login)}")
        except requests.RequestException as error:
            problems.add(f"{READ_ONLY_CASES[case]}: the server neither exited nor answered GET /health/ready: {error!r}")
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)
        problems.check(not has_trace(out + err), f"{READ_ONLY_CASES[case]}: a trace in the server's output:\n{(out + err)[-1500:]}")
    else:
        wrong = one_line_failure(code, err)
        problems.check(wrong is None, f"{READ_ONLY_CASES[case]}: serve: {wrong}")
        problems.check(not has_trace(out), f"{READ_ONLY_CASES[case]}: a trace on stdout:\n{out[-1500:]}")

    if case == "folder-and-files":
        # the commands an operator runs meet the same one line
        for args in (["audit", "verify", "--chain-only"], ["import", "births", str(births_file)], ["migrate", "-y"]):
            result = kansrijk.run(args, db, timeout=60, user=user)
            wrong = one_line_failure(result.returncode, result.stderr)
            record[" ".join(args[:2])] = f"exit {result.returncode}: {result.stderr.strip()[:200]}"
            problems.check(wrong is None, f"{READ_ONLY_CASES[case]}: kansrijk {' '.join(args)}: {wrong}")

    problems.check(sha256_of(db.files()) == before or case == "wal-file" and code is None,
                   f"{READ_ONLY_CASES[case]}: the read-only files changed")
    mounts.undo()
    if method != "mount":
        for p in [db_dir, *db.files()]:
            p.chmod(0o755 if p.is_dir() else 0o644)
    if db.path.exists():
        integrity = db.integrity()
        problems.check(all(v == "ok" for v in integrity.values()), f"{READ_ONLY_CASES[case]}: integrity afterwards {integrity}")
    figures.setdefault("read_only_at_start", {})[case] = record
    problems.assert_none(f"read-only database ({READ_ONLY_CASES[case]})")


def test_missing_database_folder(kansrijk, work_dir, logs, figures, lib):
    folder = shared_dir(work_dir, "missing") / "nope"
    db = lib.Database(folder, witness=folder.parent / "witness.log")
    code, out, err, process, _ = start_and_watch(kansrijk, db, logs, "serve-missing")
    if code is None:
        process.kill()
        process.wait(timeout=10)
        pytest.fail(f"the server started although the folder {folder} does not exist:\n{out[-1000:]}{err[-1000:]}", pytrace=False)
    wrong = one_line_failure(code, err)
    figures.setdefault("read_only_at_start", {})["missing-folder"] = {"exit": code, "stderr": err.strip()[:300]}
    assert wrong is None, f"KANSRIJK_DATABASE_PATH in a missing folder: {wrong}"
    assert not folder.exists(), f"the server created {folder}"


PAGES_ANONYMOUS = ["/", "/aanbod", "/monitor", "/inloggen"]
PAGES_SIGNED_IN = ["/zorg", "/zorg/verwijzingen", "/zorg/clienten/nieuw"]


def check_pages(server, session, client_path: str | None, problems, where: str) -> dict[str, int]:
    """Every page answers without a trace and the process stays up; returns the statuses."""
    seen = {}
    for path, who in [(p, None) for p in PAGES_ANONYMOUS] + [(p, session) for p in PAGES_SIGNED_IN] + \
            ([(client_path, session)] if client_path else []):
        try:
            response = server.get(path, who)
        except requests.RequestException as error:
            problems.add(f"{where}: GET {path} got no answer: {error!r}")
            continue
        seen[path] = response.status_code
        problems.check(not has_trace(response.text), f"{where}: GET {path} shows a trace: {describe(response)}")
        problems.check(response.status_code < 500 or is_error_page(response),
                       f"{where}: GET {path} answered {describe(response)} (not the site's error page)")
    problems.check(server.alive(), f"{where}: the server process ended:\n{server.log_tail()}")
    return seen


def create_client(server, session, token: str, name: str) -> requests.Response:
    return session.post(server.url + "/zorg/clienten", allow_redirects=False, timeout=REQUEST_TIMEOUT, data={
        "csrf": token, "name": name, "birth_date": "1994-03-14", "municipality": MUNICIPALITY, "language": "nl"})


def test_database_made_read_only_while_serving(kansrijk, template_db, work_dir, servers, figures, problems, lib):
    """`mount -o remount,ro` is refused while the server holds its files open for writing (EBUSY),
    so the files are taken away the way an operator would: the server runs as `nobody` (as itself
    when not root) and its folder and files lose their write permission while it serves."""
    folder = shared_dir(work_dir, "ro-running")
    db = lib.copy_database(template_db, folder / "db", folder / "witness.log")
    user = "nobody" if os.geteuid() == 0 else None
    if user:
        for p in [folder, db.dir, *db.files(), db.witness_file]:
            shutil.chown(p, user)
    server = servers(db, user=user)
    server.wait_ready()
    midwife = server.sign_in(MIDWIFE)
    token = server.csrf(midwife)
    first = create_client(server, midwife, token, "Fout ro.1")
    assert first.status_code == 303, f"a new client before the change answered {describe(first)}"
    client_path = first.headers["Location"]

    started = time.monotonic()
    for p in db.files():
        p.chmod(0o444)
    db.dir.chmod(0o555)
    record: dict = {"server_user": user or "(the test's own)"}
    try:
        took = server.wait_until(lambda status, _: status == 503, 10, "GET /health/ready 503 after the files became read-only")
        _, reason = server.ready_status()
        record.update(ready_503_after_s=round(took, 2), reason=reason)
        problems.check("read-only" in reason and "\n" not in reason, f"GET /health/ready gave the reason {reason!r} (one line naming read-only)")
    except AssertionError as error:
        problems.add(str(error).splitlines()[0])
    record["pages"] = check_pages(server, midwife, client_path, problems, "read-only while serving")
    write = create_client(server, midwife, token, "Fout ro.2")
    record["create_client"] = write.status_code
    problems.check(write.status_code == 303 or (write.status_code >= 400 and is_error_page(write) and not has_trace(write.text)),
                   f"POST /zorg/clienten on read-only files answered {describe(write)} (expected a save or the site's error page)")
    problems.check(server.alive(), f"the server ended after the files became read-only:\n{server.log_tail()}")

    for p in db.files():
        p.chmod(0o644)
    db.dir.chmod(0o755)
    try:
        record["ready_again_after_s"] = round(server.wait_ready(timeout=15), 2)
    except AssertionError as error:
        problems.add(f"no recovery once writable again: {str(error).splitlines()[0]}")
    after = create_client(server, midwife, token, "Fout ro.3")
    record["create_client_after"] = after.status_code
    problems.check(after.status_code == 303, f"POST /zorg/clienten once writable again answered {describe(after)}")
    record["total_s"] = round(time.monotonic() - started, 2)
    code = server.stop()
    problems.check(code == 0, f"the server did not stop cleanly (status {code})")
    integrity = db.integrity()
    problems.check(all(v == "ok" for v in integrity.values()), f"integrity afterwards {integrity}")
    verify = kansrijk.audit_verify(db, chain_only=True)
    problems.check(verify.returncode == 0, f"audit verify --chain-only exited {verify.returncode}: {verify.stdout}{verify.stderr}")
    figures["read_only_while_serving"] = record
    problems.assert_none("database made read-only while serving")


# --- 4. disk full ------------------------------------------------------------------------------

def test_disk_full(kansrijk, template_db, work_dir, servers, mounts, can_mount, figures, problems, lib):
    """A tmpfs a little larger than the database (so below the 64 MB readiness threshold), then
    filled to the last byte; then room again, by growing the tmpfs while the server runs."""
    if can_mount is not None:
        pytest.fail(f"the disk-full test needs to mount a small tmpfs (root or passwordless sudo): {can_mount}", pytrace=False)
    since = time.time() - 1
    folder = shared_dir(work_dir, "full")
    database_bytes = sum(p.stat().st_size for p in (template_db.path, template_db.audit))
    size = database_bytes + (24 << 20)
    mounts.tmpfs(folder / "db", size)
    db = lib.copy_database(template_db, folder / "db")  # the witness in the same (full) folder, as by default
    server = servers(db)
    record: dict = {"tmpfs_mb": round(size / 2**20, 1), "database_mb": round(database_bytes / 2**20, 1)}
    took = server.wait_until(lambda status, body: status == 503 and "64 MB" in body, 60, "GET /health/ready 503 (less than 64 MB free)")
    record["ready_503_after_start_s"] = round(took, 2)
    midwife = server.sign_in(MIDWIFE)
    token = server.csrf(midwife)
    acked: list[str] = []
    first = create_client(server, midwife, token, "Fout vol.0")
    problems.check(first.status_code == 303, f"a new client with {size // 2**20} MB of room answered {describe(first)}")
    if first.status_code == 303:
        acked.append("Fout vol.0")
    client_path = first.headers.get("Location")

    # fill the disk, to the last page (unbuffered writes: a buffered file would fail again on close)
    filler = db.dir / "vuller.bin"
    written = 0
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (1 << 20, 4096):
            while True:
                try:
                    written += os.write(fd, b"\0" * size)
                except OSError as error:
                    assert error.errno == errno.ENOSPC, f"filling the tmpfs: {error!r}"
                    break
    finally:
        os.close(fd)
    record["filler_mb"] = round(written / 2**20, 1)
    record["free_bytes_when_full"] = shutil.disk_usage(db.dir).free
    status, reason = server.ready_status()
    record["ready_when_full"] = f"{status} {reason}"
    problems.check(status == 503 and "64 MB" in reason, f"GET /health/ready on a full disk answered {status} {reason!r}")

    # saves until one cannot be written: that one must be a clear error page
    refused = None
    saves_before_refusal = 0
    for n in range(1, 81):
        try:
            response = create_client(server, midwife, token, f"Fout vol.{n}")
        except requests.RequestException as error:
            problems.add(f"POST /zorg/clienten on a full disk got no answer: {error!r}")
            break
        if response.status_code == 303:
            acked.append(f"Fout vol.{n}")
            saves_before_refusal += 1
            continue
        refused = response
        break
    record["saves_that_still_fit"] = saves_before_refusal
    if refused is None:
        problems.add(f"80 new clients were all saved on a full disk ({record['free_bytes_when_full']} bytes free): no refusal to check")
    else:
        record["refused_save"] = describe(refused)[:200]
        problems.check(refused.status_code >= 400 and is_error_page(refused) and not has_trace(refused.text),
                       f"POST /zorg/clienten on a full disk answered {describe(refused)} (expected 4xx/5xx with the site's error page)")
    record["pages_when_full"] = check_pages(server, midwife, client_path, problems, "disk full")
    try:
        again = server.sign_in(JGZ)
        record["sign_in_when_full"] = "303"
        del again
    except AssertionError as error:
        record["sign_in_when_full"] = str(error)[:200]
        problems.check(not has_trace(str(error)), f"sign-in on a full disk: {error}")
    problems.check(server.alive(), f"the server ended on a full disk:\n{server.log_tail()}")

    # room again: delete the filler and grow the tmpfs past the threshold, without a restart
    filler.unlink()
    started = time.monotonic()
    mounts.remount(db.dir, f"size={size + (256 << 20)}")
    try:
        record["ready_again_after_s"] = round(server.wait_ready(timeout=30), 2)
    except AssertionError as error:
        problems.add(f"no recovery after making room: {str(error).splitlines()[0]}")
    after = create_client(server, midwife, token, "Fout vol.na")
    record["create_client_after"] = after.status_code
    if problems.check(after.status_code == 303, f"POST /zorg/clienten after making room answered {describe(after)}"):
        acked.append("Fout vol.na")
    record["recovery_s"] = round(time.monotonic() - started, 2)

    code = server.stop()
    problems.check(code == 0, f"the server did not stop cleanly (status {code})")
    present = {r[0] for r in db.query("SELECT name FROM care_clients WHERE name LIKE 'Fout vol.%'")}
    problems.check(set(acked) <= present, f"clients acknowledged with 303 are missing: {sorted(set(acked) - present)}")
    integrity = db.integrity()
    problems.check(all(v == "ok" for v in integrity.values()), f"integrity after the full disk {integrity}")
    for chain_only in (True, False):
        verify = kansrijk.audit_verify(db, chain_only=chain_only)
        problems.check(verify.returncode == 0, f"audit verify{' --chain-only' if chain_only else ''} exited {verify.returncode}: "
                                               f"{verify.stdout}{verify.stderr}")
    problems.items.extend(f"disk full: {gap}" for gap in audit_gaps(db, since))
    record["clients_acknowledged"] = len(acked)
    figures["disk_full"] = record
    problems.assert_none("disk full")


# --- 5. PostgreSQL stopped and started under requests ---------------------------------------------

PG_DATABASE_PAGES = [("/zorg", True), ("/zorg/verwijzingen", True), ("/monitor", False)]  # need the database
PG_MEMORY_PAGES = ["/", "/aanbod"]  # served from the in-memory directory (ADR 0002): 200 or 503
PG_OUTAGES = [3.0, 8.0]  # seconds PostgreSQL stays down
PG_RECOVERY_LIMIT = 30.0


class Load(threading.Thread):
    """Steady requests against a few pages, recording every answer (or its absence)."""

    def __init__(self, server, session: requests.Session) -> None:
        super().__init__(daemon=True)
        self.server, self.session = server, requests.Session()
        self.session.cookies.update(session.cookies)
        self.stop = threading.Event()
        self.phase = "up"  # up, down (PostgreSQL stopped), recovering (started, pages not yet 200)
        self.log: list[tuple[str, str, int | str, float]] = []

    def run(self) -> None:
        paths = [p for p, _ in PG_DATABASE_PAGES] + PG_MEMORY_PAGES
        i = 0
        while not self.stop.is_set():
            path = paths[i % len(paths)]
            i += 1
            phase, started = self.phase, time.monotonic()
            try:
                status: int | str = self.server.get(path, self.session, timeout=REQUEST_TIMEOUT).status_code
            except requests.RequestException as error:
                status = type(error).__name__
            self.log.append((phase, path, status, time.monotonic() - started))
            time.sleep(0.05)


def test_postgres_stopped_and_restarted_under_requests(kansrijk, postgres, servers, tmp_path, figures, problems):
    env = {"DATABASE_URL": postgres.url, "KANSRIJK_AUDIT_WITNESS": str(tmp_path / "witness.log"),
           "KANSRIJK_SECURE_COOKIES": "off"}  # plain http on loopback; outside the demo cookies are Secure by default
    started = time.monotonic()
    migrate = kansrijk.run(["migrate", "-y"], None, extra_env=env, timeout=300)
    assert migrate.returncode == 0, f"kansrijk migrate on PostgreSQL failed:\n{migrate.stdout[-2000:]}{migrate.stderr[-2000:]}"
    demo = kansrijk.run(["demo"], None, extra_env=env, timeout=300)
    assert demo.returncode == 0, f"kansrijk demo on PostgreSQL failed:\n{demo.stdout[-2000:]}{demo.stderr[-2000:]}"
    record: dict = {"migrate_and_demo_s": round(time.monotonic() - started, 1), "outages": []}

    server = servers(None, extra_env=env)
    server.wait_ready()
    pid = server.pid
    midwife = server.sign_in(MIDWIFE)
    for path, signed_in in PG_DATABASE_PAGES:
        response = server.get(path, midwife if signed_in else None)
        assert response.status_code == 200, f"GET {path} on PostgreSQL before any outage answered {describe(response)}"

    token = server.csrf(midwife)
    load = Load(server, midwife)
    load.start()
    try:
        for outage in PG_OUTAGES:
            where = f"PostgreSQL down for {outage:.0f} s"
            entry: dict = {"down_s": outage}
            time.sleep(1.0)
            load.phase = "down"
            stopped_at = time.monotonic()
            postgres.stop()
            try:
                server.wait_until(lambda status, _: status == 503, 10, f"{where}: GET /health/ready 503", poll=0.05)
                entry["ready_503_after_s"] = round(time.monotonic() - stopped_at, 2)
                _, reason = server.ready_status()
                entry["reason"] = reason
                problems.check("\n" not in reason and reason.startswith("not ready"), f"{where}: the reason is {reason!r}")
            except AssertionError as error:
                problems.add(str(error).splitlines()[0])
            statuses = {}
            for path, signed_in in PG_DATABASE_PAGES:
                try:
                    response = server.get(path, midwife if signed_in else None)
                except requests.RequestException as error:
                    problems.add(f"{where}: GET {path} got no answer: {error!r}")
                    continue
                statuses[path] = response.status_code
                problems.check(response.status_code == 503 and is_error_page(response) and not has_trace(response.text),
                               f"{where}: GET {path}{' (signed in)' if signed_in else ''} answered {describe(response)} "
                               "(expected 503 with the site's error page)")
            for path in PG_MEMORY_PAGES:
                response = server.get(path)
                statuses[path] = response.status_code
                problems.check(response.status_code in (200, 503) and not has_trace(response.text),
                               f"{where}: GET {path} answered {describe(response)} (expected 200 from memory or 503)")
            # a save during the outage: the person must see that it was not saved
            name = f"Fout pg.{len(record['outages'])}"
            save = create_client(server, midwife, token, name)
            statuses["POST /zorg/clienten"] = save.status_code
            problems.check(save.status_code == 503 and is_error_page(save) and not has_trace(save.text),
                           f"{where}: POST /zorg/clienten (signed in, valid form) answered {describe(save)} "
                           "(expected 503 with the site's error page)")
            live = server.get("/health/live")
            problems.check(live.status_code == 200, f"{where}: GET /health/live answered {live.status_code}")
            entry["statuses_while_down"] = statuses
            time.sleep(max(0.0, outage - (time.monotonic() - stopped_at)))
            problems.check(server.alive() and server.pid == pid, f"{where}: the server process ended:\n{server.log_tail()}")

            postgres.start()
            load.phase = "recovering"
            back_at = time.monotonic()
            try:
                server.wait_ready(timeout=PG_RECOVERY_LIMIT)
                entry["ready_200_after_restart_s"] = round(time.monotonic() - back_at, 2)
            except AssertionError as error:
                problems.add(f"{where}: no recovery: {str(error).splitlines()[0]}")
            deadline = back_at + PG_RECOVERY_LIMIT
            for path, signed_in in PG_DATABASE_PAGES:
                while True:
                    response = server.get(path, midwife if signed_in else None)
                    if response.status_code == 200 or time.monotonic() > deadline:
                        break
                    time.sleep(0.2)
                problems.check(response.status_code == 200,
                               f"{where}: GET {path} still answered {describe(response)} {PG_RECOVERY_LIMIT:.0f} s after PostgreSQL was back")
            entry["pages_200_after_restart_s"] = round(time.monotonic() - back_at, 2)
            load.phase = "up"
            problems.check(server.alive() and server.pid == pid, f"{where}: the server was restarted or ended")
            record["outages"].append(entry)
    finally:
        load.stop.set()
        load.join(timeout=REQUEST_TIMEOUT + 5)

    slow = [(p, s, round(d, 1)) for _, p, s, d in load.log if d > 10]
    dropped = [(phase, p, s) for phase, p, s, _ in load.log if isinstance(s, str)]
    not_ok_while_up = Counter(f"{p} {s}" for phase, p, s, _ in load.log if phase == "up" and s != 200)
    problems.check(not dropped, f"requests under load got no answer: {Counter(dropped)}")
    problems.check(not slow, f"requests under load took more than 10 s: {slow[:10]}")
    problems.check(not not_ok_while_up, f"with PostgreSQL up, requests under load answered other than 200: {dict(not_ok_while_up)}")
    record["load"] = {
        "requests": len(load.log), "slowest_s": round(max((d for *_, d in load.log), default=0), 2),
        "answers": {phase: dict(sorted(Counter(f"{p} {s}" for ph, p, s, _ in load.log if ph == phase).items()))
                    for phase in ("up", "down", "recovering")},
    }

    code = server.stop()
    problems.check(code == 0, f"the server did not stop cleanly after the outages (status {code}):\n{server.log_tail()}")
    verify = kansrijk.run(["audit", "verify", "--chain-only"], None, extra_env=env)
    problems.check(verify.returncode == 0, f"audit verify --chain-only on PostgreSQL exited {verify.returncode}: {verify.stdout}{verify.stderr}")
    record["audit_verify_chain_only"] = verify.returncode
    figures["postgres_outage"] = record
    problems.assert_none("PostgreSQL stopped and started under requests")
