#!/usr/bin/env bash
# Starts Jixiao on this machine with nothing but a JDK: builds if needed, starts a Kafka broker
# (127.0.0.1:9092), PostgreSQL (the machine's on 127.0.0.1:5432 if one answers, else an embedded
# one), the four services, loads the seed's projects, and prints where everything is.
#   deploy/local/up.sh            start (again: a running system is left as it is)
#   JIXIAO_REBUILD=1 deploy/local/up.sh   rebuild the services first
# Stop everything with deploy/local/down.sh. Logs: deploy/local/.run/logs/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run="$root/deploy/local/.run"
logs="$run/logs"
mkdir -p "$logs"
cd "$root"

services=(project-service:8081 indicator-service:8082 approval-service:8083 reporting-service:8084)
java_opts=${JIXIAO_JAVA_OPTS:--Xms32m -Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k}

say() { printf '[jixiao] %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$run/$1.pid" ] && kill -0 "$(cat "$run/$1.pid")" 2>/dev/null; }
start() { # name, log, command...
  local name=$1 log=$2; shift 2
  nohup "$@" >"$log" 2>&1 &
  echo $! >"$run/$name.pid"
}
wait_port() { # port, seconds, what
  for _ in $(seq 1 $(( $2 * 4 ))); do port_open "$1" && return 0; sleep 0.25; done
  say "$3 did not open port $1 within $2 s; see $logs"; exit 1
}

# 1. build
need_build=${JIXIAO_REBUILD:-}
for s in "${services[@]}"; do [ -f "${s%%:*}/target/quarkus-app/quarkus-run.jar" ] || need_build=1; done
[ -d deploy/target/lib ] || need_build=1
if [ -n "$need_build" ]; then
  say "building (./mvnw install -DskipTests; the first build downloads dependencies)…"
  ./mvnw -B -q install -DskipTests >"$logs/build.log" 2>&1 || { say "build failed, see $logs/build.log"; tail -30 "$logs/build.log"; exit 1; }
fi
cp="$root/deploy/target/classes:$root/deploy/target/lib/*"

# 2. PostgreSQL
export PGHOST=127.0.0.1 PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
if alive postgres; then
  say "embedded PostgreSQL already running (pid $(cat "$run/postgres.pid"))"
elif port_open "$PGPORT"; then
  say "using the PostgreSQL server on 127.0.0.1:$PGPORT as $PGUSER (set PGUSER/PGPASSWORD if that is wrong)"
else
  say "starting embedded PostgreSQL 15 on 127.0.0.1:$PGPORT (data in $run/pgdata)"
  start postgres "$logs/postgres.log" java -Xmx64m -cp "$cp" org.jixiao.deploy.LocalPostgres "$run/pgdata" "$PGPORT"
  wait_port "$PGPORT" 60 "PostgreSQL"
fi

# 3. Kafka
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
if alive kafka; then
  say "Kafka already running (pid $(cat "$run/kafka.pid"))"
elif port_open 9092; then
  say "port 9092 is taken by something not started here; stop it or run down.sh"; exit 1
else
  say "starting Kafka (KRaft, 127.0.0.1:9092, data in $run/kafka)"
  start kafka "$logs/kafka.log" java -Xms128m -Xmx256m -cp "$cp" org.jixiao.deploy.LocalKafka "$run/kafka" 9092 9093
  wait_port 9092 60 "Kafka"
fi

# 4. the services
for s in "${services[@]}"; do
  name=${s%%:*} port=${s##*:}
  if alive "$name"; then say "$name already running"; continue; fi
  port_open "$port" && { say "port $port is taken; cannot start $name"; exit 1; }
  say "starting $name on :$port"
  # profile local: the development token key is trusted; production runs without a profile.
  # Two database roles as in production: jixiao_<svc>_owner migrates, jixiao_<svc>_app is what the service
  # connects as (rows only); the service creates them as PGUSER on first start.
  svc=${name%-service}
  # shellcheck disable=SC2086
  PORT=$port \
  JIXIAO_DB_OWNER_USER=jixiao_${svc}_owner JIXIAO_DB_OWNER_PASSWORD=${JIXIAO_LOCAL_DB_PASSWORD:-jixiao-local} \
  JIXIAO_DB_APP_USER=jixiao_${svc}_app JIXIAO_DB_APP_PASSWORD=${JIXIAO_LOCAL_DB_PASSWORD:-jixiao-local} \
    start "$name" "$logs/$name.log" java $java_opts -Dquarkus.profile=local -jar "$name/target/quarkus-app/quarkus-run.jar"
done
ready=()
# health and metrics answer on the management interface: port 9181-9184 (API port + 1100)
for s in "${services[@]}"; do ready+=("http://127.0.0.1:$(( ${s##*:} + 1100 ))/q/health/ready"); done
if ! java -cp "$cp" org.jixiao.deploy.LocalTool wait 120 "${ready[@]}"; then
  say "a service did not become ready; see $logs"; exit 1
fi
say "all four services are ready"

# 5. demo data: the seed's projects through the public import API (idempotent)
java -cp "$cp" org.jixiao.deploy.LocalTool seed http://127.0.0.1:8081 \
  "$(deploy/local/token.sh integration)" common/src/main/resources/seed/seed-2025-projects.json

cat <<INFO

Jixiao is running.
  project-service    http://127.0.0.1:8081/q/swagger-ui
  indicator-service  http://127.0.0.1:8082/q/swagger-ui
  approval-service   http://127.0.0.1:8083/q/swagger-ui
  reporting-service  http://127.0.0.1:8084/q/swagger-ui
  logs               $logs
An admin token (12 h; more with deploy/local/token.sh ROLE [DEPARTMENT]):
$(deploy/local/token.sh admin)

Try: curl -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8081/api/v1/projects?budgetYear=2025'
Stop: deploy/local/down.sh
INFO
