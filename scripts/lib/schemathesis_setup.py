"""Prepare the two Schemathesis runs of `scripts/test browser`: the server's own OpenAPI document,
and the official HSDS 3.0 `openapi.json` against the HSDS API (issue 16, "proven from outside").

Usage: schemathesis_setup.py SERVER_URL SHARED_DIR OUT_DIR   (run with the test venv's Python)

Writes two files to OUT_DIR, two to OUT_DIR/official, and prints nothing else but what it found:

* ``openapi.json``: GET SERVER_URL/api/openapi.json, unchanged except that the references to the
  official HSDS 3.0 schemas (``https://raw.githubusercontent.com/openreferral/specification/3.0/
  schema/...``) point at the copy in SHARED_DIR/standards/hsds-3.0/schema. Without that the HSDS
  responses would be checked against nothing (Schemathesis skips a reference it cannot fetch), and
  the run would depend on the network.
* ``schemathesis.toml``: real data, so the run gets past 404 and 401: ids of the demo data for each
  ``{id}`` operation, indicator codes, areas and periods (each used in half of the generated cases;
  the other half stay generated), and for ``/api/zorg/...`` the session cookie of
  professional@zeist.demo (password in KANSRIJK_DEMO_PASSWORD) and ids of her clients.

* ``official/openapi.json``: SHARED_DIR/standards/hsds-3.0/schema/openapi.json with its references
  pointed at the same local copy, ``servers`` at SERVER_URL/api/hsds, and the upstream fix of
  openreferral/specification#574 applied (``GET /service_at_locations/{id}`` answers a
  service_at_location, ``compiled/service_at_location.json``; 3.0 wrongly says a service).
* ``official/schemathesis.toml``: the demo ids for every ``{id}`` and id filter, the check
  ``negative_data_rejection`` narrowed to 400, and ``scripts/lib/schemathesis_hsds_checks.py``
  as hooks (its check: a rejected wrong-typed parameter is problem JSON that names it).

Exits non-zero, with the reason, if the server does not serve its OpenAPI document or the data
cannot be collected: a run without them would check much less and still pass.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import requests

SPEC_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
TIMEOUT = 30
CARE_EMAIL = "professional@zeist.demo"
CLIENT_LINK = re.compile(r"/zorg/clienten/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")
CSRF_INPUT = re.compile(r'<input[^>]*\bname="csrf"[^>]*\bvalue="([^"]+)"')

# {id} operations of the HSDS API and the list that supplies their ids
HSDS_DETAILS = {
    "/api/hsds/services/{id}": "/api/hsds/services",
    "/api/hsds/organizations/{id}": "/api/hsds/organizations",
    "/api/hsds/service_at_locations/{id}": "/api/hsds/service_at_locations",
    "/api/hsds/taxonomies/{id}": "/api/hsds/taxonomies",
    "/api/hsds/taxonomy_terms/{id}": "/api/hsds/taxonomy_terms",
}
# id filters of the official list operations and the ids they take
OFFICIAL_FILTERS = {
    "/services": {"organization_id": "organizations_ids", "taxonomy_id": "taxonomies_ids", "taxonomy_term_id": "taxonomy_terms_ids"},
    "/service_at_locations": {"organization_id": "organizations_ids", "taxonomy_id": "taxonomies_ids",
                              "taxonomy_term_id": "taxonomy_terms_ids"},
    "/taxonomy_terms": {"taxonomy_id": "taxonomies_ids", "parent_id": "taxonomy_terms_ids"},
}
AREAS = ["GM0355", "GM0200", "GG2514", "PV26", "NL01"]
PERIODS = ["2019", "2020", "2021", "2022", "2023"]


def fail(message: str) -> None:
    print(f"schemathesis_setup: {message}", file=sys.stderr)
    sys.exit(1)


def get_json(session: requests.Session, url: str) -> Any:
    response = session.get(url, timeout=TIMEOUT)
    if response.status_code != 200:
        fail(f"GET {url} answered {response.status_code}")
    return response.json()


def localise(node: Any, schema_dir: Path, missing: set[str]) -> Any:
    """The document with every reference into the official HSDS schemas pointed at the local copy."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(SPEC_BASE):
                relative, _, fragment = value[len(SPEC_BASE):].partition("#")
                path = schema_dir / relative
                if not path.is_file():
                    missing.add(relative)
                value = path.as_uri() + (f"#{fragment}" if fragment else "")
            out[key] = localise(value, schema_dir, missing)
        return out
    if isinstance(node, list):
        return [localise(item, schema_dir, missing) for item in node]
    return node


