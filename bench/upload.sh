#!/usr/bin/env bash
# make bench-upload: one 39.7-megapixel PNG (about 120 KB) uploaded to the picture library
# through the admin of a production-like gunicorn (one worker) with the task worker beside it.
# Prints the request's time, the web worker's memory before, after and at its peak, and the
# same for the task worker that makes the renditions.
# Settings: see bench/lib.sh (BENCH_DB, BENCH_BIND); the picture library is emptied first.
source "$(dirname "$0")/lib.sh"

$PY manage.py migrate --no-input -v 0
$PY manage.py collectstatic --no-input -v 0
session_key="$($PY manage.py shell -c '
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
user, _ = get_user_model().objects.get_or_create(username="bench-upload", defaults={"is_staff": True, "is_superuser": True})
session = import_module(settings.SESSION_ENGINE).SessionStore()
session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend", HASH_SESSION_KEY: user.get_session_auth_hash()})
session.create()
print(session.session_key)' | tail -1)"

BENCH_WORKERS=1 start_server 0 ""
web_pid="$(pgrep -P "$(cat "$RUN_DIR/gunicorn.pid")")"
$PY manage.py db_worker --no-reload --no-startup-delay -v 0 &
task_pid=$!
trap 'kill $task_pid 2>/dev/null; stop_server; rm -rf "$RUN_DIR"' EXIT
sleep 2
$PY bench/upload_client.py "$BIND" "$web_pid" "$task_pid" "$session_key"
