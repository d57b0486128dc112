"""The mail settings stop a start with one clear line, and never print the SMTP password."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILT_BINARY = REPO_ROOT / ".build" / "debug" / "kansrijk"


def start(extra: dict[str, str]) -> subprocess.CompletedProcess:
    folder = tempfile.mkdtemp(prefix="kansrijk-mail-settings-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KANSRIJK_") and k != "DATABASE_URL"}
    env.update({"KANSRIJK_DATABASE_PATH": f"{folder}/k.sqlite", "KANSRIJK_BCRYPT_COST": "4"}, **extra)
    return subprocess.run([str(BUILT_BINARY), "serve", "--hostname", "127.0.0.1", "--port", "0"], cwd=REPO_ROOT, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("settings", "expected"), [
    ({"KANSRIJK_SMTP_HOST": "mail.example.nl"}, "use KANSRIJK_SMTP_URL"),
    ({"KANSRIJK_SMTP_URL": "smtp://kansrijk:zeer-geheim@mail.example.nl:587"}, "KANSRIJK_MAIL_FROM is required"),
    ({"KANSRIJK_SMTP_URL": "ftp://kansrijk:zeer-geheim@mail.example.nl", "KANSRIJK_MAIL_FROM": "a@b.nl"}, "smtp:// or smtps://"),
    ({"KANSRIJK_SMTP_URL": "smtps://mail.example.nl", "KANSRIJK_MAIL_FROM": "a@b.nl",
      "KANSRIJK_SMTP_CA_FILE": "/nonexistent/ca.pem"}, "KANSRIJK_SMTP_CA_FILE"),
])
def test_bad_mail_settings_stop_the_start(settings, expected):
    result = start(settings)
    assert result.returncode != 0, result.stdout[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert any(expected in line and line.startswith("kansrijk:") for line in lines), result.stderr
    assert "zeer-geheim" not in result.stdout + result.stderr
    assert "Fatal error" not in result.stderr
