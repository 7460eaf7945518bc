#!/usr/bin/env bash
# Scrape time and allocation per scrape of the Prometheus endpoint for 1,000 VRRP instances and
# 10,000 real servers (JMH; the benchmark lives in exporters/prometheus/src/test/java,
# ScrapeBenchmark), every combination of legacy names and check histograms, in the text format
# and in OpenMetrics. Target, with the defaults (legacy names and histograms on, text format):
# at most 40 ms per scrape at the median and 2 MB allocated per scrape (gc.alloc.rate.norm) on
# a 2-core machine.
#
#   bench/prometheus-scrape.sh            # full run (about 2.5 minutes)
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
# The context to quote with the figures: when, the machine's cores and load, the code measured.
context() {
  echo "# $(date -u '+%F %T') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
{
  context
  if commit=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff --quiet HEAD -- 2>/dev/null && echo "# commit $commit" || echo "# working tree on top of $commit"
  fi
} | tee "$out/prometheus-scrape.txt"
java -Xms512m -Xmx512m -cp "$cp" org.openjdk.jmh.Main ScrapeBenchmark -prof gc "${args[@]}" \
  | tee -a "$out/prometheus-scrape.txt"
context | tee -a "$out/prometheus-scrape.txt"
