"""Operators can see it (ADR 0044): a real `kansrijk serve` with JSON log lines, a metrics token and
a loopback metrics port, scraped over HTTP as Prometheus would, its text parsed line by line.

Runs the built binary like tests/cli/test_cli.py does, on a new SQLite file without the demo.
"""

from __future__ import annotations

import json
import math
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import pytest

import os
import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("KANSRIJK_BINARY", ROOT / ".build" / "debug" / "kansrijk"))
FORBIDDEN = ("Fatal error", "Stack dump", "Backtrace", "💣")

TOKEN = "cli-metrics-token-0123456789"
SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def clean_environment(**extra: str) -> dict[str, str]:
    """The caller's environment without anything Kansrijk or the locale would read from it."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("KANSRIJK_", "LC_", "VAPOR_")) and k not in ("DATABASE_URL", "LANG", "LANGUAGE", "LOG_LEVEL")}
    env.update(KANSRIJK_BCRYPT_COST="4", LANG="C")
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse(text: str) -> tuple[dict[str, str], list[tuple[str, dict[str, str], float]]]:
    """The Prometheus text format: `# TYPE` lines and samples; any other line fails the test."""
    types: dict[str, str] = {}
    samples = []
    for line in text.splitlines():
        if not line:
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in ("counter", "gauge", "histogram", "summary", "untyped"), line
            types[name] = kind
            continue
        if line.startswith("# HELP "):
            continue
        match = SAMPLE.match(line)
        assert match, f"not a Prometheus sample: {line!r}"
        labels = dict(LABEL.findall(match.group(3) or ""))
        samples.append((match.group(1), labels, float(match.group(4))))
    return types, samples


def value(samples, name: str, **labels: str) -> float | None:
    for sample_name, sample_labels, number in samples:
        if sample_name == name and all(sample_labels.get(k) == v for k, v in labels.items()):
            return number
    return None


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("observability")
    port, metrics_port = free_port(), free_port()
    # to files, not pipes: debug logging fills a pipe nobody reads while the server runs, and blocks it
    stdout, stderr = open(work / "stdout.log", "w"), open(work / "stderr.log", "w")
    process = subprocess.Popen(
        [str(BINARY), "serve", "--hostname", "127.0.0.1", "--port", str(port), "--log", "debug"], cwd=work,
        stdout=stdout, stderr=stderr, text=True,
        env=clean_environment(KANSRIJK_DATABASE_PATH=str(work / "k.sqlite"), KANSRIJK_LOAD_DEMO="0",
                              KANSRIJK_LOG_FORMAT="json", KANSRIJK_METRICS_TOKEN=TOKEN,
                              KANSRIJK_METRICS_PORT=str(metrics_port)))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if get(base + "/health/ready")[0] == 200:
                break
        except OSError:
            time.sleep(0.3)
    state = {"base": base, "metrics": f"http://127.0.0.1:{metrics_port}/metrics", "process": process, "work": work}
    yield state
    stop(process)
    stdout.close()
    stderr.close()


def stop(process) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_metrics_are_closed_to_the_public_and_scraped_with_the_token(server):
    assert get(server["base"] + "/health/live")[0] == 200
    assert get(server["base"] + "/metrics")[0] == 401
    assert get(server["base"] + "/metrics", {"Authorization": "Bearer wrong-token-0123456789"})[0] == 401
    missing = uuid.uuid4()
    for _ in range(3):
        assert get(f"{server['base']}/aanbod/{missing}")[0] == 404
    status, headers, text = get(server["base"] + "/metrics", {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200
    assert headers["content-type"].startswith("text/plain; version=0.0.4")
    types, samples = parse(text)
    assert types["kansrijk_http_requests_total"] == "counter"
    assert types["kansrijk_http_request_duration_seconds"] == "histogram"
    route = {"route": "/aanbod/:id", "method": "GET", "status": "404"}
    assert value(samples, "kansrijk_http_requests_total", **route) == 3
    assert value(samples, "kansrijk_http_request_duration_seconds_count", **route) == 3
    assert value(samples, "kansrijk_http_request_duration_seconds_bucket", le="+Inf", **route) == 3
    assert str(missing) not in text, "a raw path never becomes a label"
    # buckets only grow
    buckets = [(float(labels["le"]), number) for name, labels, number in samples
               if name == "kansrijk_http_request_duration_seconds_bucket" and all(labels.get(k) == v for k, v in route.items())]
    buckets.sort(key=lambda pair: pair[0])
    assert [n for _, n in buckets] == sorted(n for _, n in buckets) and math.isinf(buckets[-1][0])
    # figures read at scrape time
    assert value(samples, "kansrijk_audit_chain_length") is not None
    assert value(samples, "kansrijk_mail_outbox_messages", state="queued") is not None
    assert value(samples, "kansrijk_monitoring_import_jobs", status="bezig") == 0


def test_the_loopback_port_serves_only_metrics(server):
    assert get(server["metrics"])[0] == 401, "the token is asked for there too"
    status, _, text = get(server["metrics"], {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200
    types, samples = parse(text)
    assert "kansrijk_info" in types and value(samples, "kansrijk_info") == 1
    assert get(server["metrics"].replace("/metrics", "/"))[0] == 404
    assert get(server["metrics"].replace("/metrics", "/health/live"))[0] == 404


def test_request_id_in_the_header_and_in_every_line_of_the_request(server):
    status, headers, _ = get(server["base"] + "/inloggen", {"X-Request-Id": "cli-req-0001"})
    assert status == 200 and headers["X-Request-Id"] == "cli-req-0001"
    _, headers, _ = get(server["base"] + "/inloggen", {"X-Request-Id": "bad id\twith tab"})
    assert uuid.UUID(headers["X-Request-Id"])


def test_log_lines_are_json(server):
    # the fixture's server stops at the end of the module; stop it now to read everything it wrote
    stop(server["process"])
    out = (server["work"] / "stdout.log").read_text()
    err = (server["work"] / "stderr.log").read_text()
    for word in FORBIDDEN:
        assert word not in err, f"{word!r} in the server's stderr:\n{err[-2000:]}"
    records = []
    for line in out.splitlines():
        if line.strip():
            records.append(json.loads(line))  # every line on standard output is one JSON object
    assert records and all({"time", "level", "logger", "message"} <= set(r) for r in records)
    assert any("Kansrijk is running." in r["message"] for r in records), "the welcome is a log line too"
    mine = [r for r in records if r.get("request-id") == "cli-req-0001"]
    assert any(r["message"] == "GET /inloggen 200" and r["status"] == "200" for r in mine), \
        "with --log debug each request has an access line carrying its id"
    assert not any("bad id" in json.dumps(r) for r in records), "an unsafe incoming id never reaches a log line"
