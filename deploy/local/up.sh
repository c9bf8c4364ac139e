#!/usr/bin/env bash
# Starts Jixiao on this machine with nothing but a JDK: builds if needed, starts a Kafka broker
# (127.0.0.1:9092), PostgreSQL (the machine's on 127.0.0.1:5432 if one answers, else an embedded
# one), the four services, loads the seed's projects, and prints where everything is.
#   deploy/local/up.sh            start (again: a running system is left as it is)
#   JIXIAO_REBUILD=1 deploy/local/up.sh   rebuild the services first
#   JIXIAO_BROKERS=3 JIXIAO_INSTANCES=2 deploy/local/up.sh
#       a 3-node KRaft cluster (brokers 127.0.0.1:9092/9094/9096, controllers 9093/9095/9097; topics with
#       6 partitions, replication factor 3, min.insync.replicas 2) and two instances of each service
#       (APIs 8081–8084 and 8181–8184, management 9181–9184 and 9281–9284), each pair in one consumer group
# Stop everything with deploy/local/down.sh. Logs: deploy/local/.run/logs/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run="$root/deploy/local/.run"
logs="$run/logs"
mkdir -p "$logs"
cd "$root"

services=(project-service:8081 indicator-service:8082 approval-service:8083 reporting-service:8084)
brokers=${JIXIAO_BROKERS:-1}
instances=${JIXIAO_INSTANCES:-1}
[[ $brokers =~ ^[1-9]$ ]] || { echo "[jixiao] JIXIAO_BROKERS must be 1 to 9" >&2; exit 2; }
[[ $instances =~ ^[1-9]$ ]] || { echo "[jixiao] JIXIAO_INSTANCES must be 1 to 9" >&2; exit 2; }
# glibc gives threads that allocate at once malloc arenas of their own (up to 8 per core), each holding on to what
# it once used: with a service's Kafka, JDBC and HTTP threads that is RSS outside the 160 MiB heap. Two will do.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# G1 returns heap to the system by itself: when no collection has run for 15 s (G1PeriodicGCInterval) it runs one
# and gives back what is beyond 40% free. With the serial collector the heap shrank only at a full collection,
# which load alone never brings: project-service ended a benchmark at 342-366 MiB RSS with ~80 MiB of its old
# generation garbage; with G1, 258-263 MiB at the same throughput. Netty keeps per-thread caches of direct
# buffers, and every Vert.x worker thread that writes a response gets one: after 32 connections streaming a
# year's summary that was 34-40 MiB of direct memory held by idle threads; without the caches, 5 MiB (measured
# with -XX:NativeMemoryTracking=summary and Netty's allocator metrics on /q/metrics). Under a load that makes much
# garbage G1 grows the heap until collections take under 1/13 of the time (GCTimeRatio=12): 32 connections reading
# a year's summary took reporting-service's heap from 45 to 146 MiB and its RSS to 345-352 MiB; allowing 1/5
# (GCTimeRatio=4) it stopped at 95 MiB, RSS 294 MiB at the peak, at the same 10 summaries/s. -Xmx128m alone still
# peaked at 323 MiB, and a year's PDF needs ~125 MiB of heap, so the limit stays.
# The heap starts at 80 MiB but may shrink to 32 (MinHeapSize apart from InitialHeapSize; -Xms sets both): from 32
# MiB G1 collected ~47 times before a service was ready, and an idle service still gives its heap back below 80 MiB
# (reporting-service 204 MiB RSS after 45 s idle, 216 with -Xms32m). Paired starts alone, 2026-12-02: faster in 11
# of 16 pairs, project-service by 0.9 s, indicator-service by 0.5 s (deploy/bench/README.md).
java_opts=${JIXIAO_JAVA_OPTS:--XX:MinHeapSize=32m -XX:InitialHeapSize=80m -Xmx160m -XX:+UseG1GC -XX:G1PeriodicGCInterval=15000 -XX:GCTimeRatio=4 -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -Dio.netty.allocator.smallCacheSize=0 -Dio.netty.allocator.normalCacheSize=0}

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
  # 128 MiB, not less: on a machine that has never run it, the library first unpacks PostgreSQL's binaries from an
  # xz archive whose decoder needs a 64 MiB dictionary (-Xmx64m ended in OutOfMemoryError on a fresh machine).
  start postgres "$logs/postgres.log" java -Xmx128m -cp "$cp" org.jixiao.deploy.LocalPostgres "$run/pgdata" "$PGPORT"
  wait_port "$PGPORT" 60 "PostgreSQL"
