#!/usr/bin/env bash
# Fault injection, long: the faults of the CI fault suite (dist/.../it/FaultSuiteIT) with more
# cycles and longer phases, once against a second keepalived4j and once against keepalived
# 2.2.7, with the figures.
#
#   bench/faults.sh [--peers "keepalived4j keepalived"] [--kill-cycles 5] [--link-cycles 5]
#                   [--loss-seconds 120] [--flood-per-class 5000] [--flood-rate 5000]
#                   [--storm-rounds 10] [--out DIR]
#
# Node A (keepalived4j) and node B (the peer) in namespaces of their own, joined through a
# bridge in a third namespace, a fourth on the bridge for the flooding host; two VRRPv2
# instances at advert_int 1 s with opposite priorities (each node MASTER of one). Per run:
# SIGKILL+restart of A, of B, of both in turn (x kill-cycles); link down+up of A, of B
# (x link-cycles); 10 % VRRP loss A->B, then both ways (loss-seconds each); a flood of
# flood-per-class packets of each malformed class and of valid lower-priority adverts; SIGHUP
# storms of valid and broken files on every keepalived4j node (8 per round); a reload that
# hands an instance over and back; SIGTERM of both. bench/README.md says how to read the
# summary. Exit status 1 when a run found a violation.
set -euo pipefail
export LC_ALL=C
# shellcheck source=lib/common.sh
. "$(dirname "$(readlink -f "$0")")/lib/common.sh"

PEERS="keepalived4j keepalived"
ARGS=()
OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
        --peers) PEERS="$2"; shift 2 ;;
        --kill-cycles|--link-cycles|--loss-seconds|--flood-per-class|--flood-rate|--storm-rounds)
            [[ "$2" =~ ^[0-9]+$ ]] || die "$1 needs a number"
            ARGS+=("$1" "$2"); shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
for peer in $PEERS; do
    case "$peer" in keepalived4j|keepalived) ;; *) die "unknown peer: $peer" ;; esac
done

require_root_and_tools ip tcpdump keepalived java nft curl setsid
CLASSES="$REPO_DIR/dist/target/test-classes"
[ -f "$CLASSES/org/keepalived4j/it/FaultBench.class" ] \
    || die "the fault driver is not built: run ./mvnw -B -q -DskipTests package in $REPO_DIR (test classes included)"
install_cleanup
WORK="${OUT:-$(mktemp -d /tmp/bench-faults.XXXXXX)}"
mkdir -p "$WORK"

# The driver stops what it started on exit (also on SIGINT/SIGTERM); if it was killed outright,
# stop what still runs in the namespaces it made (named $TAG...) and delete them.
faults_cleanup() {
    local rc=$? ns pid
    for ns in $(ip netns list | awk -v t="$TAG" 'index($1, t) == 1 { print $1 }'); do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do
            kill -KILL "$pid" 2>/dev/null || true
        done
        NAMESPACES+=("$ns")
    done
    (exit "$rc")
    cleanup
}
trap faults_cleanup EXIT

echo "bench/faults.sh: $(nproc) cores, load average $(loadavg), $(keepalived --version 2>&1 | head -1)," \
    "$(java -version 2>&1 | head -1)"
echo "raw data (logs, notify records, VIP changes, adverts, one report per peer): $WORK"
java -Xmx256m -Dkeepalived4j.lib="$REPO_DIR/dist/target/lib" -Dkeepalived4j.home="$REPO_DIR" \
    -cp "$CLASSES:$REPO_DIR/dist/target/lib/*" org.keepalived4j.it.FaultBench \
    --peers "$PEERS" --prefix "$TAG" --out "$WORK" "${ARGS[@]}" | tee "$WORK/summary.txt"
