#!/usr/bin/env python3
"""Screenshots of pages for a human to look at: `scripts/screenshots.py BASE_URL OUTDIR [--as EMAIL] PATH...`.

Uses the system Chromium through Playwright (the venv that scripts/test makes).
"""
import argparse
import os
import re

from playwright.sync_api import sync_playwright

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("outdir")
parser.add_argument("--as", dest="email")
parser.add_argument("--width", type=int, default=1280)
parser.add_argument("paths", nargs="+")
args = parser.parse_args()
os.makedirs(args.outdir, exist_ok=True)
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": args.width, "height": 900})
    if args.email:
        page.goto(args.base + "/inloggen")
        page.fill("input[name=email]", args.email)
        page.fill("input[name=password]", os.environ.get("KANSRIJK_DEMO_PASSWORD", "demo-wachtwoord-123"))
        page.click("button[type=submit]")
    for path in args.paths:
        page.goto(args.base + path)
        name = re.sub(r"[^a-zA-Z0-9]+", "_", path).strip("_") or "home"
        page.screenshot(path=os.path.join(args.outdir, f"{name}-{args.width}.png"), full_page=True)
        print(path, page.title())
    browser.close()
