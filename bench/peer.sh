#!/usr/bin/env bash
# bench/peer.sh PEER_URL [ROUNDS]: the seed article here against the same article on another
# site (the CMS we compare with), measured alternately with the same wrk settings, page cache
# off and Redis emptied first: "cold" is the production render path (the article's parts
# stored in the database when first rendered, as saving a release stores them), "rendered"
# renders every part on every request (STORED_PARTS=off).
# Prints one line per measurement and the ratios of the medians.
# Settings: see bench/lib.sh; BENCH_SECONDS defaults to 10 here.
SECONDS_DEFAULT=10
BENCH_SECONDS="${BENCH_SECONDS:-$SECONDS_DEFAULT}"
source "$(dirname "$0")/lib.sh"

peer_url="${1:?usage: bench/peer.sh PEER_URL [ROUNDS]}"
rounds="${2:-3}"
curl -sf -o /dev/null "$peer_url" || { echo "bench: $peer_url does not answer 2xx" >&2; exit 1; }
prepare_database
article="$(seed_article_path)"

declare -A RATES
for mode in cold rendered; do
    redis-cli -u "$BENCH_REDIS_URL" flushdb >/dev/null 2>&1 || true
    start_server 0 "$BENCH_REDIS_URL" "$([ "$mode" = cold ] && echo on || echo off)"
    for round in $(seq "$rounds"); do
        read -r ours p50 p99 errors <<<"$(measure "$article")"
        echo "round $round, ours ($mode): $ours req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
        read -r theirs p50 p99 errors <<<"$(measure_url "$peer_url")"
        echo "round $round, peer: $theirs req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
        RATES[ours_$mode]+="$ours "; RATES[peer_$mode]+="$theirs "
    done
    stop_server
done
for mode in cold rendered; do
    ours="$(median "${RATES[ours_$mode]}")"
    theirs="$(median "${RATES[peer_$mode]}")"
    echo "median, $mode: ours $ours req/s, peer $theirs req/s, ratio $(echo "scale=2; $ours / $theirs" | bc)"
done
