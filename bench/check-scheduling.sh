#!/usr/bin/env bash
# Benchmark of the LVS checker: N real servers with TCP_CHECK at delay_loop 1 s against
# listeners on loopback, inside a network namespace of its own (nothing leaves it).
# Usage: [RT=1] bench/check-scheduling.sh [REAL_SERVERS=10000] [SECONDS=60]    (root)
# RT=1 runs the JVM with SCHED_RR priority 10 (as keepalived's checker_rt_priority would),
# so that other load on the machine does not starve the checker.
set -euo pipefail
cd "$(dirname "$0")/.."
servers=${1:-10000}
seconds=${2:-60}
ns=lvsbench$$
./mvnw -B -q -pl agent/core -am test-compile -DskipTests
./mvnw -B -q -pl agent/core -am dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
cp="agent/core/target/test-classes:agent/core/target/classes:$(cat agent/core/target/bench.cp)"
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
ip netns exec "$ns" ip link set lo up
rt=()
[ "${RT:-0}" = 1 ] && rt=(chrt -r 10)
"${rt[@]}" ip netns exec "$ns" java -Xlog:disable -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dlogback.configurationFile=bench/logback-bench.xml -cp "$cp" \
  org.keepalived4j.check.CheckSchedulingBench "$servers" "$seconds"
