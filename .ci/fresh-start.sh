#!/usr/bin/env bash
# Issue 9, item 1: the repository stands alone. Copies the committed checkout (no node_modules, no
# data, nothing beside it) into an empty temporary folder, runs the README's start command there and
# checks /healthz and the portal's home page. Exits non-zero if either fails.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
dir="$tmp/qz"
port="${FRESH_PORT:-3917}"
mkdir "$dir"
git -C "$src" archive HEAD | tar -x -C "$dir"
cleanup() { [ -n "${pid:-}" ] && kill -- "-$pid" 2>/dev/null || true; [ -n "${KEEP_FRESH:-}" ] || rm -rf "$tmp"; }
trap cleanup EXIT
cd "$dir"
# npm start in its own process group so that the server it spawns is stopped with it; packages come
# from the npm cache that .ci/run's own npm ci has just filled (prefer-offline: no revalidation)
npm_config_prefer_offline=true PORT="$port" setsid npm start > "$tmp/start.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/healthz" > "$tmp/health.json" 2>/dev/null; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$tmp/start.log"; echo "npm start exited before serving"; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null || { tail -50 "$tmp/start.log"; echo "/healthz did not answer"; exit 1; }
curl -fsS "http://127.0.0.1:$port/" > "$tmp/home.html"
grep -q '权责清单' "$tmp/home.html" || { echo "portal home page lacks 权责清单"; exit 1; }
echo "fresh copy in an empty folder: npm start served /healthz and the portal ($(wc -c < "$tmp/home.html") bytes)"
