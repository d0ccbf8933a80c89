#!/usr/bin/env bash
# npm run cluster:demo — the platform as several stateless instances on one machine (issue 15.1):
# a PostgreSQL 15 primary and a streaming replica (pg_basebackup -R) on their own ports and data
# directories, two application instances (the first seeds the Baotou demo data; both read the
# public search from the replica, READ_DATABASE_URL) and HAProxy in front, round robin with
# health checks. Prints the balancer's URL; Ctrl-C stops everything it started. Nothing of the
# machine's own PostgreSQL (port 5432) is touched.
#   CLUSTER_DIR (default /tmp/qz-cluster, wiped at start), CLUSTER_PG_PORT (55432; replica +1),
#   CLUSTER_APP_PORT (3101; second +1), CLUSTER_LB_PORT (8080)
set -euo pipefail
cd "$(dirname "$0")/.."

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${CLUSTER_DIR:-/tmp/qz-cluster}
PG=${CLUSTER_PG_PORT:-55432}
RP=$((PG + 1))
APP=${CLUSTER_APP_PORT:-3101}
APP2=$((APP + 1))
LB=${CLUSTER_LB_PORT:-8080}
DB=qz
say() { printf '› %s\n' "$*"; }

# initdb and postgres refuse to run as root: run them as the postgres account then
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if ! command -v haproxy >/dev/null; then
  say "安装 HAProxy（Debian 软件包）…"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q haproxy >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q haproxy >/dev/null; }
  else sudo apt-get install -y -q haproxy >/dev/null; fi
fi

PIDS=()
cleanup() {
  say "停止集群…"
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  as_pg "$PGBIN/pg_ctl" -D "$DIR/replica" -m fast stop >/dev/null 2>&1 || true
  as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# a previous run's servers, if its terminal was closed
for d in replica primary; do [ -f "$DIR/$d/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$DIR/$d" -m fast stop >/dev/null 2>&1 || true; done
rm -rf "$DIR" && mkdir -p "$DIR" && chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"

say "主库：initdb，端口 $PG"
as_pg "$PGBIN/initdb" -D "$DIR/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$DIR/primary/postgresql.conf" <<EOF
port = $PG
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 5
hot_standby = on
EOF
echo "host replication postgres 127.0.0.1/32 trust" >>"$DIR/primary/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG" -U postgres "$DB"

say "副本：pg_basebackup 流复制，端口 $RP"
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PG" -U postgres -D "$DIR/replica" -R -X stream -c fast >/dev/null
echo "port = $RP" >>"$DIR/replica/postgresql.conf"
as_pg "$PGBIN/pg_ctl" -D "$DIR/replica" -l "$DIR/replica.log" -w start >/dev/null
[ "$(as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$RP" -U postgres -Atc 'select pg_is_in_recovery()')" = t ]

# the same keys for both instances (they share one audit chain and one contact-detail key)
KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
CKEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
start_app() { # port, extra args
  local port=$1; shift
  DATABASE_URL="postgres://postgres@127.0.0.1:$PG/$DB" READ_DATABASE_URL="postgres://postgres@127.0.0.1:$RP/$DB" \
    PORT=$port HOST=127.0.0.1 TRUST_PROXY=127.0.0.1 AUDIT_KEY=$KEY CONTACT_KEY=$CKEY \
    AUDIT_ANCHOR_FILE="$DIR/anchors-$port.jsonl" PUBLIC_URL="http://127.0.0.1:$LB" \
    node scripts/start.mjs "$@" >"$DIR/app-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -20 "$DIR/app-$port.log"; return 1; }
    sleep 1
  done
  echo "实例 $port 未能启动，见 $DIR/app-$port.log" >&2
  return 1
}
say "应用实例 1（写入演示数据），端口 $APP"
start_app "$APP" --demo
say "应用实例 2，端口 $APP2"
start_app "$APP2"

cat >"$DIR/haproxy.cfg" <<EOF
global
  maxconn 2000
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option forwardfor
frontend portal
  bind 127.0.0.1:$LB
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /healthz
  server app1 127.0.0.1:$APP check
  server app2 127.0.0.1:$APP2 check
EOF
haproxy -f "$DIR/haproxy.cfg" -db >"$DIR/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$LB/healthz" >/dev/null 2>&1 && break; sleep 1; done

cat <<EOF

权责清单管理平台集群已启动：
  负载均衡（HAProxy） http://127.0.0.1:$LB/      ← 公开门户；工作台 http://127.0.0.1:$LB/app/
  应用实例           http://127.0.0.1:$APP/  http://127.0.0.1:$APP2/
  PostgreSQL 主库    postgres://postgres@127.0.0.1:$PG/$DB
  PostgreSQL 副本    postgres://postgres@127.0.0.1:$RP/$DB（流复制，只读；公众检索从此读取）
  数据与日志         $DIR
按 Ctrl-C 停止。
EOF
wait "${PIDS[0]}"
