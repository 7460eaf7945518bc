#!/usr/bin/env bash
# Scrape time and allocation per scrape of the Prometheus endpoint for 1,000 VRRP instances and
# 10,000 real servers (JMH; the benchmark lives in exporters/prometheus/src/test/java,
# ScrapeBenchmark). Target: < 50 ms per scrape on a 2-core machine.
#
#   bench/prometheus-scrape.sh            # full run (about 2 minutes)
#   bench/prometheus-scrape.sh -f 1 -wi 1 -i 2   # arguments replace the JMH run options
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
# One reactor run, so that the model's classes resolve from the reactor (nothing is installed).
./mvnw -B -q -pl exporters/prometheus -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/prometheus.classpath"
cp="exporters/prometheus/target/test-classes:exporters/prometheus/target/classes:$(cat "$out/prometheus.classpath")"
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
fi
java -Xms512m -Xmx512m -cp "$cp" org.openjdk.jmh.Main ScrapeBenchmark -prof gc "${args[@]}" \
  | tee "$out/prometheus-scrape.txt"
