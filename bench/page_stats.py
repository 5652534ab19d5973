"""Print HTML bytes and SQL queries for each URL given, rendered in-process without the page cache.

Usage: python bench/page_stats.py URL_PATH...   (uses the same environment as the server)
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gorgan.settings.prod")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

settings.PAGE_CACHE_SECONDS = 0
settings.STORED_PARTS = False  # the queries of a rendering from scratch
client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
for path in sys.argv[1:]:
    client.get(path)  # warm caches the way a running server would be warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    print(f"{path}\t{response.status_code}\t{len(response.content)}\t{len(queries)}")
