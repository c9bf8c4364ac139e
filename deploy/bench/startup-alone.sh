#!/usr/bin/env bash
# Start-up of each service alone, as in a rolling restart: against the system deploy/local/up.sh started, each
# service is stopped and started again by up.sh while the other three keep running, three times: without class
# data sharing (JIXIAO_CDS=0), then with it (the first run of a build records its archive when it stops, the next
# maps it). Prints Quarkus' own start time, the time from the JVM's launch to the line that says it listens (Quarkus'
# clock starts only once the JVM runs its main class: 0.4-0.7 s later), and the RSS right after start. Not a test:
# nothing is asserted.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run="$root/deploy/local/.run"
for s in project-service indicator-service approval-service reporting-service; do
  [ -f "$run/$s.pid" ] || { echo "$s is not running: start deploy/local/up.sh first" >&2; exit 1; }
done
# Milliseconds from the launch of process $1 to the wall-clock time $2 (a log line's "2026-11-30 23:25:17,261"):
# the kernel keeps a process's start in clock ticks since boot, /proc/uptime tells how long ago boot was.
launch_to() {
  local ticks hz up now at
  ticks=$(awk '{print $22}' "/proc/$1/stat"); hz=$(getconf CLK_TCK)
  read -r up _ < /proc/uptime; now=$(date +%s%3N)
  at=$(date -d "${2/,/.}" +%s%3N)
  echo $(( at - (now - ${up/./} * 10 + ticks * 1000 / hz) ))
}
stop() {
  local pid; pid=$(cat "$run/$1.pid")
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}
for s in project-service indicator-service approval-service reporting-service; do
  for cds in 0 1 1; do
    stop "$s"
    JIXIAO_CDS=$cds "$root/deploy/local/up.sh" >/dev/null
    # what the started JVM was told, and whether it took the archive (it says so in its log when it did not)
    args=$(tr '\0' ' ' < "/proc/$(cat "$run/$s.pid")/cmdline")
    case "$args" in
      *SharedArchiveFile=*) what="archive mapped"
        grep -q 'Unable to use shared archive' "$run/logs/$s.log" && what="archive refused" ;;
      *ArchiveClassesAtExit=*) what="recording the archive" ;;
      *) what="no class data sharing" ;;
    esac
    line=$(grep 'started in [0-9.]*s' "$run/logs/$s.log" | tail -1)
    started=$(grep -o 'started in [0-9.]*s' <<<"$line")
    listening=$(launch_to "$(cat "$run/$s.pid")" "$(cut -c1-23 <<<"$line")")
    rss=$(awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$(cat "$run/$s.pid")/status")
    printf 'startup alone  %-18s %-22s %s, launch to listening %d.%03ds, RSS %s\n' "$s" "$what" "$started" \
      $(( listening / 1000 )) $(( listening % 1000 )) "$rss"
  done
done
