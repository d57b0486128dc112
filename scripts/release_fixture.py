#!/usr/bin/env python3
"""Makes the fixture of a release: a small SQLite database written by that release's own binary.

    python3 scripts/release_fixture.py --binary /path/to/kansrijk-v0.16.0 --version v0.16.0

runs `kansrijk demo` of the given binary on a new SQLite file (the demo data: directory,
coalitions, monitor, care with its audit chain), keeps the monitor's counts of the three demo
municipalities only (the rest is 40 MB of generated numbers no migration treats differently),
and writes `Tests/Fixtures/releases/<version>/`:

- `database.zip`: `kansrijk.sqlite` and `kansrijk-audit.sqlite`, deflated;
- `manifest.json`: the release, the row count of every table, and for every table with an `id`
  column its three smallest ids (spot checks), plus the audit chain's head.

`ReleaseMigrationTests` migrates a copy with the current code and finds every row (docs/releases.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_MUNICIPALITIES = ("GM0355", "GM0654", "GM0200")  # Zeist, Borsele, Apeldoorn


def tables(db: sqlite3.Connection) -> dict[str, dict]:
    found = {}
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for name in names:
        count = db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        columns = [r[1] for r in db.execute(f'PRAGMA table_info("{name}")')]
        entry: dict = {"rows": count}
        if "id" in columns and count:
            entry["ids"] = [str(r[0]) for r in db.execute(f'SELECT id FROM "{name}" ORDER BY id LIMIT 3')]
        found[name] = entry
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the release's kansrijk binary")
    parser.add_argument("--version", required=True, help="the release tag, e.g. v0.16.0")
    parser.add_argument("--out", help="folder to write (default Tests/Fixtures/releases/<version>)")
    args = parser.parse_args()
    out = Path(args.out) if args.out else ROOT / "Tests" / "Fixtures" / "releases" / args.version
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as work:
        main_file = Path(work) / "kansrijk.sqlite"
        audit_file = Path(work) / "kansrijk-audit.sqlite"
        env = {k: v for k, v in os.environ.items() if not k.startswith("KANSRIJK_") and k != "DATABASE_URL"}
        env.update(KANSRIJK_ROOT=str(ROOT), KANSRIJK_DATABASE_PATH=str(main_file), KANSRIJK_BCRYPT_COST="4",
                   KANSRIJK_DEMO_PASSWORD="demo-wachtwoord-123", KANSRIJK_AUDIT_WITNESS="off")
        subprocess.run([args.binary, "demo"], cwd=work, env=env, check=True)

        with sqlite3.connect(main_file) as db:
            marks = ",".join("?" for _ in DEMO_MUNICIPALITIES)
            db.execute(f"DELETE FROM monitoring_counts WHERE area_code NOT IN ({marks})", DEMO_MUNICIPALITIES)
        for path in (main_file, audit_file):
            db = sqlite3.connect(path)
            db.execute("VACUUM")
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            db.close()

        main_db, audit_db = sqlite3.connect(main_file), sqlite3.connect(audit_file)
        head = audit_db.execute("SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1").fetchone()
        version = subprocess.run([args.binary, "version"], cwd=work, env=env, check=True, capture_output=True, text=True).stdout.strip()
        manifest = {
            "release": args.version,
            "binary": version,
            "trimmed": f"monitoring_counts keeps the areas {', '.join(DEMO_MUNICIPALITIES)} only",
            "files": {"kansrijk.sqlite": tables(main_db), "kansrijk-audit.sqlite": tables(audit_db)},
            "auditHead": f"{head[0]}:{head[1]}" if head else None,
        }
        main_db.close()
        audit_db.close()
        with zipfile.ZipFile(out / "database.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in (main_file, audit_file):
                archive.write(path, path.name)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"Wrote {out}/database.zip ({(out / 'database.zip').stat().st_size} bytes) and manifest.json")


if __name__ == "__main__":
    main()
