#!/usr/bin/env bash
# make bench: serve the site the production way (gunicorn, DEBUG off, PostgreSQL, persistent
# health-checked connections, WhiteNoise, Redis) and load-test the public pages with wrk three
# ways: every part rendered every time (rendered), page cache off with the page parts stored
# (what a request the page cache does not answer costs), page cache on. Writes a Markdown table
# to bench/results.md.
# Settings: see bench/lib.sh.
# One address sends every request: the API's rate limit is set out of reach, so that its
# counting is measured but never refuses.
export API_RATE_LIMIT=1000000000
source "$(dirname "$0")/lib.sh"
OUT=bench/results.md

prepare_database
article="$(seed_article_path)"
PAGES=(
    "article|$article"
    "home|/fa/"
    "news list|/fa/news/"
    "tag|/fa/news/tags/guangzhou/"
    "search|/fa/search/?q=%DA%AF%D9%88%D8%A7%D9%86%DA%AF%DA%98%D9%88"
    "sister cities|/fa/sister-cities/"
    "feed|/fa/news/feed/rss/"
    "API release list|/api/v1/releases/?lang=fa"
)

declare -A STATS
paths=()
for page in "${PAGES[@]}"; do paths+=("${page#*|}"); done
while IFS=$'\t' read -r path status bytes queries; do
    STATS["$path"]="$status $bytes $queries"
done < <($PY bench/page_stats.py "${paths[@]}")

declare -A COLD PARTS CACHED
measure_pages() { # $1 = name of the array that receives "req/s p50 p99 errors" per path
    local -n into="$1"
    for page in "${PAGES[@]}"; do
        path="${page#*|}"; read -r status _ _ <<<"${STATS[$path]}"
        [ "$status" = 200 ] && into["$path"]="$(measure "$path")"
    done
}
redis-cli -u "$BENCH_REDIS_URL" flushdb >/dev/null 2>&1 || true
start_server 0 "$BENCH_REDIS_URL" off
measure_pages COLD
stop_server
start_server 0 "$BENCH_REDIS_URL" on
measure_pages PARTS
stop_server
start_server 300 "$BENCH_REDIS_URL" on
measure_pages CACHED
stop_server

{
    echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, ${BENCH_WORKERS:-3} gunicorn sync workers,"
    echo "wrk -t$THREADS -c$CONNS -d${SECONDS_PER_URL}s, $(release_count) releases in PostgreSQL."
    echo
    echo "| page | rendered req/s | p50 ms | p99 ms | parts stored req/s | p50 ms | p99 ms | page cached req/s | p50 ms | p99 ms | errors | HTML bytes | rendered queries |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for page in "${PAGES[@]}"; do
        name="${page%%|*}"; path="${page#*|}"
        read -r status bytes queries <<<"${STATS[$path]}"
        if [ "$status" != 200 ]; then
            echo "| $name | not measured: HTTP $status | | | | | | | | | | | |"
            continue
        fi
        read -r u_rps u_p50 u_p99 u_err <<<"${COLD[$path]}"
        read -r f_rps f_p50 f_p99 f_err <<<"${PARTS[$path]}"
        read -r c_rps c_p50 c_p99 c_err <<<"${CACHED[$path]}"
        errors=$((u_err + f_err + c_err))
        echo "| $name | $u_rps | $u_p50 | $u_p99 | $f_rps | $f_p50 | $f_p99 | $c_rps | $c_p50 | $c_p99 | $errors | $bytes | $queries |"
    done
} | tee "$OUT"
