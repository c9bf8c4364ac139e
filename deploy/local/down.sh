#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, by the PIDs it recorded (never by name). Data stays in
# deploy/local/.run (remove that folder for a clean start).
set -uo pipefail
run="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.run"
stop() {
  local name=$1 pidfile="$run/$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; echo "[jixiao] $name ($pid) killed"; else echo "[jixiao] $name ($pid) stopped"; fi
  fi
  rm -f "$pidfile"
}
# services first, so that they do not log connection errors for the broker and the database
for name in reporting-service approval-service indicator-service project-service kafka postgres; do stop "$name"; done
