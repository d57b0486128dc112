"""The HSDS API (/api/hsds) against the official Open Referral HSDS 3.0 schemas.

Every 200 body is validated against the schema that the official openapi.json names for that
endpoint (which in turn points at compiled/service_list.json, compiled/service.json, ...), so
these tests follow the standard, not our own reading of it. Errors use RFC 9457 problem JSON.
"""

from __future__ import annotations

import json
import math
import uuid

import pytest
import requests

# The paged list endpoints of HSDS 3.0, as named in openapi.json.
LIST_ENDPOINTS = ["/services", "/organizations", "/service_at_locations", "/taxonomies", "/taxonomy_terms"]

PAGE_FIELDS = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
}


def assert_page(body: dict, *, page_number: int = 1, per_page: int | None = None) -> None:
    """Check the paging fields: present, typed, and consistent with each other.

    openapi.json's Page schema lists these fields without making them required; an API that
    pages must still fill them in, and they must agree with ``contents``.
    """
    for field, kind in PAGE_FIELDS.items():
        assert field in body, f"paged response lacks {field!r}"
        # bool is a subclass of int in Python: compare exact types.
        assert type(body[field]) is kind, f"{field} should be {kind.__name__}, got {body[field]!r}"
    contents = body.get("contents")
    assert isinstance(contents, list), "paged response lacks a 'contents' array"
    assert body["size"] == len(contents), f"size is {body['size']} but contents has {len(contents)} items"
    assert body["page_number"] == page_number
    assert body["first_page"] == (page_number == 1)
    assert body["total_items"] >= body["size"]
    assert body["empty"] == (body["total_items"] == 0)
    assert body["last_page"] == (page_number >= body["total_pages"]), (
        f"last_page is {body['last_page']} on page {page_number} of {body['total_pages']}"
    )
    if per_page is not None:
        assert body["size"] <= per_page, f"asked for {per_page} per page, got {body['size']}"
        expected_pages = math.ceil(body["total_items"] / per_page)
        # An empty result may be reported as zero pages or as one empty page.
        allowed = {expected_pages} if expected_pages else {0, 1}
        assert body["total_pages"] in allowed, (
            f"{body['total_items']} items at {per_page} per page should give {expected_pages} pages, "
            f"got total_pages={body['total_pages']}"
        )


def assert_problem(response: requests.Response, status: int) -> dict:
    """Check an RFC 9457 problem response: status, media type and the four standard members."""
    assert response.status_code == status, (
        f"GET {response.url} answered {response.status_code}, expected {status}:\n{response.text[:500]}"
    )
    content_type = response.headers.get("Content-Type", "")
    assert content_type.startswith("application/problem+json"), (
        f"GET {response.url}: Content-Type is {content_type!r}, expected application/problem+json"
    )
    body = response.json()
    assert isinstance(body, dict), f"problem body is not a JSON object: {body!r}"
    for member in ("type", "title", "detail"):
        assert isinstance(body.get(member), str) and body[member], f"problem lacks a non-empty {member!r}: {body}"
    assert body.get("status") == status and type(body["status"]) is int, f"problem 'status' should be {status}: {body}"
    return body


def first_id(api, endpoint: str) -> str:
    """The id of the first item that a list endpoint returns (the demo data must have one)."""
    contents = api.get_json(endpoint, per_page=1)["contents"]
    assert contents, f"{endpoint} is empty: the demo data must contain at least one item"
    return contents[0]["id"]


# --- the harness itself ---------------------------------------------------------------------


def test_official_examples_pass_the_validator(hsds, hsds_dir):
    """The official example responses must validate: proves the schema wiring, needs no server."""
    examples = json.loads((hsds_dir / "openapi-examples-map.json").read_text(encoding="utf-8"))
    assert examples, "openapi-examples-map.json lists no examples"
    for location, example in examples.items():
        # "$.paths./services.get.responses.200.content.application/json.schema" -> "/services"
        api_path = location.removeprefix("$.paths.").split(".get.")[0]
        hsds.assert_response(api_path, json.loads((hsds_dir / example).read_text(encoding="utf-8")), example)
    hsds.assert_file(
        "compiled/service.json",
        json.loads((hsds_dir / "examples/service_full.json").read_text(encoding="utf-8")),
        "examples/service_full.json",
    )


def test_validator_rejects_a_broken_service(hsds, hsds_dir):
    """A validator that accepts everything would make every test below worthless."""
    body = json.loads((hsds_dir / "examples/service_list.json").read_text(encoding="utf-8"))
    body["contents"][0]["id"] = "not-a-uuid"
    del body["contents"][0]["name"]
    with pytest.raises(AssertionError, match=r"(?s)'name' is a required property.*is not a 'uuid'"):
        hsds.assert_response("/services", body)


# --- the API ---------------------------------------------------------------------------------


def test_root_describes_the_api(api, hsds):
    body = api.get_json("/")
    hsds.assert_response("/", body)
    assert isinstance(body.get("version"), str) and body["version"].startswith("3."), (
        f"root should give the HSDS version (3.x) in 'version': {body}"
    )


@pytest.mark.parametrize("endpoint", LIST_ENDPOINTS)
def test_list_matches_the_official_schema(api, hsds, endpoint):
    body = api.get_json(endpoint)
    hsds.assert_response(endpoint, body)
    assert_page(body, page_number=1)
    # An empty list would pass the schema without proving anything about our items.
    assert body["contents"], f"{endpoint} returned no items: the demo data must fill it"


def test_service_detail_matches_the_compiled_schema(api, hsds):
    service_id = first_id(api, "/services")
    body = api.get_json(f"/services/{service_id}")
    hsds.assert_response("/services/{id}", body)
    assert body["id"] == service_id


def test_organization_detail_matches_the_compiled_schema(api, hsds):
    organization_id = first_id(api, "/organizations")
    body = api.get_json(f"/organizations/{organization_id}")
    hsds.assert_response("/organizations/{id}", body)
    assert body["id"] == organization_id


def test_search_finds_debt_services(api, hsds):
    body = api.get_json("/services", search="schuld")
    hsds.assert_response("/services", body)
    assert_page(body, page_number=1)
    assert body["total_items"] >= 1 and body["contents"], "search=schuld found no service"


def test_paging_respects_per_page(api, hsds):
    first = api.get_json("/services", page=1, per_page=5)
    hsds.assert_response("/services", first)
    assert_page(first, page_number=1, per_page=5)
    if first["total_pages"] >= 2:
        second = api.get_json("/services", page=2, per_page=5)
        hsds.assert_response("/services", second)
        assert_page(second, page_number=2, per_page=5)
        overlap = {s["id"] for s in first["contents"]} & {s["id"] for s in second["contents"]}
        assert not overlap, f"pages 1 and 2 share services: {sorted(overlap)}"


def test_malformed_service_id_is_a_404_problem(api):
    assert_problem(api.get("/services/not-a-uuid"), 404)


def test_unknown_service_id_is_a_404_problem(api):
    assert_problem(api.get(f"/services/{uuid.uuid4()}"), 404)


def test_non_numeric_page_is_a_400_problem(api):
    assert_problem(api.get("/services", page="abc"), 400)


def test_health_ready(base_url):
    response = requests.get(f"{base_url}/health/ready", timeout=30)
    assert response.status_code == 200, f"/health/ready answered {response.status_code}: {response.text[:300]}"
