#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, by the PIDs it recorded (never by name): every service instance,
# every Kafka node, the embedded PostgreSQL. Data stays in deploy/local/.run (remove that folder for a clean start).
set -uo pipefail
run="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.run"
# SIGTERM to each of a group at once, then wait for all of them (SIGKILL after 30 s). The Kafka nodes stop
# together: one by one, the last ones would wait for a controller quorum that has already gone.
# A service on the first run of its build writes its class-data archive as it stops (up.sh): four of them at once
# took longer than 30 s on 2 cores (2026-12-02), were killed half-way, and every later up.sh recorded again
# instead of starting from an archive. Such a group gets 3 minutes; an archive cut short is removed.
stop_group() {
  local names=() pids=() archives=() limit=60
  for name in "$@"; do
    local pidfile="$run/$name.pid"
    [ -f "$pidfile" ] || continue
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      local jsa; jsa=$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | sed -n 's/^-XX:ArchiveClassesAtExit=//p')
      [ -n "$jsa" ] && limit=360
      kill "$pid"; names+=("$name"); pids+=("$pid"); archives+=("$jsa")
    else rm -f "$pidfile"; fi
  done
  [ "$limit" = 360 ] && echo "[jixiao] the services write their class-data archives as they stop (up to 3 minutes)"
  for _ in $(seq 1 "$limit"); do
    local left=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
    [ "$left" = 0 ] && break
    sleep 0.5
  done
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null; then kill -9 "${pids[$i]}"; echo "[jixiao] ${names[$i]} (${pids[$i]}) killed"
      [ -n "${archives[$i]}" ] && rm -f "${archives[$i]}" "${archives[$i]}.jars"
    else echo "[jixiao] ${names[$i]} (${pids[$i]}) stopped"; fi
    rm -f "$run/${names[$i]}.pid"
  done
}
shopt -s nullglob
services=() kafka=()
for f in "$run"/*.pid; do
  name=$(basename "$f" .pid)
  case $name in
    kafka|kafka-*) kafka+=("$name") ;;
    postgres) ;;
    *) services+=("$name") ;;
  esac
done
# services first, so that they do not log connection errors for the broker and the database
stop_group "${services[@]}"
stop_group "${kafka[@]}"
stop_group postgres
