"""gunicorn settings for production; every value can be overridden from the environment."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
worker_class = "sync"
# Load the application once in the master so workers share its memory pages.
preload_app = True
# Recycle workers now and then so that slow growth of a worker's memory cannot accumulate.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
# Above DATABASE_STAFF_STATEMENT_TIMEOUT (and its grace): a request waiting on the database
# ends with the 503 page, never with gunicorn killing the worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
