#!/usr/bin/env bash
# Restore drill: back up the database (pg_dump, custom format) and the media folder, restore
# both into a fresh database and a fresh folder, and check that the copy has the same rows,
# renders the same pages and holds the same files. The source is only read.
#
#   DATABASE_URL=postgres://user@host:5432/gorgan MEDIA_ROOT=/srv/gorgan/media \
#       deploy/restore_drill.sh            # or: make restore-drill
#
# Needs pg_dump, pg_restore and psql of the server's major version, and the right to create
# databases. RESTORE_DRILL_DB names the scratch database (default: <name>_restore_drill);
# KEEP_RESTORE_DRILL=1 keeps it afterwards for a closer look.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON_BIN=${PYTHON_BIN:-.venv/bin/python}
export PGOPTIONS="-c client_min_messages=warning"
: "${DATABASE_URL:?Set DATABASE_URL to the PostgreSQL database to drill}"
MEDIA_ROOT=${MEDIA_ROOT:-$PWD/media}
export DATABASE_URL MEDIA_ROOT

base=${DATABASE_URL%%\?*}
query=""
[[ $DATABASE_URL == *\?* ]] && query="?${DATABASE_URL#*\?}"
server=${base%/*}
source_db=${base##*/}
drill_db=${RESTORE_DRILL_DB:-${source_db}_restore_drill}
drill_url="$server/$drill_db$query"
maintenance_url="$server/postgres$query"
if [[ $drill_db == "$source_db" ]]; then
    echo "The scratch database must not be the source database." >&2
    exit 2
fi

work=$(mktemp -d)
cleanup() {
    rm -rf "$work"
    if [[ ${KEEP_RESTORE_DRILL:-0} != 1 ]]; then
        psql "$maintenance_url" -qc "DROP DATABASE IF EXISTS \"$drill_db\"" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

echo "== 1. Back up: database $source_db, media folder $MEDIA_ROOT"
pg_dump --format=custom --no-owner --no-privileges --file="$work/gorgan.dump" "$DATABASE_URL"
mkdir -p "$work/media-source"
if [[ -d $MEDIA_ROOT ]]; then
    tar -C "$MEDIA_ROOT" -czf "$work/media.tar.gz" .
else
    tar -C "$work/media-source" -czf "$work/media.tar.gz" .
fi
pg_restore --list "$work/gorgan.dump" | grep -c "TABLE DATA" | xargs printf "   dump: %s table contents, "
du -h "$work/gorgan.dump" | cut -f1 | xargs printf "%s; "
du -h "$work/media.tar.gz" | cut -f1 | xargs printf "media archive: %s\n"

echo "== 2. Restore into the fresh database $drill_db and a fresh media folder"
psql "$maintenance_url" -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS \"$drill_db\""
psql "$maintenance_url" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$drill_db\""
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$drill_url" "$work/gorgan.dump"
mkdir -p "$work/media-restored"
tar -C "$work/media-restored" -xzf "$work/media.tar.gz"

echo "== 3. Compare rows, rendered pages and media files"
# site_fingerprint renders every page from its database with the caches off: the original
# and the copy share REDIS_URL, and a cached page would make a differing copy "match".
"$PYTHON_BIN" manage.py site_fingerprint >"$work/original.json"
DATABASE_URL="$drill_url" MEDIA_ROOT="$work/media-restored" \
    "$PYTHON_BIN" manage.py site_fingerprint >"$work/restored.json"
if ! diff -u "$work/original.json" "$work/restored.json"; then
    echo "RESTORE DRILL FAILED: the restored copy differs from the original (diff above)." >&2
    exit 1
fi
"$PYTHON_BIN" - "$work/restored.json" <<'PY'
import json, sys
from urllib.parse import unquote
data = json.load(open(sys.argv[1]))
rows = data["rows"]
print(f"   {len(rows)} tables, {sum(rows.values())} rows, identical in both databases:")
for label in ("newsroom.PressRelease", "newsroom.PressReleaseTranslation", "newsroom.Tag",
              "auth.User", "auth.Group", "reversion.Version"):
    if label in rows:
        print(f"     {label}: {rows[label]}")
print(f"   {len(data['pages'])} pages render identically:")
for url, digest in data["pages"].items():
    shown = unquote(url)
    shown = shown if len(shown) < 48 else shown[:46] + "…"
    print(f"     {shown:<48} {digest[:24]}…")
print(f"   media: {data['media'][:40]}…")
PY
echo "RESTORE DRILL PASSED"
