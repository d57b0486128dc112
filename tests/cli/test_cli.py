"""The command line never crashes (issue #14).

Runs the built binary (``.build/debug/kansrijk``, or ``$KANSRIJK_BINARY``) as a person would: from a
temporary working directory, without ``KANSRIJK_ROOT`` (so it must find ``Resources/`` next to
itself), on a new SQLite file. Every failure must end with one line ``kansrijk: ...`` on standard
error, exit status 1 for an error and 2 for a usage error (with the usage), in Dutch or English after
``LANG``, and never a trap, a stack trace, a Vapor log line or a Foundation error dump.

Every command and subcommand that ``kansrijk --help`` and ``kansrijk monitoring --help`` list must
appear in ``CASES`` (checked), each with no arguments, a bad argument and, where it reads or writes
a file, a missing one.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("KANSRIJK_BINARY", ROOT / ".build" / "debug" / "kansrijk"))
VERSION = re.search(r'static let version = "([^"]+)"', (ROOT / "Sources/KansrijkApp/App/Entrypoint.swift").read_text()).group(1)
FORBIDDEN = ("Fatal error", "Stack dump", "[ WARNING ]", "[ ERROR ]", "Error Domain", "Backtrace", "💣")
MISSING = "/nonexistent-kansrijk/missing.csv"
MISSING_FOLDER = "/nonexistent-kansrijk"
BIRTHS_HEADER = "jaar;gemeente;amww;amdd;hoftiezer;pariteit;levend;amddd1ond;kwetsbaar;inkomen_kwintiel;opleiding"


def clean_environment(**extra: str) -> dict[str, str]:
    """The caller's environment without anything Kansrijk or the locale would read from it."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("KANSRIJK_", "LC_", "VAPOR_")) and k not in ("DATABASE_URL", "LANG", "LANGUAGE")}
    env.update(KANSRIJK_BCRYPT_COST="4", LANG="C")
    env.update(extra)
    return env


