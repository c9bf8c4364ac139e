#!/usr/bin/env bash
# Benchmarks against the local system started by deploy/local/up.sh (not part of ./mvnw verify).
#   deploy/bench/run.sh                 all: import get submit decide reports load rebuild startup
#   deploy/bench/run.sh import get      some of them
# Sizes: -Dbench.import.count=10000 -Dbench.get.count=3000 -Dbench.submit.count=200 (-Dbench.submit.warmup=250) -Dbench.decide.count=100
#   -Dbench.reports.count=10000
# via BENCH_OPTS. The data it creates lands in a budget year of its own (2090–2098).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -pl deploy -am test-compile -DskipTests >/dev/null
cp=$(./mvnw -B -q -pl deploy dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
cd deploy
# shellcheck disable=SC2086
exec java ${BENCH_OPTS:-} -cp "target/test-classes:target/classes:$cp" org.jixiao.deploy.bench.Bench "$@"
