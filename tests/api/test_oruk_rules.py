"""The Open Referral UK validator's rules, ported as tests against our HSDS API (issue 16).

The ORUK validator (github.com/OpenReferralUK/oruk-validator, and its rules as published on
developers.openreferraluk.org/ApiValidation and openreferraluk.org/developers/compliance) checks a
feed from outside. What it asks, and where each rule is checked here:

* ``GET /`` gives basic metadata about the feed: ``version``, ``profile`` and ``openapi_url``
  (``test_root_gives_version_profile_and_openapi_url``).
* ``/services`` is paginatable: it reads the list with ``per_page=5`` and checks the first page, a
  page in the middle and the last page. On each: ``first_page`` is true exactly on page 1,
  ``last_page`` exactly on page ``total_pages``, ``empty`` exactly when the page has no items, the
  page holds ``per_page`` items (fewer only on the last page), and ``size`` is the number of items
  (``test_services_pages_first_middle_last``; every list of the API in ``test_every_list_pages_alike``).
  We add what makes those fields agree with each other: ``page_number``, ``total_pages`` from
  ``total_items``, the same ``total_items`` on every page, and no item on two pages.
* The paging metadata comes at the start of the JSON payload (``test_paging_metadata_first``).
* A service detail page exists: the first id of every list opens at its ``/{id}``
  (``test_first_id_of_every_list_opens_at_its_detail``).
* Properties that must be unique are unique (ids across all pages, ``test_ids_unique_across_pages``).
* Every response carries ``Access-Control-Allow-Origin: *`` (``test_open_to_every_origin``).

Data types, formats and enumerations of the records are the schemas' job: ``test_hsds_schema.py``
and the Schemathesis run against the official openapi.json check those.
"""

from __future__ import annotations

import json
import math
from urllib.parse import urlsplit

import pytest
import requests

PER_PAGE = 5  # as the ORUK validator reads a feed
LISTS = ["/services", "/organizations", "/service_at_locations", "/taxonomies", "/taxonomy_terms"]
PAGE_FIELDS = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"]


def read_page(api, endpoint: str, page: int) -> dict:
    body = api.get_json(endpoint, per_page=PER_PAGE, page=page)
    for field in PAGE_FIELDS:
        assert field in body, f"{endpoint}?page={page}: no {field!r}"
    for field in ("total_items", "total_pages", "page_number", "size"):
        assert type(body[field]) is int, f"{endpoint}?page={page}: {field} is {body[field]!r}, not an integer"
    for field in ("first_page", "last_page", "empty"):
        assert type(body[field]) is bool, f"{endpoint}?page={page}: {field} is {body[field]!r}, not a boolean"
    assert isinstance(body.get("contents"), list), f"{endpoint}?page={page}: no contents list"
    return body


def page_issues(body: dict, page: int, total_pages: int, total_items: int) -> list[str]:
    """What the ORUK validator reports for one page, plus the consistency of the paging fields."""
    items = len(body["contents"])
    issues = []
    if body["first_page"] != (page == 1):
        issues.append(f"first_page is {body['first_page']} on page {page}")
    if body["last_page"] != (page == total_pages):
        issues.append(f"last_page is {body['last_page']} on page {page} of {total_pages}")
    if body["empty"] != (items == 0):
        issues.append(f"empty is {body['empty']} with {items} items on the page")
    if not (items == PER_PAGE or (items < PER_PAGE and body["last_page"])):
        issues.append(f"{items} items when {PER_PAGE} were asked for, on a page that is not the last")
    if body["size"] != items:
        issues.append(f"size is {body['size']} with {items} items")
    if body["page_number"] != page:
        issues.append(f"page_number is {body['page_number']} on page {page}")
    if body["total_pages"] != total_pages or body["total_items"] != total_items:
        issues.append(f"{body['total_items']} items in {body['total_pages']} pages here, "
                      f"{total_items} in {total_pages} on page 1")
    return issues


