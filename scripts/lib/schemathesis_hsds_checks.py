"""Schemathesis hooks for the run against the official HSDS 3.0 openapi.json (scripts/test browser).

One check, ``bad_parameter_is_problem_json``: a request that Schemathesis made invalid on purpose
(negative mode: a wrong-typed query parameter such as ``full=foo`` or ``page=abc``) and that the
server refuses with 400 must carry RFC 9457 problem JSON whose ``detail`` names the parameter.
``negative_data_rejection`` (narrowed to 400 in the run's configuration) sees to the status; this
check to what comes with it, as the HSDS API promises (issue 16).
"""

from __future__ import annotations

import json

import schemathesis


def _negated_query_parameters(case) -> set[str]:
    """Names of the query parameters the generator made invalid, as far as its metadata tells."""
    data = getattr(getattr(case.meta, "phase", None), "data", None)
    found = [(getattr(data, "parameter", None), getattr(data, "parameter_location", None))]
    found += [(getattr(m, "parameter", None), getattr(m, "parameter_location", None)) for m in getattr(data, "mutations", ()) or ()]
    return {name for name, location in found if isinstance(name, str) and name and str(getattr(location, "value", location)) == "query"}


@schemathesis.check
def bad_parameter_is_problem_json(ctx, response, case):
    """A 400 for a wrong-typed query parameter is problem JSON whose detail names a parameter of
    the request (the server reads them in its own order, so it may name another wrong one first)."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_negative or response.status_code != 400:
        return None
    if not _negated_query_parameters(case):
        return None  # headers, cookies or a body made invalid: not what this run is about
    content_type = (response.headers.get("content-type") or [""])[0]
    if not content_type.startswith("application/problem+json"):
        raise AssertionError(f"400 with Content-Type {content_type!r}, expected application/problem+json")
    try:
        body = json.loads(response.content)
    except ValueError as error:
        raise AssertionError(f"400 body is not JSON: {response.content[:200]!r}") from error
    if not isinstance(body, dict) or body.get("status") != 400 or not isinstance(body.get("detail"), str) or not body["detail"]:
        raise AssertionError(f"400 body is not a problem with status 400 and a detail: {body!r}")
    sent = set((case.query or {}).keys())
    if not any(f"parameter {name}" in body["detail"] for name in sent):
        raise AssertionError(f"the detail {body['detail']!r} names none of the parameters sent, {sorted(sent)}")
    return True
