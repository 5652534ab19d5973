#!/usr/bin/env bash
# make bench-crawl [PEER_URLS_FILE]: an archive crawl, the way a search engine reads the site:
# every request asks for a different article (each release in each language), with production
# settings (page cache on, stored parts on), the shared cache (Redis) emptied first. The
# releases' parts are stored beforehand, as saving a release does (`store_release_parts`).
# With a file of the peer's article URLs (`peer_wagtail.sh urls`), crawls the peer the same
# way, alternately, and prints the ratio of the medians.
# Settings: see bench/lib.sh; BENCH_SECONDS defaults to 15 here, BENCH_ROUNDS to 3.
BENCH_SECONDS="${BENCH_SECONDS:-15}"
source "$(dirname "$0")/lib.sh"
peer_urls="${1:-}"
rounds="${BENCH_ROUNDS:-3}"

prepare_database
paths="$RUN_DIR/paths"
$PY manage.py shell -c '
from django.conf import settings
from django.utils.encoding import iri_to_uri
from newsroom.models import PressRelease
for release in PressRelease.objects.published().prefetch_related("translations").order_by("?"):
    for code, _name in settings.LANGUAGES:
        print(iri_to_uri(release.get_absolute_url(code)))
' 2>/dev/null | grep '^/' > "$paths"
echo "crawl: $(wc -l < "$paths") article addresses"
$PY manage.py store_release_parts --host "$BIND" | tail -1

ours_all="" peer_all=""
for round in $(seq "$rounds"); do
    redis-cli -u "$BENCH_REDIS_URL" flushdb >/dev/null
    start_server 300 "$BENCH_REDIS_URL" on
    read -r ours p50 p99 errors <<<"$(measure_paths "http://$BIND/" "$paths" each)"
    stop_server
    echo "round $round, ours: $ours req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    ours_all+="$ours "
    if [ -n "$peer_urls" ]; then
        base="$(head -1 "$peer_urls" | sed -E 's#(https?://[^/]+).*#\1#')"
        sed -E 's#https?://[^/]+##' "$peer_urls" > "$RUN_DIR/peer-paths"
        read -r theirs p50 p99 errors <<<"$(measure_paths "$base/" "$RUN_DIR/peer-paths" each)"
        echo "round $round, peer: $theirs req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
        peer_all+="$theirs "
    fi
done
ours="$(median "$ours_all")"
if [ -n "$peer_urls" ]; then
    theirs="$(median "$peer_all")"
    echo "median: ours $ours req/s, peer $theirs req/s, ratio $(echo "scale=2; $ours / $theirs" | bc)"
else
    echo "median: ours $ours req/s"
fi
