#!/usr/bin/env bash
# make bench: serve the site the production way (gunicorn, DEBUG off, PostgreSQL, persistent
# health-checked connections, WhiteNoise) and load-test the public pages with wrk, first with
# the page cache off, then on (Redis). Writes a Markdown table to bench/results.md.
#
# Environment (defaults): BENCH_DB=gorgan_bench  BENCH_RELEASES=2000 (generated releases on top
#   of the demo)  BENCH_SECONDS=20  BENCH_WORKERS=3  BENCH_BIND=127.0.0.1:8100
#   REDIS_URL=redis://127.0.0.1:6379/5  WRK_THREADS=2  WRK_CONNS=16
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
BIND="${BENCH_BIND:-127.0.0.1:8100}"
SECONDS_PER_URL="${BENCH_SECONDS:-20}"
RELEASES="${BENCH_RELEASES:-2000}"
THREADS="${WRK_THREADS:-2}"
CONNS="${WRK_CONNS:-16}"
RUN_DIR="$(mktemp -d)"
OUT=bench/results.md

export DJANGO_SETTINGS_MODULE=gorgan.settings.prod
export DEBUG=0
export SECRET_KEY="${SECRET_KEY:-bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz}"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/${BENCH_DB:-gorgan_bench}}"
export CONN_MAX_AGE=600
export STATIC_ROOT="$RUN_DIR/static"
BENCH_REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/5}"
unset REDIS_URL

command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

db_name="${DATABASE_URL##*/}"
admin_url="${DATABASE_URL%/*}/postgres"
psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname='$db_name'" | grep -q 1 \
    || psql "$admin_url" -qc "CREATE DATABASE $db_name"
$PY manage.py migrate --no-input -v 0
$PY manage.py load_demo >/dev/null
have="$($PY manage.py shell -c 'from newsroom.models import PressRelease as P; print(P.objects.count())' 2>/dev/null | tail -1)"
if [ "$have" -lt "$RELEASES" ]; then
    $PY manage.py generate_bulk --releases "$((RELEASES - have))" | tail -1
fi
$PY manage.py collectstatic --no-input -v 0

article="$($PY manage.py shell -c 'from newsroom.models import PressRelease as P; print(P.objects.get(short_code="24bc40e3").get_absolute_url("fa"))' 2>/dev/null | tail -1)"
PAGES=(
    "article|$article"
    "home|/fa/"
    "news list|/fa/news/"
    "tag|/fa/news/tags/guangzhou/"
    "search|/fa/search/?q=%DA%AF%D9%88%D8%A7%D9%86%DA%AF%DA%98%D9%88"
    "sister cities|/fa/sister-cities/"
    "feed|/fa/feeds/rss/"
)

start_server() { # $1 = page cache seconds
    PAGE_CACHE_SECONDS="$1" REDIS_URL="$2" GUNICORN_BIND="$BIND" \
        GUNICORN_WORKERS="${BENCH_WORKERS:-3}" \
        .venv/bin/gunicorn gorgan.wsgi:application -c deploy/gunicorn.conf.py \
        --pid "$RUN_DIR/gunicorn.pid" --daemon --error-logfile "$RUN_DIR/gunicorn.log"
    for _ in $(seq 60); do
        curl -s -o /dev/null "http://$BIND/fa/" -H 'X-Forwarded-Proto: https' && return 0
        sleep 0.5
    done
    echo "bench: gunicorn did not start; see $RUN_DIR/gunicorn.log" >&2
    exit 1
}
stop_server() {
    [ -f "$RUN_DIR/gunicorn.pid" ] && kill "$(cat "$RUN_DIR/gunicorn.pid")" && sleep 2
    rm -f "$RUN_DIR/gunicorn.pid"
}
trap stop_server EXIT

measure() { # $1 = path; prints "req/s p50 p99 errors"
    local url="http://$BIND$1"
    wrk -t"$THREADS" -c"$CONNS" -d5s -H 'X-Forwarded-Proto: https' "$url" >/dev/null
    wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_URL}s" --latency -H 'X-Forwarded-Proto: https' \
        "$url" | awk '
        function ms(v,   n, u) { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
            if (u == "us") return n / 1000; if (u == "ms") return n; if (u == "s") return n * 1000
            return n * 60000 }
        $1 == "Requests/sec:" { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { bad += $NF }
        /Socket errors:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) bad += $i + 0 }
        END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }'
}

declare -A STATS
paths=()
for page in "${PAGES[@]}"; do paths+=("${page#*|}"); done
while IFS=$'\t' read -r path status bytes queries; do
    STATS["$path"]="$status $bytes $queries"
done < <($PY bench/page_stats.py "${paths[@]}")

declare -A UNCACHED CACHED
start_server 0 ""
for page in "${PAGES[@]}"; do
    path="${page#*|}"; read -r status _ _ <<<"${STATS[$path]}"
    [ "$status" = 200 ] && UNCACHED["$path"]="$(measure "$path")"
done
stop_server
start_server 300 "$BENCH_REDIS_URL"
for page in "${PAGES[@]}"; do
    path="${page#*|}"; read -r status _ _ <<<"${STATS[$path]}"
    [ "$status" = 200 ] && CACHED["$path"]="$(measure "$path")"
done
stop_server

{
    echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${BENCH_WORKERS:-3} gunicorn sync workers,"
    echo "wrk -t$THREADS -c$CONNS -d${SECONDS_PER_URL}s, $($PY manage.py shell -c 'from newsroom.models import PressRelease as P; print(P.objects.count())' 2>/dev/null | tail -1) releases in PostgreSQL."
    echo
    echo "| page | uncached req/s | p50 ms | p99 ms | errors | cached req/s | p50 ms | p99 ms | errors | HTML bytes | queries |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for page in "${PAGES[@]}"; do
        name="${page%%|*}"; path="${page#*|}"
        read -r status bytes queries <<<"${STATS[$path]}"
        if [ "$status" != 200 ]; then
            echo "| $name | not measured: HTTP $status | | | | | | | | | |"
            continue
        fi
        read -r u_rps u_p50 u_p99 u_err <<<"${UNCACHED[$path]}"
        read -r c_rps c_p50 c_p99 c_err <<<"${CACHED[$path]}"
        echo "| $name | $u_rps | $u_p50 | $u_p99 | $u_err | $c_rps | $c_p50 | $c_p99 | $c_err | $bytes | $queries |"
    done
} | tee "$OUT"
