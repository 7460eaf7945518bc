#!/usr/bin/env bash
# Takeover latency of a VRRPv3 backup after its master crashes: keepalived4j and keepalived
# 2.2.7 measured the same way, side by side.
#
#   bench/takeover.sh [--runs N] [--intervals "1 0.1 0.02"] [--impls "keepalived4j keepalived"]
#                     [--out DIR]
#
# One "lane" per backup implementation: two namespaces joined by a veth; in A a real
# keepalived 2.2.7 MASTER (priority 200), in B the BACKUP under test (priority 100), same
# VRID and VIP. Each run: wait until the master is MASTER and the backup has been BACKUP for
# at least 4 of the master's adverts, start `ip -ts monitor address` and tcpdump in B, SIGKILL
# the master's whole process group (a crash: no priority-0 advert), wait for the VIP in B.
#   overhead = VIP added (ip monitor) - master's last advert (tcpdump) - Master_Down_Interval
#   raw      = VIP added - SIGKILL
# Then the master is restarted: it preempts the backup, which goes back to BACKUP. The backup
# under test keeps running through all runs of one interval (it is restarted only between
# intervals, because advert_int is in its configuration). The lanes alternate run by run so
# that both implementations see the same machine load.
set -euo pipefail
export LC_ALL=C
# shellcheck source=lib/common.sh
. "$(dirname "$(readlink -f "$0")")/lib/common.sh"

RUNS=20
INTERVALS="1 0.1 0.02"
IMPLS="keepalived4j keepalived"
OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --intervals) INTERVALS="$2"; shift 2 ;;
        --impls) IMPLS="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
for impl in $IMPLS; do
    case "$impl" in keepalived4j|keepalived) ;; *) die "unknown implementation: $impl" ;; esac
