#!/usr/bin/env bash
# bench/against.sh REV [PATH] [ROUNDS]: the page cache's hit rate of this checkout against the
# code at git revision REV (e.g. the commit before a change to the cached path), side by side:
# both served by gunicorn from the same database, each with its own Redis database, measured
# alternately on PATH (default: the seed article).
# Settings: see bench/lib.sh; BENCH_SECONDS defaults to 10 here; BENCH_AGAINST_BIND
#   (default 127.0.0.1:8102) and BENCH_AGAINST_REDIS_URL (default redis://127.0.0.1:6379/6).
BENCH_SECONDS="${BENCH_SECONDS:-10}"
source "$(dirname "$0")/lib.sh"
rev="${1:?usage: bench/against.sh REV [PATH] [ROUNDS]}"
rounds="${3:-3}"
against_bind="${BENCH_AGAINST_BIND:-127.0.0.1:8102}"
against_redis="${BENCH_AGAINST_REDIS_URL:-redis://127.0.0.1:6379/6}"

prepare_database
path="${2:-$(seed_article_path)}"
tree="$RUN_DIR/against"
git worktree add -q --detach "$tree" "$rev"
ln -s "$PWD/.venv" "$tree/.venv"
stop_against() {
    [ -f "$RUN_DIR/against.pid" ] && kill "$(cat "$RUN_DIR/against.pid")"
    git worktree remove --force "$tree"
    stop_server
    rm -rf "$RUN_DIR"
}
trap stop_against EXIT
(cd "$tree" && STATIC_ROOT="$RUN_DIR/against-static" .venv/bin/python manage.py collectstatic --no-input -v 0)

redis-cli -u "$BENCH_REDIS_URL" flushdb >/dev/null
redis-cli -u "$against_redis" flushdb >/dev/null
start_server 300 "$BENCH_REDIS_URL" on
(cd "$tree" && STATIC_ROOT="$RUN_DIR/against-static" PAGE_CACHE_SECONDS=300 REDIS_URL="$against_redis" \
    GUNICORN_BIND="$against_bind" GUNICORN_WORKERS="${BENCH_WORKERS:-3}" \
    .venv/bin/gunicorn gorgan.wsgi:application -c deploy/gunicorn.conf.py \
    --pid "$RUN_DIR/against.pid" --daemon --error-logfile "$RUN_DIR/against.log")
for _ in $(seq 60); do
    curl -sf -o /dev/null -H 'X-Forwarded-Proto: https' "http://$against_bind$path" && break
    sleep 0.5
done

ours_all="" theirs_all=""
for round in $(seq "$rounds"); do
    read -r ours p50 p99 errors <<<"$(measure "$path")"
    echo "round $round, this checkout: $ours req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    read -r theirs p50 p99 errors <<<"$(measure_url "http://$against_bind$path")"
    echo "round $round, $rev: $theirs req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    ours_all+="$ours " theirs_all+="$theirs "
done
ours="$(median "$ours_all")"
theirs="$(median "$theirs_all")"
echo "median: this checkout $ours req/s, $rev $theirs req/s, ratio $(echo "scale=2; $ours / $theirs" | bc)"