def first_middle_last(api, endpoint: str) -> dict[int, dict]:
    """Pages 1, the middle one and the last, checked by the rules; returns them by number."""
    first = read_page(api, endpoint, 1)
    total_items, total_pages = first["total_items"], first["total_pages"]
    assert total_pages == max(1, math.ceil(total_items / PER_PAGE)), (
        f"{endpoint}: {total_items} items at {PER_PAGE} per page, but total_pages is {total_pages}")
    pages = {1: first}
    for number in sorted({(total_pages + 1) // 2, total_pages} - {1}):
        pages[number] = read_page(api, endpoint, number)
    issues = [f"{endpoint}?per_page={PER_PAGE}&page={n}: {issue}"
              for n, body in pages.items() for issue in page_issues(body, n, total_pages, total_items)]
    assert not issues, "\n".join(issues)
    last = pages[total_pages]
    assert len(last["contents"]) == total_items - (total_pages - 1) * PER_PAGE, (
        f"{endpoint}: the last page holds {len(last['contents'])} of {total_items} items")
    return pages


def test_services_pages_first_middle_last(api):
    pages = first_middle_last(api, "/services")
    # the demo data has enough services for a real middle page
    assert len(pages) == 3, f"/services has only {sorted(pages)} pages at {PER_PAGE} per page"
    ids = [item["id"] for body in pages.values() for item in body["contents"]]
    assert len(ids) == len(set(ids)), "a service appears on two of the first, middle and last pages"


@pytest.mark.parametrize("endpoint", LISTS)
def test_every_list_pages_alike(api, endpoint):
    first_middle_last(api, endpoint)


@pytest.mark.parametrize("endpoint", LISTS)
def test_ids_unique_across_pages(api, endpoint):
    first = read_page(api, endpoint, 1)
    ids = [item["id"] for page in range(1, first["total_pages"] + 1) for item in read_page(api, endpoint, page)["contents"]]
    assert len(ids) == first["total_items"], f"{endpoint}: {len(ids)} items over all pages, total_items {first['total_items']}"
    assert len(set(ids)) == len(ids), f"{endpoint}: an id appears twice"


@pytest.mark.parametrize("endpoint", LISTS)
def test_paging_metadata_first(api, endpoint):
    response = api.get(endpoint, per_page=PER_PAGE)
    assert response.status_code == 200
    keys = list(json.loads(response.text, object_pairs_hook=lambda pairs: dict(pairs)).keys())
    assert keys[-1] == "contents" and set(PAGE_FIELDS) <= set(keys[:-1]), (
        f"{endpoint}: the payload's keys come in the order {keys}; the paging metadata belongs before contents")


@pytest.mark.parametrize("endpoint", LISTS)
def test_first_id_of_every_list_opens_at_its_detail(api, endpoint):
    first = read_page(api, endpoint, 1)
    assert first["contents"], f"{endpoint} lists nothing"
    item_id = first["contents"][0]["id"]
    detail = api.get_json(f"{endpoint}/{item_id}")
    assert detail.get("id") == item_id, f"{endpoint}/{item_id} answers the record {detail.get('id')!r}"


def test_root_gives_version_profile_and_openapi_url(api, base_url):
    root = api.get_json("/")
    for field in ("version", "profile", "openapi_url"):
        assert isinstance(root.get(field), str) and root[field], f"GET / lacks {field!r}: {root}"
    assert root["version"].startswith("3.0"), f"version {root['version']!r} is not HSDS 3.0"
    for field in ("profile", "openapi_url"):
        parts = urlsplit(root[field])
        assert parts.scheme in ("http", "https") and parts.netloc, f"{field} {root[field]!r} is not an absolute URL"
    # the document it points at is there (fetched from the server under test, whatever host it names)
    document = requests.get(base_url + urlsplit(root["openapi_url"]).path, timeout=30)
    assert document.status_code == 200, f"openapi_url {root['openapi_url']} answered {document.status_code}"
    body = document.json()
    assert str(body.get("openapi", "")).startswith("3.") and "/api/hsds/services" in body.get("paths", {})


@pytest.mark.parametrize("path", ["/", "/services?per_page=5", "/services?page=abc", "/organizations/not-an-id"])
def test_open_to_every_origin(api, path):
    response = api.session.get(api.base_url + path, timeout=30)
    assert response.headers.get("Access-Control-Allow-Origin") == "*", (
        f"GET {path} ({response.status_code}) has no Access-Control-Allow-Origin: *")