class Kansrijk:
    def __init__(self, work: Path):
        self.work = work
        work.mkdir(parents=True, exist_ok=True)

    def run(self, *args: str, db: Path | None = None, stdin: str = "", timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
        database = db or self.work / "kansrijk.sqlite"
        return subprocess.run([str(BINARY), *args], cwd=self.work, input=stdin, capture_output=True, text=True, timeout=timeout,
                              env=clean_environment(KANSRIJK_DATABASE_PATH=str(database), **env))


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_clean(result: subprocess.CompletedProcess) -> None:
    for word in FORBIDDEN:
        assert word not in result.stderr, f"{word!r} on stderr:\n{result.stderr}"
        assert word not in result.stdout, f"{word!r} on stdout:\n{result.stdout}"


def assert_failure(result: subprocess.CompletedProcess, status: int, *needles: str) -> str:
    """Exit `status`, the last line on stderr `kansrijk: ...` holding every needle; for an error
    (status 1) that line is all there is. Returns the line."""
    assert_clean(result)
    assert result.returncode == status, f"exit {result.returncode}, expected {status}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    err = lines(result.stderr)
    assert err, "nothing on stderr"
    last = err[-1]
    assert last.startswith("kansrijk: "), f"last line {last!r}"
    if status == 1:
        assert len(err) == 1, f"more than one line on stderr: {result.stderr}"
    else:
        assert any(line.startswith(("Usage: kansrijk", "Gebruik: kansrijk")) for line in err), f"no usage: {result.stderr}"
    for needle in needles:
        assert needle in last, f"{needle!r} not in {last!r}"
    return last


def assert_success(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert_clean(result)
    assert result.returncode == 0, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    for needle in needles:
        assert needle in result.stdout, f"{needle!r} not in {result.stdout!r}"


def births_file(folder: Path) -> Path:
    path = folder / "geboorten.csv"
    rows = ["2023;GM0355;39;0;50;0;1;60;0;3;midden"] * 12 + ["2023;GM0654;40;2;45;1;1;0;0;2;laag"] * 5
    path.write_text("\n".join([BIRTHS_HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session", autouse=True)
def binary_exists():
    assert BINARY.is_file(), f"{BINARY} is missing: run `swift build` first"


@pytest.fixture
def kansrijk(tmp_path: Path) -> Kansrijk:
    return Kansrijk(tmp_path / "elsewhere")


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Kansrijk:
    """One working folder and database for the walk through every command."""
    return Kansrijk(tmp_path_factory.mktemp("walk"))


# --- the failures the issue measured --------------------------------------------------------------

def test_demo_on_a_new_sqlite_file(kansrijk):
    assert_success(kansrijk.run("demo"), "Loaded the demo data")
    assert_success(kansrijk.run("demo"), "not loaded again")
    # the password comes from standard input
    assert_success(kansrijk.run("user", "create", "--email", "nieuw@zeist.demo", "--role", "admin", "--organisation", "Gemeente Zeist",
                                stdin="een-lang-wachtwoord\n"), "Created nieuw@zeist.demo")
    assert_failure(kansrijk.run("user", "create", "--email", "nieuw@zeist.demo", "--role", "admin", "--organisation", "Gemeente Zeist",
                                stdin="een-lang-wachtwoord\n"), 1, "exists already")


def test_import_births_on_a_new_sqlite_file(kansrijk):
    assert_success(kansrijk.run("import", "births", str(births_file(kansrijk.work))), "Geïmporteerd: 17 kinderen uit 2023")


def test_unknown_command_shows_the_usage_and_creates_no_database(kansrijk):
    result = kansrijk.run("frobnicate")
    assert_failure(result, 2, "unknown command 'frobnicate'")
    assert "Commands: " in result.stderr and "demo" in result.stderr
    assert not (kansrijk.work / "kansrijk.sqlite").exists(), "a usage error must not create the database"
    assert_failure(kansrijk.run("dmeo"), 2, "did you mean demo?")


def test_version_and_help(kansrijk):
    for args in (["--version"], ["version"]):
        assert_success(kansrijk.run(*args), f"kansrijk {VERSION}")
    help_ = kansrijk.run("--help")
    assert_success(help_, "Commands:", "serve", "demo", "import", "version")
    assert_success(kansrijk.run("help"), "Commands:")
    assert not (kansrijk.work / "kansrijk.sqlite").exists(), "--help and --version open no database"


def test_a_missing_file_is_one_line_naming_it_in_the_locale_language(kansrijk):
    assert_failure(kansrijk.run("import", "births", MISSING), 1, f"file not found: {MISSING}")
    assert_failure(kansrijk.run("import", "births", MISSING, LANG="nl_NL.UTF-8"), 1, f"bestand niet gevonden: {MISSING}")
    assert_failure(kansrijk.run("import", "births", MISSING, LANG="nl_NL.UTF-8", LC_ALL="C"), 1, "file not found")
    dutch = assert_failure(kansrijk.run("frobnicate", LANG="nl_NL.UTF-8"), 2, "onbekende opdracht 'frobnicate'")
    assert "Gebruik: kansrijk" in kansrijk.run("frobnicate", LANG="nl_NL.UTF-8").stderr, dutch


def test_an_invalid_csv_gives_the_importers_own_report(kansrijk):
    broken = kansrijk.work / "kapot.csv"
    broken.write_text(BIRTHS_HEADER + "\n2023;GM0355;99;0;50;0;1;60;0;3;midden\n", encoding="utf-8")
    result = kansrijk.run("import", "births", str(broken))
    assert_clean(result)
    assert result.returncode == 1, result.stderr
    assert "regel 2" in result.stdout + result.stderr, "the importer names the wrong line"
    assert lines(result.stderr)[-1] == "kansrijk: Import geweigerd; er is niets veranderd."
    one_column = kansrijk.work / "een-kolom.csv"
    one_column.write_text("alleen dit\n1\n", encoding="utf-8")
    bench = kansrijk.run("monitoring", "bench", str(one_column))
    assert_clean(bench)
    assert bench.returncode == 1 and lines(bench.stderr)[-1].startswith("kansrijk: Niets geïmporteerd: 1 probleem"), bench.stderr
    assert any(line.strip().startswith("regel 1:") for line in lines(bench.stderr)[:-1]), bench.stderr


def test_user_create_refuses_bad_arguments_in_one_line(kansrijk):
    assert_failure(kansrijk.run("user"), 2, "missing argument 'action'")
    assert_failure(kansrijk.run("user", "create", "--email"), 2, "--email")
    assert_failure(kansrijk.run("user", "remove"), 2, "Unknown action 'remove'")
    assert_failure(kansrijk.run("user", "create", "--email", "geen-adres", "--role", "admin", "--organisation", "Gemeente Zeist",
                                stdin="een-lang-wachtwoord\n"), 2, "--email with a valid address")
    assert_failure(kansrijk.run("user", "create", "--email", "a@b.nl", "--role", "baas", "--organisation", "Gemeente Zeist",
                                stdin="een-lang-wachtwoord\n"), 2, "--role must be one of")
    assert_failure(kansrijk.run("user", "create", "--email", "a@b.nl", "--role", "admin", "--organisation", "Bestaat Niet",
                                stdin="een-lang-wachtwoord\n"), 1, "--organisation must name an existing organisation")


def test_without_automatic_migration_a_command_says_to_migrate(kansrijk):
    assert_failure(kansrijk.run("demo", KANSRIJK_AUTO_MIGRATE="0"), 1, "kansrijk migrate")
    assert_failure(kansrijk.run("demo", KANSRIJK_AUTO_MIGRATE="0", LANG="nl_NL.UTF-8"), 1, "voer eerst 'kansrijk migrate' uit")
    assert_success(kansrijk.run("migrate", KANSRIJK_AUTO_MIGRATE="0"), "Database is up to date")
    assert_success(kansrijk.run("import", "births", str(births_file(kansrijk.work)), KANSRIJK_AUTO_MIGRATE="0"), "Geïmporteerd")


def test_an_empty_kansrijk_root_names_the_folder(kansrijk, tmp_path):
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert_failure(kansrijk.run("serve", KANSRIJK_ROOT=str(empty)), 1, "cannot find Resources/", str(empty))
    assert_failure(kansrijk.run("demo", KANSRIJK_ROOT=str(empty), LANG="nl_NL.UTF-8"), 1, "niet gevonden", str(empty))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_from_another_folder_finds_its_resources(kansrijk):
    port = free_port()
    process = subprocess.Popen([str(BINARY), "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=kansrijk.work,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=clean_environment(KANSRIJK_DATABASE_PATH=str(kansrijk.work / "k.sqlite"), KANSRIJK_LOAD_DEMO="0"))
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=2) as response:
                    status = response.status
                    break
            except OSError:
                time.sleep(0.3)
        assert status == 200, f"not ready (exit {process.poll()})"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200 and "Kansrijk" in response.read().decode(), "the start page (a Leaf view) renders"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
    for word in FORBIDDEN:
        assert word not in err, f"{word!r} in the server's stderr:\n{err}"


def test_backup_while_serving_then_restore_after_stopping(kansrijk):
    """ADR 0045: a backup while the server writes; a restore refused while it runs, then done, after
    which `audit verify` passes; the replaced files kept aside."""
    port = free_port()
    database = kansrijk.work / "kansrijk.sqlite"
    archive = kansrijk.work / "backup.zip"
    process = subprocess.Popen([str(BINARY), "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=kansrijk.work,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=clean_environment(KANSRIJK_DATABASE_PATH=str(database), KANSRIJK_DEMO_PASSWORD="demo-wachtwoord-123"))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        # every visit of the log-in page starts a session: the server writes while the backup runs
        visits = subprocess.Popen(["bash", "-c", f"for i in $(seq 200); do curl -s -o /dev/null http://127.0.0.1:{port}/inloggen; done"])
        backup = kansrijk.run("backup", "--out", str(archive))
        assert_success(backup, "Backup written", "audit log up to")
        refused = kansrijk.run("restore", str(archive), LANG="nl_NL.UTF-8")
        assert_failure(refused, 1, "is in gebruik door een draaiende Kansrijk")
        visits.wait(timeout=120)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
    restored = kansrijk.run("restore", str(archive))
    assert_success(restored, "Restored: the backup of", "audit log intact")
    kept = sorted(p.name for p in kansrijk.work.iterdir() if ".before-restore-" in p.name)
    assert [name.split(".before-restore-")[0] for name in kept] == ["kansrijk-audit-witness.log", "kansrijk-audit.sqlite", "kansrijk.sqlite"], kept
    assert_success(kansrijk.run("audit", "verify"), "Audit log intact")
    damaged = kansrijk.work / "damaged.zip"
    damaged.write_bytes(archive.read_bytes()[:-200])
    assert_failure(kansrijk.run("restore", str(damaged)), 1, "is no Kansrijk backup")


def test_serve_on_a_port_in_use_is_one_line(kansrijk):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = kansrijk.run("serve", "--hostname", "127.0.0.1", "--port", str(port), KANSRIJK_LOAD_DEMO="0")
    assert result.returncode == 1, result.stderr
    assert lines(result.stderr)[-1] == "kansrijk: the address is already in use: choose another --port or stop the program that holds it"
    for word in FORBIDDEN:
        assert word not in result.stderr


# --- every command: no arguments, a bad argument, a missing file -----------------------------------

# (arguments, exit status, text the last stderr line (or stdout, for 0) holds)
CASES: dict[str, list[tuple[list[str], int, str]]] = {
    "audit": [([], 2, "missing argument 'action'"), (["frobnicate"], 2, "Unknown action"),
              (["verify", "--expect-head", "nonsense"], 2, "SEQ:HASH")],
    "backup": [([], 2, "give --out FILE"), (["--out", f"{MISSING_FOLDER}/b.zip"], 1, f"folder not found: {MISSING_FOLDER}"),
               (["--bogus"], 2, "'--bogus'")],
    "care": [([], 2, "missing argument 'action'"), (["frobnicate"], 2, "Unknown action"), (["generate", "--clients", "0"], 2, "--clients"),
             (["generate", "--clients", "veel"], 2, "invalid value for 'clients'")],
    "config": [([], 0, "KANSRIJK_DATABASE_PATH"), (["--bogus"], 2, "'--bogus'")],
    "demo": [([], 0, "demo"), (["--national", "veel"], 2, "invalid value for 'national'"), (["--national", "0"], 2, "--national takes"),
             (["extra"], 2, "unknown argument or option 'extra'")],
    "demo births": [(["--years", "2023", "--per-year", "20", "--output", "demo-geboorten.csv"], 0, "Geschreven"),
                    (["--years", "twintig"], 2, "--years"), (["--output", f"{MISSING_FOLDER}/x.csv"], 1, f"folder not found: {MISSING_FOLDER}")],
    "export": [([], 2, "missing argument 'kind'"), (["hsds", "--format", "xml"], 2, "Unknown --format"),
               (["hsds", "--format", "csv"], 2, "--out FOLDER"), (["hsds", "--out", f"{MISSING_FOLDER}/x.json"], 1, f"folder not found: {MISSING_FOLDER}")],
    "import": [([], 2, "missing argument 'kind'"), (["hsds"], 2, "missing argument 'path'"), (["xml", "a"], 2, "Unknown kind"),
               (["hsds", MISSING], 1, f"file not found: {MISSING}")],
    "import births": [([], 2, "missing argument 'file'"), (["a.csv", "--bogus"], 2, "'--bogus'"), ([MISSING], 1, f"file not found: {MISSING}")],
    "migrate": [([], 0, "up to date"), (["--bogus"], 2, "'--bogus'")],
    "monitoring": [([], 2, "a command is missing"), (["frobnicate"], 2, "unknown command 'frobnicate'")],
    "monitoring import-births": [([], 2, "missing argument 'file'"), (["a.csv", "b.csv"], 2, "'b.csv'"), ([MISSING], 1, f"file not found: {MISSING}")],
    "monitoring demo-births": [(["--years", "2022", "--per-year", "20", "--output", "demo-2022.csv"], 0, "Geschreven"),
                               (["--per-year", "veel"], 2, "invalid value for 'per-year'"),
                               (["--per-year", "9223372036854775807"], 2, "--per-year takes"),
                               (["--output", f"{MISSING_FOLDER}/x.csv"], 1, f"folder not found: {MISSING_FOLDER}")],
    "monitoring import-aggregate": [([], 2, "missing argument"), (["geen_kraamzorg"], 2, "missing argument 'file'"),
                                    (["geen_kraamzorg", MISSING], 1, f"file not found: {MISSING}")],
    "monitoring bench": [([], 2, "missing argument 'file'"), (["a.csv", "--store", "x"], 2, "'x'"), ([MISSING], 1, f"file not found: {MISSING}")],
    "participatie": [([], 2, "missing argument"), (["frobnicate", "a.csv"], 2, "Onbekende actie"), (["import", MISSING], 1, f"file not found: {MISSING}")],
    "restore": [([], 2, "missing argument 'file'"), ([MISSING], 1, f"file not found: {MISSING}"), (["a.zip", "b.zip"], 2, "'b.zip'")],
    "routes": [([], 0, "/health/ready"), (["--bogus"], 2, "'--bogus'")],
    "second-factor": [([], 2, "missing argument 'action'"), (["require", "misschien", "--organisation", "Gemeente Zeist"], 2, "Say on or off"),
                      (["require", "on", "--organisation", "Bestaat Niet"], 1, "--organisation must name")],
    "serve": [(["--port", "acht"], 2, "invalid value for 'port'"), (["extra"], 2, "'extra'")],
    "user": [([], 2, "missing argument 'action'"), (["create", "--bogus", "x"], 2, "'--bogus'")],
    "version": [([], 0, VERSION), (["--bogus"], 2, "'--bogus'")],
}


def listed_commands(help_text: str) -> list[str]:
    """The names under "Commands:" in ConsoleKit's help."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", help_text)
    after = text.split("Commands:", 1)[1]
    return [m.group(1) for m in re.finditer(r"^\s+([a-z][a-z0-9-]*)\s", after, re.MULTILINE)]


def test_every_command_is_walked(shared):
    top = shared.run("--help")
    assert_success(top)
    commands = listed_commands(top.stdout)
    assert {"serve", "demo", "import", "user", "version", "migrate", "monitoring"} <= set(commands), commands
    monitoring = shared.run("monitoring", "--help")
    assert_success(monitoring)
    walked = set(commands) | {f"monitoring {name}" for name in listed_commands(monitoring.stdout)} | {"import births", "demo births"}
    assert walked - {"monitoring"} <= set(CASES), f"commands without cases: {sorted(walked - set(CASES))}"
    for name in walked:
        result = shared.run(*name.split(), "--help")
        assert_success(result, "Usage: ")


@pytest.mark.parametrize("command", sorted(CASES))
def test_command(shared, command):
    for args, status, needle in CASES[command]:
        result = shared.run(*command.split(), *args)
        if status == 0:
            assert_success(result)
            assert needle in result.stdout, f"{command} {args}: {needle!r} not in {result.stdout!r}"
        else:
            assert_failure(result, status, needle)
