#!/usr/bin/env bash
# make bench-memory: resident memory of each gunicorn worker after a long run of requests.
# First uncached (every request renders), then through the page cache, so each worker serves
# well over 10,000 requests; last with the page cache off and the page parts on, over 2,000
# different articles, so that each worker's memory of recent parts fills up. Prints the
# request counts and every worker's RSS.
# Settings: see bench/lib.sh; BENCH_UNCACHED_SECONDS=120 BENCH_CACHED_SECONDS=20
#   BENCH_PARTS_SECONDS=120.
source "$(dirname "$0")/lib.sh"

rss_table() {
    for pid in $(pgrep -P "$(cat "$RUN_DIR/gunicorn.pid")"); do
        echo "worker $pid: $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status")"
    done
}
requests_of() { # $1 = URL, $2 = seconds: prints how many requests wrk completed
    wrk -t2 -c8 -d"$2s" -H 'X-Forwarded-Proto: https' "$1" | awk '/ requests in / {print $1}'
}

prepare_database
article="$(seed_article_path)"
for cached in 0 300; do
    # Uncached means every part rendered on every request: the most allocation per request.
    start_server "$cached" "$([ "$cached" = 0 ] || echo "$BENCH_REDIS_URL")" \
        "$([ "$cached" = 0 ] && echo 0 || echo 3600)"
    echo "page cache ${cached}s, before:"; rss_table
    total=0
    for path in "$article" /fa/ /fa/news/ /fa/news/tags/guangzhou/ /fa/sister-cities/; do
        seconds=$(( cached == 0 ? ${BENCH_UNCACHED_SECONDS:-120} / 5 : ${BENCH_CACHED_SECONDS:-20} / 5 ))
        total=$((total + $(requests_of "http://$BIND$path" "$seconds")))
    done
    echo "after $total requests:"; rss_table
    stop_server
done

# Many articles, picked at random by each wrk thread.
$PY manage.py shell -c '
from django.utils.encoding import iri_to_uri
from newsroom.models import PressRelease
for release in PressRelease.objects.published().order_by("-pk")[:2000]:
    print(iri_to_uri(release.get_absolute_url("fa")))' 2>/dev/null | grep '^/' >"$RUN_DIR/articles.txt"
cat >"$RUN_DIR/articles.lua" <<LUA
local paths = {}
for line in io.lines("$RUN_DIR/articles.txt") do paths[#paths + 1] = line end
request = function()
    return wrk.format("GET", paths[math.random(#paths)], {["X-Forwarded-Proto"] = "https"})
end
LUA
start_server 0 "$BENCH_REDIS_URL" 3600
echo "page cache off, page parts on, before:"; rss_table
total="$(wrk -t2 -c8 -d"${BENCH_PARTS_SECONDS:-120}s" -s "$RUN_DIR/articles.lua" "http://$BIND/" \
    | awk '/ requests in / {print $1}')"
echo "after $total requests over $(wc -l <"$RUN_DIR/articles.txt") articles:"; rss_table
stop_server