fi

# 3. Kafka: one node, or a cluster of combined broker+controller nodes (node n: broker 9090+2n, controller 9091+2n)
if [ "$brokers" = 1 ]; then
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
else
  voters="" bootstrap=""
  for n in $(seq 1 "$brokers"); do
    voters+="${voters:+,}$n@127.0.0.1:$(( 9091 + 2 * n ))"
    bootstrap+="${bootstrap:+,}127.0.0.1:$(( 9090 + 2 * n ))"
  done
  export KAFKA_BOOTSTRAP_SERVERS=$bootstrap
  # the services' topic bootstrap: as many partitions as two instances can share, three copies, two to acknowledge
  export JIXIAO_KAFKA_PARTITIONS=${JIXIAO_KAFKA_PARTITIONS:-6}
  export JIXIAO_KAFKA_REPLICATION_FACTOR=${JIXIAO_KAFKA_REPLICATION_FACTOR:-$(( brokers < 3 ? brokers : 3 ))}
  export JIXIAO_KAFKA_MIN_INSYNC_REPLICAS=${JIXIAO_KAFKA_MIN_INSYNC_REPLICAS:-$(( JIXIAO_KAFKA_REPLICATION_FACTOR > 1 ? JIXIAO_KAFKA_REPLICATION_FACTOR - 1 : 1 ))}
  # a cluster of its own size: another number of nodes is another quorum, not this data
  data="$run/kafka-$brokers-nodes"
  for n in $(seq 1 "$brokers"); do
    port=$(( 9090 + 2 * n ))
    if alive "kafka-$n"; then say "Kafka node $n already running (pid $(cat "$run/kafka-$n.pid"))"; continue; fi
    port_open "$port" && { say "port $port is taken by something not started here; stop it or run down.sh"; exit 1; }
    say "starting Kafka node $n of $brokers (KRaft broker+controller, 127.0.0.1:$port, data in $data/node-$n)"
    start "kafka-$n" "$logs/kafka-$n.log" java -Xms128m -Xmx256m -cp "$cp" org.jixiao.deploy.LocalKafka \
      "$data/node-$n" "$port" $(( port + 1 )) "$n" "$voters"
  done
  java -cp "$cp" org.jixiao.deploy.LocalTool brokers 90 "$KAFKA_BOOTSTRAP_SERVERS" "$brokers" \
    || { say "the Kafka cluster did not form; see $logs/kafka-*.log"; exit 1; }
  say "Kafka cluster of $brokers nodes formed ($KAFKA_BOOTSTRAP_SERVERS)"
fi

# Class data sharing (JDK 17 dynamic AppCDS): the first run of a build records the classes the service loaded into
# an archive when it stops (down.sh); later runs of the same build map them instead of loading and verifying them
# again. The JVM checks the archive against the jars and ignores it, with a warning, when they changed. An archive
# is used only with the jars it was recorded for (name, size and time of each, kept beside it from the start of the
# recording run): judged by its age alone, an archive recorded by a service whose jars were rebuilt while it ran
# was newer than them, so it was never recorded again and never loaded ("Unable to use shared archive").
# JIXIAO_CDS=0 turns it off. The archive is mapped where it was recorded (ArchiveRelocationMode=0, JDK 17's
# default until 17.0.x made every start move it to a random address): moving it rewrote every pointer in the
# service's ~50 MiB archive, 0.34 s of each start (-Xlog:startuptime: "Genesis" 0.34 → 0.01 s, "Create VM"
# 0.38 → 0.07 s). It gives up the randomised address of class metadata, so it is for this local run only; the
# images (deploy/images) use no archive.
cds_jars() { find "$1/target/quarkus-app" -name '*.jar' -printf '%P %s %T@\n' | sort | sha1sum | cut -c1-40; }
cds_opts() { # service, instance
  [ "${JIXIAO_CDS:-1}" = 1 ] || return 0
  local jsa="$run/cds/$1.jsa" jars
  jars=$(cds_jars "$1")
  mkdir -p "$run/cds"
  if [ -f "$jsa" ] && [ "$(cat "$jsa.jars" 2>/dev/null)" = "$jars" ]; then echo "-XX:SharedArchiveFile=$jsa -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
  elif [ "$2" = 1 ]; then rm -f "$jsa"; echo "$jars" > "$jsa.jars"; echo "-XX:ArchiveClassesAtExit=$jsa"; fi
}

