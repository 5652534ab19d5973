#!/usr/bin/env bash
# Lighthouse (mobile profile) on the main public pages, served the production way: gunicorn,
# DEBUG off, production settings, fingerprinted static files, PostgreSQL with the demo content.
# Prints a Markdown table of the four scores per page (docs/quality.md keeps the last run).
#
# Environment (defaults): QUALITY_DB=gorgan_quality  QUALITY_BIND=127.0.0.1:8200
#   QUALITY_MEDIA_ROOT=$TMPDIR/<database name>-media (the demo's pictures, kept between runs)
#   PYTHON=.venv/bin/python  GUNICORN=.venv/bin/gunicorn  CHROME_PATH=/usr/bin/chromium
#   LIGHTHOUSE="npx --yes lighthouse@12.2.3" (12.x runs on Node 20; 13.x needs Node 22)
#   LIGHTHOUSE_PRESET=mobile (or desktop)  EXTRA_PATHS="/fa/search/?q=..." (more pages)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY="${PYTHON:-.venv/bin/python}"
GUNICORN="${GUNICORN:-.venv/bin/gunicorn}"
BIND="${QUALITY_BIND:-127.0.0.1:8200}"
LIGHTHOUSE="${LIGHTHOUSE:-npx --yes lighthouse@12.2.3}"
PRESET="${LIGHTHOUSE_PRESET:-mobile}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
RUN_DIR="$(mktemp -d)"

export DJANGO_SETTINGS_MODULE=gorgan.settings.prod
export DEBUG=0
export SECRET_KEY="${SECRET_KEY:-quality-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz}"
export ALLOWED_HOSTS="127.0.0.1,localhost"
# Plain HTTP on the loopback address: no HTTPS redirect and no HSTS, nothing else changes.
export SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 BEHIND_PROXY=0
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/${QUALITY_DB:-gorgan_quality}}"
export STATIC_ROOT="$RUN_DIR/static"
# The demo's pictures belong with the database they were loaded into, so they stay between
# runs; Django serves them here, production serves media from nginx.
export MEDIA_ROOT="${QUALITY_MEDIA_ROOT:-${TMPDIR:-/tmp}/$(basename "${DATABASE_URL##*/}")-media}"
export SERVE_MEDIA=1
unset REDIS_URL

db_name="${DATABASE_URL##*/}"
admin_url="${DATABASE_URL%/*}/postgres"
psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname='$db_name'" | grep -q 1 \
    || psql "$admin_url" -qc "CREATE DATABASE $db_name"
$PY manage.py migrate --no-input -v 0
$PY manage.py compilemessages --ignore=.venv -v 0
$PY manage.py load_demo >/dev/null
$PY manage.py collectstatic --no-input -v 0

$GUNICORN gorgan.wsgi:application --bind "$BIND" --workers 3 \
    --pid "$RUN_DIR/gunicorn.pid" --daemon --error-logfile "$RUN_DIR/gunicorn.log"
trap '[ -f "$RUN_DIR/gunicorn.pid" ] && kill "$(cat "$RUN_DIR/gunicorn.pid")"; rm -rf "$RUN_DIR"' EXIT
for _ in $(seq 60); do curl -s -o /dev/null "http://$BIND/fa/" && break; sleep 0.5; done

mapfile -t PATHS < <($PY manage.py shell -v 0 -c '
from newsroom.models import PressRelease
from sistercities.models import Agreement
seed = PressRelease.objects.get(short_code="24bc40e3")
agreement = Agreement.objects.public().first()
for language in ("fa", "en"):
    print(f"/{language}/")
    print(seed.get_absolute_url(language))
    print(f"/{language}/news/")
    print(agreement.get_absolute_url(language))
')
# shellcheck disable=SC2206
PATHS+=(${EXTRA_PATHS:-})

EXTRA=()
[ "$PRESET" = desktop ] && EXTRA+=(--preset=desktop)
echo "| Page | Performance | Accessibility | Best practices | SEO |"
echo "|---|---|---|---|---|"
# A run now and then loses a category (a trace that did not finish); such a page is measured
# once more before its row is printed.
for path in "${PATHS[@]}"; do
    report="$RUN_DIR/report.json"
    for attempt in 1 2; do
        $LIGHTHOUSE "http://$BIND$path" "${EXTRA[@]}" --output=json --output-path="$report" \
            --quiet --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
        if $PY - "$report" "$path" "$attempt" <<'EOF'; then break; fi
import json, sys
from urllib.parse import unquote
report, path, last = sys.argv[1], unquote(sys.argv[2]), sys.argv[3] == "2"
names = ("performance", "accessibility", "best-practices", "seo")
try:
    categories = json.load(open(report))["categories"]
    scores = [categories[name]["score"] for name in names]
except (OSError, ValueError, KeyError):
    scores = [None] * len(names)
if None in scores and not last:
    sys.exit(1)
shown = ("–" if score is None else str(round(score * 100)) for score in scores)
print(f"| `{path}` | " + " | ".join(shown) + " |")
EOF
    done
    rm -f "$report"
done