def sign_in(base: str, password: str) -> requests.Session:
    session = requests.Session()
    page = session.get(base + "/inloggen", timeout=TIMEOUT)
    token = CSRF_INPUT.search(page.text)
    if page.status_code != 200 or not token:
        fail(f"GET /inloggen answered {page.status_code} without a form token")
    response = session.post(
        base + "/inloggen",
        data={"email": CARE_EMAIL, "password": password, "csrf": token.group(1), "terug": "/"},
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    if response.status_code != 303 or not session.cookies.get("kansrijk_sessie"):
        fail(f"log-in as {CARE_EMAIL} answered {response.status_code}")
    return session


def toml_string(value: str) -> str:
    return json.dumps(value)  # a JSON string of printable ASCII is a TOML basic string


def toml_array(values: list[str]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def official_document(base: str, schema_dir: Path) -> dict[str, Any]:
    """The official HSDS 3.0 API description, made runnable against our server without network."""
    document = json.loads((schema_dir / "openapi.json").read_text(encoding="utf-8"))
    detail = document.get("paths", {}).get("/service_at_locations/{id}", {}).get("get", {})
    schema = detail.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
    if schema.get("$ref") != SPEC_BASE + "compiled/service.json":
        fail("the official GET /service_at_locations/{id} no longer names compiled/service.json: "
             "check whether openreferral/specification#574 is in this copy and drop the fix")
    schema["$ref"] = SPEC_BASE + "compiled/service_at_location.json"  # openreferral/specification#574
    missing: set[str] = set()
    local = localise(document, schema_dir, missing)
    if missing:
        fail(f"the official openapi.json refers to schemas that are not in {schema_dir}: {sorted(missing)}")
    local["servers"] = [{"url": base + "/api/hsds", "description": "Kansrijk, HSDS API"}]
    return local


def write_config(path: Path, dictionaries: dict[str, list[str]],
                 operations: list[tuple[str, dict[str, str], dict[str, str]]], extra: list[str] = ()) -> None:
    """A schemathesis.toml: no cache, the dictionaries, and per operation its bound parameters and headers."""
    lines = ["# Written by scripts/lib/schemathesis_setup.py for one run of scripts/test browser.", "",
             *extra,
             "# no state carried over between runs (and nothing written to the work tree): every run is the same",
             "[cache]", "enabled = false", ""]
    for name, values in dictionaries.items():
        lines += [f"[dictionaries.{name}]", f"values = {toml_array(values)}", ""]
    for operation, parameters, headers in operations:
        lines += ["[[operations]]", f"include-path = {toml_string(operation)}"]
        if parameters:
            bindings = ", ".join(f"{toml_string(k)} = {{ dictionary = {toml_string(v)}, probability = 0.5 }}"
                                 for k, v in parameters.items())
            lines.append(f"parameters = {{ {bindings} }}")
        if headers:
            lines.append("headers = { " + ", ".join(f"{toml_string(k)} = {toml_string(v)}" for k, v in headers.items()) + " }")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    if len(sys.argv) != 4:
        fail("usage: schemathesis_setup.py SERVER_URL SHARED_DIR OUT_DIR")
    base, shared, out = sys.argv[1].rstrip("/"), Path(sys.argv[2]), Path(sys.argv[3])
    password = os.environ.get("KANSRIJK_DEMO_PASSWORD") or fail("KANSRIJK_DEMO_PASSWORD is not set")
    schema_dir = (shared / "standards" / "hsds-3.0" / "schema").resolve()
    out.mkdir(parents=True, exist_ok=True)
    anonymous = requests.Session()

    document = get_json(anonymous, base + "/api/openapi.json")
    missing: set[str] = set()
    local = localise(document, schema_dir, missing)
    if missing:
        fail(f"the OpenAPI document refers to HSDS schemas that are not in {schema_dir}: {sorted(missing)}")
    (out / "openapi.json").write_text(json.dumps(local, indent=1, ensure_ascii=True), encoding="utf-8")

    dictionaries: dict[str, list[str]] = {}
    operations: list[tuple[str, dict[str, str], dict[str, str]]] = []  # path, parameter -> dictionary, headers
    for detail, listing in HSDS_DETAILS.items():
        if detail not in document.get("paths", {}):
            fail(f"{detail} is not in the OpenAPI document any more: update {Path(__file__).name}")
        ids = [item["id"] for item in get_json(anonymous, base + listing + "?per_page=5").get("contents", [])]
        if not ids:
            fail(f"GET {listing} lists nothing: no ids for {detail}")
        name = listing.rsplit("/", 1)[1] + "_ids"
        dictionaries[name] = ids
        operations.append((detail, {"path.id": name}, {}))

    codes = [indicator["code"] for indicator in get_json(anonymous, base + "/api/indicators")]
    if not codes:
        fail("GET /api/indicators lists no indicators")
    dictionaries |= {"indicator_codes": codes, "areas": AREAS, "periods": PERIODS}
    operations.append(("/api/indicators/{code}/values",
                       {"path.code": "indicator_codes", "query.area": "areas", "query.period": "periods"}, {}))

    care = sign_in(base, password)
    overview = care.get(base + "/zorg", timeout=TIMEOUT)
    clients = sorted(set(CLIENT_LINK.findall(overview.text)))[:5]
    if overview.status_code != 200 or not clients:
        fail(f"GET /zorg as {CARE_EMAIL} answered {overview.status_code} with {len(clients)} client links")
    dictionaries["client_ids"] = clients
    cookie = {"Cookie": "kansrijk_sessie=" + care.cookies["kansrijk_sessie"]}
    operations.append(("/api/zorg/clienten/{client}", {"path.client": "client_ids"}, cookie))
    operations.append(("/api/zorg/verwijzingen", {}, cookie))

    write_config(out / "schemathesis.toml", dictionaries, operations)

    # the official HSDS 3.0 document, against /api/hsds, with the same demo ids
    official = out / "official"
    official.mkdir(exist_ok=True)
    (official / "openapi.json").write_text(
        json.dumps(official_document(base, schema_dir), indent=1, ensure_ascii=True), encoding="utf-8")
    hsds_ids = {listing.rsplit("/", 1)[1] + "_ids": dictionaries[listing.rsplit("/", 1)[1] + "_ids"]
                for listing in HSDS_DETAILS.values()}
    official_operations = [(detail.removeprefix("/api/hsds"), {"path.id": listing.rsplit("/", 1)[1] + "_ids"}, {})
                           for detail, listing in HSDS_DETAILS.items()]
    official_operations += [(listing, {f"query.{name}": ids for name, ids in filters.items()}, {})
                            for listing, filters in OFFICIAL_FILTERS.items()]
    hooks = Path(__file__).resolve().with_name("schemathesis_hsds_checks.py")
    write_config(official / "schemathesis.toml", hsds_ids, official_operations, [
        f"hooks = {toml_string(str(hooks))}", "",
        "# a wrong-typed parameter is a 400 (with problem JSON naming it: the hooks' check), not any 4xx",
        "[checks.negative_data_rejection]", 'expected-statuses = ["400"]', "",
    ])

    print(f"    {len(document.get('paths', {}))} paths; HSDS references -> {schema_dir}; "
          f"{sum(len(v) for v in dictionaries.values())} known values; signed in as {CARE_EMAIL} for /api/zorg")


if __name__ == "__main__":
    main()
