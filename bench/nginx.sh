#!/usr/bin/env bash
# make bench-nginx: the documented production stack for anonymous readers — nginx with the
# configuration in deploy/nginx (micro-cache, gzip, static files) in front of gunicorn with the
# page cache on Redis — against the physical ceiling: the same nginx serving the article's
# saved bytes as a static file. Also checks that a published change shows up within seconds.
# Settings: see bench/lib.sh; BENCH_NGINX_BIND=127.0.0.1:8103 BENCH_CEILING_BIND=127.0.0.1:8104
#   BENCH_KEEPALIVE=1 (0: close each connection after one response, on both servers).
source "$(dirname "$0")/lib.sh"
NGINX_BIND="${BENCH_NGINX_BIND:-127.0.0.1:8103}"
CEILING_BIND="${BENCH_CEILING_BIND:-127.0.0.1:8104}"
command -v nginx >/dev/null || { echo "bench: nginx is not installed" >&2; exit 1; }

prepare_database
article="$(seed_article_path)"
start_server 300 "$BENCH_REDIS_URL"

mkdir -p "$RUN_DIR/tmp" "$RUN_DIR/cache" "$RUN_DIR/html"
# nginx workers run as an unprivileged user: let them read the page and write their cache.
chmod 755 "$RUN_DIR" "$RUN_DIR/html"
chmod 777 "$RUN_DIR/tmp" "$RUN_DIR/cache"
sed -e "s#/var/cache/nginx/gorgan#$RUN_DIR/cache#" -e "s#server 127.0.0.1:8000;#server $BIND;#" \
    deploy/nginx/gorgan-http.conf >"$RUN_DIR/gorgan-http.conf"
sed -e "s#GORGAN_ROOT/staticfiles/#$STATIC_ROOT/#" -e "s#GORGAN_ROOT/media/#$PWD/media/#" \
    -e 's#X-Forwarded-Proto $scheme#X-Forwarded-Proto https#' -e "s#/etc/nginx/snippets/#$RUN_DIR/#" \
    deploy/nginx/gorgan-locations.conf >"$RUN_DIR/gorgan-locations.conf"
cp deploy/nginx/gorgan-file-headers.conf "$RUN_DIR/"
curl -fsS -H 'X-Forwarded-Proto: https' "http://$BIND$article" -o "$RUN_DIR/html/index.html"
chmod 644 "$RUN_DIR/html/index.html"
cat >"$RUN_DIR/ceiling.conf" <<CONF
server {
    listen $CEILING_BIND;
    root $RUN_DIR/html;
    default_type text/html;
    charset utf-8;
    gzip off;
    location / { try_files /index.html =404; }
}
CONF
keepalive="keepalive_timeout 65s;"
[ "${BENCH_KEEPALIVE:-1}" = 1 ] || keepalive="keepalive_timeout 0;"
sed -e "s#RUN_DIR#$RUN_DIR#g" -e "s#BENCH_NGINX_BIND#$NGINX_BIND#" \
    -e "s#KEEPALIVE_DIRECTIVE#$keepalive#" bench/nginx.conf.template >"$RUN_DIR/nginx.conf"
nginx -t -q -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR/" -e "$RUN_DIR/nginx-error.log"
nginx -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR/" -e "$RUN_DIR/nginx-error.log" &
stop_all() {
    kill "$(cat "$RUN_DIR/nginx.pid" 2>/dev/null)" 2>/dev/null || true
    stop_server
    rm -rf "$RUN_DIR"
}
trap stop_all EXIT
for _ in $(seq 40); do curl -s -o /dev/null "http://$NGINX_BIND/fa/" && break; sleep 0.25; done

read -r site_rps site_p50 site_p99 site_err <<<"$(measure_url "http://$NGINX_BIND$article")"
read -r ceil_rps ceil_p50 ceil_p99 ceil_err <<<"$(measure_url "http://$CEILING_BIND/")"

# Freshness: change the seed release's Persian title and time how long nginx keeps the old one.
marker="تازه $(date +%s)"
REDIS_URL="$BENCH_REDIS_URL" $PY manage.py shell -c "
from newsroom.models import PressRelease
r = PressRelease.objects.get(short_code='24bc40e3'); r.set_current_language('fa')
r.title = r.title.split(' | ')[0] + ' | $marker'; r.save()" >/dev/null 2>&1
changed_at=$(date +%s.%N)
stale_seconds=""
for _ in $(seq 100); do
    if curl -s "http://$NGINX_BIND$article" | grep -q "$marker"; then
        stale_seconds=$(printf "%.1f" "$(echo "$(date +%s.%N) - $changed_at" | bc)"); break
    fi
    sleep 0.2
done
REDIS_URL="$BENCH_REDIS_URL" $PY manage.py shell -c "
from newsroom.models import PressRelease
r = PressRelease.objects.get(short_code='24bc40e3'); r.set_current_language('fa')
r.title = r.title.split(' | ')[0]; r.save()" >/dev/null 2>&1

ratio=$(echo "scale=1; 100 * $site_rps / $ceil_rps" | bc)
{
    echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk -t$THREADS -c$CONNS -d${SECONDS_PER_URL}s, keep-alive ${BENCH_KEEPALIVE:-1}"
    echo
    echo "| server | req/s | p50 ms | p99 ms | errors |"
    echo "|---|---:|---:|---:|---:|"
    echo "| nginx micro-cache → gunicorn + page cache (article) | $site_rps | $site_p50 | $site_p99 | $site_err |"
    echo "| nginx static file, same bytes (ceiling) | $ceil_rps | $ceil_p50 | $ceil_p99 | $ceil_err |"
    echo
    echo "Article through the production stack: ${ratio}% of the static ceiling."
    echo "A changed title was served by nginx after ${stale_seconds:-more than 20} s."
} | tee bench/results-nginx.md
