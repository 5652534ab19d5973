# Shared by the benchmark scripts: production-like environment, database preparation,
# gunicorn start/stop and one wrk measurement. Sourced, not run.
#
# Environment (defaults): BENCH_DB=gorgan_bench  BENCH_RELEASES=2000 (generated releases on top
#   of the demo)  BENCH_SECONDS=20  BENCH_WORKERS=3  BENCH_BIND=127.0.0.1:8100
#   REDIS_URL=redis://127.0.0.1:6379/5  WRK_THREADS=2  WRK_CONNS=16
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=.venv/bin/python
BIND="${BENCH_BIND:-127.0.0.1:8100}"
SECONDS_PER_URL="${BENCH_SECONDS:-20}"
RELEASES="${BENCH_RELEASES:-2000}"
THREADS="${WRK_THREADS:-2}"
CONNS="${WRK_CONNS:-16}"
RUN_DIR="$(mktemp -d)"

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

django_print() { # prints the value of a Python expression evaluated with the models loaded
    $PY manage.py shell -c "from newsroom.models import PressRelease; print($1)" 2>/dev/null | tail -1
}
seed_article_path() { django_print 'PressRelease.objects.get(short_code="24bc40e3").get_absolute_url("fa")'; }
release_count() { django_print 'PressRelease.objects.count()'; }

prepare_database() {
    local db_name="${DATABASE_URL##*/}" admin_url="${DATABASE_URL%/*}/postgres" have
    psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname='$db_name'" | grep -q 1 \
        || psql "$admin_url" -qc "CREATE DATABASE $db_name"
    $PY manage.py migrate --no-input -v 0
    $PY manage.py load_demo >/dev/null
    have="$(release_count)"
    if [ "$have" -lt "$RELEASES" ]; then
        $PY manage.py generate_bulk --releases "$((RELEASES - have))" | tail -1
    fi
    $PY manage.py collectstatic --no-input -v 0
}

start_server() { # $1 = page cache seconds, $2 = REDIS_URL (empty: local memory),
                 # $3 = stored parts "on" (default) or "off" (every part rendered every time).
                 # Refuses to measure whatever else may be answering on the port.
    if curl -s -o /dev/null "http://$BIND/"; then
        echo "bench: $BIND is taken by another server; stop it first" >&2
        exit 1
    fi
    PAGE_CACHE_SECONDS="$1" REDIS_URL="$2" STORED_PARTS="${3:-on}" \
        GUNICORN_BIND="$BIND" \
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
stop_server() { # and wait until the port is free, so the next server can take it
    [ -f "$RUN_DIR/gunicorn.pid" ] && kill "$(cat "$RUN_DIR/gunicorn.pid")"
    rm -f "$RUN_DIR/gunicorn.pid"
    for _ in $(seq 30); do curl -s -o /dev/null "http://$BIND/" || return 0; sleep 0.5; done
    echo "bench: something still answers on $BIND" >&2
    exit 1
}
trap 'stop_server; rm -rf "$RUN_DIR"' EXIT

measure() { # $1 = path on the gunicorn server; prints "req/s p50 p99 errors"
    measure_url "http://$BIND$1"
}
measure_url() { # $1 = URL, $2 = an extra request header (optional); prints "req/s p50 p99 errors"
    local url="$1" headers=(-H 'X-Forwarded-Proto: https')
    [ -n "${2:-}" ] && headers+=(-H "$2")
    wrk -t"$THREADS" -c"$CONNS" -d5s "${headers[@]}" "$url" >/dev/null
    wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_URL}s" --latency "${headers[@]}" \
        "$url" | wrk_summary
}
measure_paths() { # $1 = base URL, $2 = file of paths, $3 = order (each|skewed), no warm-up;
                  # prints "req/s p50 p99 errors"
    PATHS_FILE="$2" PATHS_ORDER="$3" WRK_THREADS="$THREADS" \
        wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_URL}s" --latency -s bench/paths.lua "$1" \
        | wrk_summary
}
median() { # $1 = numbers separated by spaces; prints their median
    tr ' ' '\n' <<<"$1" | grep . | sort -n \
        | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
wrk_summary() {
    awk '
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

