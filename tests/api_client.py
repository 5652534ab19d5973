"""Reading the API as a client does: JSON answers checked against the published schema."""

import functools
import json
import re
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator

SCHEMA_URL = "/api/v1/schema.json"


@functools.cache
def _operations(schema_text):
    schema = json.loads(schema_text)
    operations = []
    for template, item in schema["paths"].items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        operations.append((re.compile(f"^{pattern}$"), template, item["get"]))
    return schema, operations


def published_schema(client):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    return response.content.decode()


def response_schema(schema_text, path):
    """The JSON schema of a 200 answer at ``path``, with the document's components."""
    schema, operations = _operations(schema_text)
    for pattern, _template, operation in operations:
        if pattern.match(path):
            content = operation["responses"]["200"]["content"]
            if "application/json" not in content:
                return None  # a CSV download
            return {**content["application/json"]["schema"], "components": schema["components"]}
    raise AssertionError(f"{path} is not in the schema")


def get_valid(client, schema_text, url, status=200):
    """GET ``url`` (absolute or a path) and check the answer against the schema."""
    parts = urlsplit(url)
    address = f"{parts.path}?{parts.query}" if parts.query else parts.path
    response = client.get(address)
    assert response.status_code == status, (address, response.content[:500])
    if status == 200:
        shape = response_schema(schema_text, parts.path)
        if shape is not None:
            errors = [
                f"{list(error.absolute_path)}: {error.message}"
                for error in Draft202012Validator(shape).iter_errors(response.json())
            ]
            assert errors == [], (address, errors)
    return response
