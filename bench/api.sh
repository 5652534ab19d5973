#!/usr/bin/env bash
# bench/api.sh [ROUNDS]: the read API's release list from the page cache against the seed
# article from the page cache, on one server, in alternating rounds (the machine's noise moves
# whole rounds, so only side-by-side figures compare). Also the list of 20 for reference.
# Prints each round and the medians with their ratios to the article.
# Settings: see bench/lib.sh; BENCH_SECONDS defaults to 10 here.
# One address sends every request: the rate limit is set out of reach (it counts only the
# requests the page cache does not answer anyway).
export API_RATE_LIMIT=1000000000
BENCH_SECONDS="${BENCH_SECONDS:-10}"
source "$(dirname "$0")/lib.sh"
rounds="${1:-9}"

prepare_database
article="$(seed_article_path)"
PAGES=(
    "article|$article"
    "API list|/api/v1/releases/?lang=fa"
    "API list of 20|/api/v1/releases/?lang=fa&limit=20"
)
redis-cli -u "$BENCH_REDIS_URL" flushdb >/dev/null
start_server 300 "$BENCH_REDIS_URL" on
for page in "${PAGES[@]}"; do
    path="${page#*|}"
    curl -s -o /dev/null -H 'X-Forwarded-Proto: https' "http://$BIND$path"
    bytes="$(curl -s -o /dev/null -w '%{size_download}' -H 'X-Forwarded-Proto: https' \
        "http://$BIND$path")"
    echo "${page%%|*}: $bytes bytes"
done

declare -A RATES
for round in $(seq "$rounds"); do
    for page in "${PAGES[@]}"; do
        name="${page%%|*}"
        read -r rate p50 p99 errors <<<"$(measure "${page#*|}")"
        echo "round $round, $name: $rate req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
        RATES["$name"]+="$rate "
    done
done
article_rate="$(median "${RATES[article]}")"
for page in "${PAGES[@]}"; do
    name="${page%%|*}"
    rate="$(median "${RATES[$name]}")"
    echo "median, $name: $rate req/s ($(echo "scale=2; $rate / $article_rate" | bc)x the article)"
done