# 4. the services: instance i of a service listens on its port + 100 (i-1), management on API port + 1100;
# every instance of a service uses the service's database and consumer group
instance_name() { if [ "$2" = 1 ]; then echo "$1"; else echo "$1-$2"; fi; }
ready=()
for i in $(seq 1 "$instances"); do
  for s in "${services[@]}"; do
    service=${s%%:*} port=$(( ${s##*:} + 100 * (i - 1) ))
    name=$(instance_name "$service" "$i")
    ready+=("http://127.0.0.1:$(( port + 1100 ))/q/health/ready")
    if alive "$name"; then say "$name already running"; continue; fi
    port_open "$port" && { say "port $port is taken; cannot start $name"; exit 1; }
    port_open $(( port + 1100 )) && { say "port $(( port + 1100 )) is taken; cannot start $name"; exit 1; }
    say "starting $name on :$port (management :$(( port + 1100 )))"
    # profile local: the development token key is trusted; production runs without a profile.
    # Two database roles as in production: jixiao_<svc>_owner migrates, jixiao_<svc>_app is what the service
    # connects as (rows only); the service creates them as PGUSER on first start.
    svc=${service%-service}
    # shellcheck disable=SC2086,SC2046 # the JVM options are words on purpose
    PORT=$port MANAGEMENT_PORT=$(( port + 1100 )) \
    JIXIAO_DB_OWNER_USER=jixiao_${svc}_owner JIXIAO_DB_OWNER_PASSWORD=${JIXIAO_LOCAL_DB_PASSWORD:-jixiao-local} \
    JIXIAO_DB_APP_USER=jixiao_${svc}_app JIXIAO_DB_APP_PASSWORD=${JIXIAO_LOCAL_DB_PASSWORD:-jixiao-local} \
      start "$name" "$logs/$name.log" java $java_opts $(cds_opts "$service" "$i") -Dquarkus.profile=local \
        -jar "$service/target/quarkus-app/quarkus-run.jar"
  done
  # the first instance of each service migrates its database; the others start once it is ready
  if [ "$i" = 1 ] && [ "$instances" -gt 1 ]; then
    java -cp "$cp" org.jixiao.deploy.LocalTool wait 180 "${ready[@]}" || { say "a service did not become ready; see $logs"; exit 1; }
  fi
done
# health and metrics answer on the management interface: API port + 1100 (9181-9184, 9281-9284, ...)
if ! java -cp "$cp" org.jixiao.deploy.LocalTool wait $(( 120 * instances )) "${ready[@]}"; then
  say "a service did not become ready; see $logs"; exit 1
fi
say "all $(( 4 * instances )) service instances are ready"

# 5. demo data: the seed's projects through the public import API (idempotent)
java -cp "$cp" org.jixiao.deploy.LocalTool seed http://127.0.0.1:8081 \
  "$(deploy/local/token.sh integration)" common/src/main/resources/seed/seed-2025-projects.json

cat <<INFO

Jixiao is running ($brokers Kafka node(s): $KAFKA_BOOTSTRAP_SERVERS; $instances instance(s) of each service).
  project-service    http://127.0.0.1:8081/q/swagger-ui
  indicator-service  http://127.0.0.1:8082/q/swagger-ui
  approval-service   http://127.0.0.1:8083/q/swagger-ui
  reporting-service  http://127.0.0.1:8084/q/swagger-ui$( [ "$instances" -gt 1 ] && echo "
  further instances  the same paths on 8181–8184 (instance 2)$( [ "$instances" -gt 2 ] && echo ", 8281–8284 (instance 3), …")")
  logs               $logs
An admin token (12 h; more with deploy/local/token.sh ROLE [DEPARTMENT]):
$(deploy/local/token.sh admin)

Try: curl -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8081/api/v1/projects?budgetYear=2025'
Stop: deploy/local/down.sh
INFO
