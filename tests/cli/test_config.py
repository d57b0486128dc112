"""`kansrijk config` prints the effective settings with secrets masked (issue 17, ADR 0043).

Runs the built binary as tests/test_cli.py does: from a temporary folder, with a clean environment.
`config` opens no database (it must work before the database is reachable), names every setting with
its value and "default" or "set", and never prints a password, token or key. A read replica on SQLite
is refused at start with one line.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("KANSRIJK_BINARY", ROOT / ".build" / "debug" / "kansrijk"))
FORBIDDEN = ("Fatal error", "Stack dump", "[ WARNING ]", "[ ERROR ]", "Error Domain", "Backtrace")
SECRETS = {
    "DATABASE_URL": "postgres://kansrijk:db-geheim-42@127.0.0.1:1/kansrijk",
    "KANSRIJK_DATABASE_READ_URL": "postgres://lezer:replica-geheim-42@127.0.0.1:1/kansrijk",
    "KANSRIJK_SMTP_URL": "smtp://mailer:smtp-geheim-42@smtp.example.nl:587",
    "KANSRIJK_MAIL_FROM": "Kansrijk <noreply@example.nl>",
    "KANSRIJK_METRICS_TOKEN": "metrics-geheim-0123456789",
    "KANSRIJK_AUDIT_ANCHOR_KEY": "anker-geheim-0123456789abcdef0123456789",
    "KANSRIJK_DEMO_PASSWORD": "demo-geheim-42",
}


def clean_environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("KANSRIJK_", "LC_", "VAPOR_")) and k not in ("DATABASE_URL", "LANG", "LANGUAGE")}
    env.update(LANG="C")
    env.update(extra)
    return env


def run(work: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BINARY), *args], cwd=work, capture_output=True, text=True, timeout=60,
                          env=clean_environment(**env))


def settings(stdout: str) -> dict[str, tuple[str, str]]:
    """NAME -> (value, status) from the aligned columns."""
    table = {}
    for line in stdout.splitlines():
        if not line.strip():
            continue
        name, rest = line.split(None, 1)
        value, status = rest.rstrip().rsplit(None, 1)
        table[name] = (value.strip(), status)
    return table


def assert_clean(result: subprocess.CompletedProcess) -> None:
    for word in FORBIDDEN:
        assert word not in result.stdout + result.stderr, f"{word!r} in output:\n{result.stdout}\n{result.stderr}"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "elders"
    folder.mkdir()
    return folder


def test_config_on_the_sqlite_default_opens_no_database(work):
    result = run(work, "config", KANSRIJK_DATABASE_PATH=str(work / "k.sqlite"))
    assert_clean(result)
    assert result.returncode == 0, result.stderr
    table = settings(result.stdout)
    assert table["KANSRIJK_DATABASE_PATH"] == (str(work / "k.sqlite"), "set")
    assert table["KANSRIJK_AUTO_MIGRATE"] == ("true", "default")
    assert table["KANSRIJK_BCRYPT_COST"] == ("12", "default")
    assert table["DATABASE_URL"][1] == "default"
    assert {"KANSRIJK_SMTP_URL", "KANSRIJK_METRICS_TOKEN", "KANSRIJK_DATABASE_READ_URL", "KANSRIJK_LOG_FORMAT"} <= set(table)
    assert not (work / "k.sqlite").exists(), "kansrijk config must not create or open the database"


def test_config_masks_every_secret(work):
    # PostgreSQL on a port where nothing listens: config must not try to connect
    result = run(work, "config", **SECRETS)
    assert_clean(result)
    assert result.returncode == 0, result.stderr
    for name, value in SECRETS.items():
        in_url = re.search(r"://[^:/@]+:([^@]+)@", value)
        secret = in_url.group(1) if in_url else value
        if name == "KANSRIJK_MAIL_FROM":
            continue
        assert secret not in result.stdout, f"the secret of {name} is printed:\n{result.stdout}"
    table = settings(result.stdout)
    assert table["DATABASE_URL"] == ("postgres://kansrijk:********@127.0.0.1:1/kansrijk", "set")
    assert table["KANSRIJK_DATABASE_READ_URL"] == ("postgres://lezer:********@127.0.0.1:1/kansrijk", "set")
    assert table["KANSRIJK_SMTP_URL"] == ("smtp://mailer:********@smtp.example.nl:587", "set")
    assert table["KANSRIJK_METRICS_TOKEN"] == ("********", "set")
    assert table["KANSRIJK_AUDIT_ANCHOR_KEY"] == ("********", "set")
    assert table["KANSRIJK_AUTO_MIGRATE"] == ("false", "default"), "PostgreSQL does not migrate by itself"
    dutch = run(work, "config", LANG="nl_NL.UTF-8", **SECRETS)
    assert dutch.returncode == 0 and settings(dutch.stdout)["KANSRIJK_AUTO_MIGRATE"] == ("false", "standaard")


def test_a_read_replica_on_sqlite_is_refused_in_one_line(work):
    for command in (["config"], ["serve", "--port", "1"]):
        result = run(work, *command, KANSRIJK_DATABASE_PATH=str(work / "k.sqlite"),
                     KANSRIJK_DATABASE_READ_URL="postgres://lezer@127.0.0.1:1/kansrijk")
        assert_clean(result)
        assert result.returncode == 1, result.stderr
        err = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(err) == 1 and err[0].startswith("kansrijk: "), result.stderr
        assert "KANSRIJK_DATABASE_READ_URL needs DATABASE_URL (PostgreSQL)" in err[0]
        assert not (work / "k.sqlite").exists()