done
for interval in $INTERVALS; do
    [[ "$interval" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "bad interval: $interval"
done

require_root_and_tools ip tcpdump keepalived java python3 setsid awk ps grep
install_cleanup
WORK="${OUT:-$(mktemp -d /tmp/bench-takeover.XXXXXX)}"
mkdir -p "$WORK"

MASTER_PRIORITY=200
BACKUP_PRIORITY=100
VRID=51
declare -A NS_A NS_B IF_A IF_B NET MASTER_PG BACKUP_PG MASTER_LOG BACKUP_LOG LANE_DIR
lane=0
for impl in $IMPLS; do
    lane=$((lane + 1))
    NS_A[$impl]="${TAG}l${lane}a"
    NS_B[$impl]="${TAG}l${lane}b"
    IF_A[$impl]="${TAG}v${lane}a"
    IF_B[$impl]="${TAG}v${lane}b"
    NET[$impl]="10.201.$lane"
    make_link "${NS_A[$impl]}" "${NS_B[$impl]}" "${IF_A[$impl]}" "${IF_B[$impl]}" "${NET[$impl]}"
done

# Master_Down_Interval of the backup, in seconds (keepalived's arithmetic, see lib/takeover_report.py).
mdi_seconds() {
    awk -v a="$1" -v p="$2" 'BEGIN { cs = int(a * 100 + 0.5); printf "%.6f", (3 * cs * 10000 + int((256 - p) * cs * 625 / 16)) / 1e6 }'
}

start_master() {
    local impl="$1" n="$2" dir="${LANE_DIR[$impl]}"
    MASTER_LOG[$impl]="$dir/master.$n.log"
    local cmd
    read -r -a cmd <<<"$(keepalived_cmd "${NS_A[$impl]}" "$dir/master.conf" "$dir")"
    start_group "MASTER_PG[$impl]" "${MASTER_LOG[$impl]}" "${cmd[@]}"
}

master_is_master() {
    [ "$(last_state "${MASTER_LOG[$1]}" VI_1)" = MASTER ]
}

backup_is_backup() {
    [ "$(last_state "${BACKUP_LOG[$1]}" VI_1)" = BACKUP ] && ! has_address "${NS_B[$1]}" "${NET[$1]}.100"
}

start_backup() {
    local impl="$1" dir="${LANE_DIR[$impl]}"
    BACKUP_LOG[$impl]="$dir/backup.log"
    if [ "$impl" = keepalived4j ]; then
        # the launcher's defaults plus GC and safepoint logs, to see pauses during the runs
        KEEPALIVED4J_JAVA_OPTS="${KEEPALIVED4J_JAVA_OPTS:-} -Xlog:gc*,safepoint:file=$dir/gc.log:uptime,level,tags" \
            start_group "BACKUP_PG[$impl]" "${BACKUP_LOG[$impl]}" \
            ip netns exec "${NS_B[$impl]}" "$K4J" -n -l -f "$dir/backup.conf" -p "$dir/k4j.pid"
    else
        local cmd
        read -r -a cmd <<<"$(keepalived_cmd "${NS_B[$impl]}" "$dir/backup.conf" "$dir/b")"
        start_group "BACKUP_PG[$impl]" "${BACKUP_LOG[$impl]}" "${cmd[@]}"
    fi
}

master_adverts_seen() {
    local n
    n=$(grep -c "IP $2 > 224.0.0.18: VRRPv3, Advertisement, vrid $VRID, prio $MASTER_PRIORITY" "$1" 2>/dev/null || true)
    [ "${n:-0}" -ge "$3" ]
}

vip_added() {
    # grep -c reads to the end, so the first grep never meets a closed pipe (see has_address)
    [ "$(grep -v Deleted "$1" 2>/dev/null | grep -c " inet $2/")" -gt 0 ]
}

# One takeover in one lane; leaves the master restarted.
measure() {
    local impl="$1" run="$2" interval="$3"
    local dir
    dir="${LANE_DIR[$impl]}/run$(printf %03d "$run")"
    mkdir -p "$dir"
    local mdi settle
    mdi=$(mdi_seconds "$interval" "$BACKUP_PRIORITY")
    settle=$(awk -v m="$mdi" 'BEGIN { print m * 2 + 30 }')
    wait_until "$settle" master_is_master "$impl" || die "$impl run $run: master not MASTER (${MASTER_LOG[$impl]})"
    wait_until "$settle" backup_is_backup "$impl" || die "$impl run $run: backup not back in BACKUP (${BACKUP_LOG[$impl]})"
    local td mon
    start_group td "$dir/tcpdump.txt" ip netns exec "${NS_B[$impl]}" \
        tcpdump -i "${IF_B[$impl]}" -n -tt -l -U 'ip proto 112'
    start_group mon "$dir/monitor.txt" env TZ=UTC ip netns exec "${NS_B[$impl]}" ip -ts monitor address
    wait_until 10 grep -q "listening on" "$dir/tcpdump.txt" || die "$impl run $run: tcpdump did not start"
    sleep 0.2
    # settled: the backup has heard at least 4 adverts since the capture started and is BACKUP
    wait_until "$settle" master_adverts_seen "$dir/tcpdump.txt" "${NET[$impl]}.1" 4 \
        || die "$impl run $run: no adverts from the master"
    backup_is_backup "$impl" || die "$impl run $run: backup left BACKUP before the kill"
    cat >"$dir/meta" <<EOF
interval=$interval
impl=$impl
master_ip=${NET[$impl]}.1
vip=${NET[$impl]}.100
backup_priority=$BACKUP_PRIORITY
loadavg=$(loadavg)
EOF
    local t_kill
    t_kill=$(now_us)
    kill -KILL -- "-${MASTER_PG[$impl]}"
    stop_group "${MASTER_PG[$impl]}" KILL 5
    # nothing polls during Master_Down_Interval and a little beyond: only the measured processes run
    sleep "$(awk -v m="$mdi" -v a="$interval" 'BEGIN { print m + (a < 0.05 ? 0.05 : a) }')"
    wait_until "$settle" vip_added "$dir/monitor.txt" "${NET[$impl]}.100" \
        || die "$impl run $run: VIP never appeared on the backup"
    sleep "$(awk -v a="$interval" 'BEGIN { print (a * 3 < 0.1 ? 0.1 : a * 3) }')"
    stop_group "$td" INT 5
    stop_group "$mon" TERM 5
    echo "$t_kill" >"$dir/kill_us"
    start_master "$impl" "$((run + 1))"
}

START_LOAD="$(loadavg)"
log "work directory $WORK; load average $START_LOAD"
for interval in $INTERVALS; do
    for impl in $IMPLS; do
        LANE_DIR[$impl]="$WORK/i$interval/$impl"
        mkdir -p "${LANE_DIR[$impl]}/b"
        { global_defs "${TAG}m"; vrrp_instance VI_1 "${IF_A[$impl]}" $VRID $MASTER_PRIORITY "$interval" "${NET[$impl]}.100"; } \
            >"${LANE_DIR[$impl]}/master.conf"
        { global_defs "${TAG}b"; vrrp_instance VI_1 "${IF_B[$impl]}" $VRID $BACKUP_PRIORITY "$interval" "${NET[$impl]}.100"; } \
            >"${LANE_DIR[$impl]}/backup.conf"
        start_master "$impl" 1
    done
    for impl in $IMPLS; do
        wait_until 30 master_is_master "$impl" || die "$impl: master never became MASTER"
        start_backup "$impl"
        wait_until 60 backup_is_backup "$impl" || die "$impl: backup never reached BACKUP (${BACKUP_LOG[$impl]})"
    done
    log "advert_int $interval: $RUNS runs per implementation (load $(loadavg))"
    read -r -a order <<<"$IMPLS"
    for run in $(seq "$RUNS"); do
        for impl in "${order[@]}"; do
            measure "$impl" "$run" "$interval"
        done
        order=("${order[@]:1}" "${order[0]}")   # alternate who goes first
        [ $((run % 5)) -ne 0 ] || log "  $run runs done (load $(loadavg))"
    done
    for impl in $IMPLS; do
        stop_group "${BACKUP_PG[$impl]}" TERM 10
        stop_group "${MASTER_PG[$impl]}" TERM 10
    done
done

machine_context "$START_LOAD"
echo "$RUNS runs per implementation and interval; master: keepalived 2.2.7 priority 200, SIGKILL of its process group"
echo
python3 "$BENCH_DIR/lib/takeover_report.py" "$WORK" $IMPLS
