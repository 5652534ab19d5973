#!/usr/bin/env bash
# make bench-latency: one reader at a time (wrk -t1 -c1), page cache off, against the pages
# whose cost must stay flat as the archive grows: lists, tags, search (a rare and a common
# word), sitemaps, the admin's release change list (signed in as the demo admin) and the
# API's release list (first page, deep page, a tag; its rate limit counts but is set out of reach).
# Writes a Markdown table to bench/results-latency.md. Run it with BENCH_RELEASES=100000 for
# the figures in docs/performance.md.
# Settings: see bench/lib.sh.
export WRK_THREADS=1 WRK_CONNS=1
export API_RATE_LIMIT=1000000000
source "$(dirname "$0")/lib.sh"
OUT=bench/results-latency.md

prepare_database
admin_cookie="sessionid=$($PY manage.py shell -c '
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
admin = get_user_model().objects.get(username="admin")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(admin.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = admin.get_session_auth_hash()
session.create()
print(session.session_key)' 2>/dev/null | tail -1)"
common_tag="$($PY manage.py shell -c '
from django.db.models import Count
from newsroom.models import Tag
print(Tag.objects.annotate(n=Count("tagged_releases")).order_by("-n").first().slug)' 2>/dev/null | tail -1)"

PAGES=(
    "news list, first page|/fa/news/|"
    "API release list, first page|/api/v1/releases/?lang=fa|"
    "API release list, 2,000 releases in|/api/v1/releases/?lang=fa&cursor=DEEP|"
    "API release list, the most used tag|/api/v1/releases/?lang=fa&tag=$common_tag|"
    "tag page, rare tag (guangzhou)|/fa/news/tags/guangzhou/|"
    "tag page, the most used tag|/fa/news/tags/$common_tag/|"
    "search, rare word («گوانگژو»)|/fa/search/?q=%DA%AF%D9%88%D8%A7%D9%86%DA%AF%DA%98%D9%88|"
    "search, common word («پارک»)|/fa/search/?q=%D9%BE%D8%A7%D8%B1%DA%A9|"
    "sitemap index|/sitemap.xml|"
    "sitemap, last page of releases|/sitemap-releases.xml?p=LAST|"
    "admin release change list|/admin/newsroom/pressrelease/|Cookie: $admin_cookie"
    "admin change list, title search|/admin/newsroom/pressrelease/?q=%DA%AF%D8%B1%DA%AF%D8%A7%D9%86|Cookie: $admin_cookie"
)
last_page="$($PY manage.py shell -c '
import math
from newsroom.models import PressRelease
from gorgan.kit.sitemaps import ITEMS_PER_PAGE
print(math.ceil(PressRelease.objects.order_by("-pk").first().pk / ITEMS_PER_PAGE))' 2>/dev/null | tail -1)"

# A cursor 2,000 releases in (the 200th page of 10), as a client following `next` gets.
deep_cursor="$($PY manage.py shell -c '
from newsroom.models import PressRelease
from newsroom.pagination import encode_cursor
print(encode_cursor(PressRelease.objects.published().in_language("fa").newest_first()[1999]))' \
    2>/dev/null | tail -1)"

start_server 0 "$BENCH_REDIS_URL" 3600
{
    echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, one reader (wrk -t1 -c1"
    echo "-d${SECONDS_PER_URL}s), page cache off, $(release_count) releases in PostgreSQL."
    echo
    echo "| page | p50 ms | p99 ms | req/s | errors |"
    echo "|---|---:|---:|---:|---:|"
    for page in "${PAGES[@]}"; do
        IFS='|' read -r name path header <<<"$page"
        path="${path/LAST/$last_page}"
        path="${path/DEEP/$deep_cursor}"
        read -r rps p50 p99 errors <<<"$(measure_url "http://$BIND$path" "$header")"
        echo "| $name | $p50 | $p99 | $rps | $errors |"
    done
} | tee "$OUT"
stop_server
