#!/usr/bin/env bash
# bench/cached.sh PEER_URL [ROUNDS]: the cached path. The seed article from the page cache,
# the same article with a made-up query parameter on every request (?x=<random>), and the
# peer's copy of it, alternately; prints the medians and the ratios.
# Settings: see bench/lib.sh; BENCH_SECONDS defaults to 10 here.
BENCH_SECONDS="${BENCH_SECONDS:-10}"
source "$(dirname "$0")/lib.sh"
peer_url="${1:?usage: bench/cached.sh PEER_URL [ROUNDS]}"
rounds="${2:-3}"

prepare_database
article="$(seed_article_path)"
redis-cli -u "$BENCH_REDIS_URL" flushdb >/dev/null
start_server 300 "$BENCH_REDIS_URL" on
curl -s -o /dev/null -H 'X-Forwarded-Proto: https' "http://$BIND$article"

cached_all="" random_all="" peer_all=""
for round in $(seq "$rounds"); do
    read -r cached p50 p99 errors <<<"$(measure "$article")"
    echo "round $round, cached: $cached req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    read -r random p50 p99 errors <<<"$(wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_PER_URL}s" \
        --latency -s bench/random_parameter.lua "http://$BIND$article" | wrk_summary)"
    echo "round $round, ?x=<random>: $random req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    read -r theirs p50 p99 errors <<<"$(measure_url "$peer_url")"
    echo "round $round, peer: $theirs req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    cached_all+="$cached " random_all+="$random " peer_all+="$theirs "
done
entries="$(redis-cli -u "$BENCH_REDIS_URL" --scan --pattern '*pagecache:page:*' | wc -l)"
cached="$(median "$cached_all")"
random="$(median "$random_all")"
theirs="$(median "$peer_all")"
echo "median: cached $cached req/s, ?x=<random> $random req/s ($(echo "scale=2; $random / $cached" | bc) of cached), peer $theirs req/s (cached is $(echo "scale=1; $cached / $theirs" | bc)x the peer); $entries cached pages in Redis"
