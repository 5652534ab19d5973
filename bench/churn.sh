#!/usr/bin/env bash
# make bench-churn: readers with the page cache on, reading 300 articles with a skew (a few
# most of the time), first with no edits, then while an editor saves one of those releases
# every 2 seconds. Prints both rates and their ratio: an edit should make stale only what
# shows the edited release, not the whole site.
# Settings: see bench/lib.sh; BENCH_SECONDS defaults to 20 here.
BENCH_SECONDS="${BENCH_SECONDS:-20}"
source "$(dirname "$0")/lib.sh"

prepare_database
paths="$RUN_DIR/paths"
$PY manage.py shell -c '
from django.utils.encoding import iri_to_uri
from newsroom.models import PressRelease
for release in PressRelease.objects.published().newest_first()[:300]:
    print(iri_to_uri(release.get_absolute_url("fa")))
' 2>/dev/null | grep '^/' > "$paths"

redis-cli -u "$BENCH_REDIS_URL" flushdb >/dev/null
start_server 300 "$BENCH_REDIS_URL" on
# Warm: every page once, then the skewed mix for a while.
while read -r path; do
    curl -s -o /dev/null -H 'X-Forwarded-Proto: https' "http://$BIND$path"
done < "$paths"
PATHS_FILE="$paths" PATHS_ORDER=skewed WRK_THREADS="$THREADS" \
    wrk -t"$THREADS" -c"$CONNS" -d5s -s bench/paths.lua "http://$BIND/" >/dev/null
read -r quiet p50 p99 errors <<<"$(measure_paths "http://$BIND/" "$paths" skewed)"
echo "no edits: $quiet req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"

# The editor: changes the Persian title of one of the 300 releases every 2 s (a skewed pick,
# like the reads), through the model, as the admin does.
$PY manage.py shell -c '
import random, time
from newsroom.models import PressRelease
releases = list(PressRelease.objects.published().newest_first()[:300])
while True:
    release = releases[int(len(releases) * random.random() ** 3)]
    release.set_current_language("fa")
    release.title = release.title.rstrip("*") + ("*" if not release.title.endswith("*") else "")
    release.save()
    time.sleep(2)
' >/dev/null 2>&1 &
editor=$!
sleep 1
read -r busy p50 p99 errors <<<"$(measure_paths "http://$BIND/" "$paths" skewed)"
kill "$editor"
echo "an edit every 2 s: $busy req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
# Once more without edits: the machine's drift shows in the two quiet runs.
read -r quiet_again p50 p99 errors <<<"$(measure_paths "http://$BIND/" "$paths" skewed)"
echo "no edits, again: $quiet_again req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
quiet_mean="$(echo "scale=1; ($quiet + $quiet_again) / 2" | bc)"
echo "ratio: $(echo "scale=2; $busy / $quiet_mean" | bc) (edits against the mean of the quiet runs)"
