#!/usr/bin/env bash
# make bench: serve the site the production way (gunicorn, DEBUG off, PostgreSQL, persistent
# health-checked connections, WhiteNoise) and load-test the public pages with wrk, first with
# the page cache off, then on (Redis). Writes a Markdown table to bench/results.md.
# Settings: see bench/lib.sh.
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
)

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
    echo "wrk -t$THREADS -c$CONNS -d${SECONDS_PER_URL}s, $(release_count) releases in PostgreSQL."
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
