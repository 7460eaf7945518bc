#!/usr/bin/env bash
# Stability of a keepalived4j / keepalived 2.2.7 pair at a short advert_int while the
# keepalived4j JVM is under allocation load: counts state transitions after the initial
# election (target: zero), and records advertisement gaps, GC pauses and safepoints.
#
#   bench/stability.sh [--minutes 10] [--interval 0.02] [--mode both|all|k4j-master|k4j-backup|control]
#                      [--extra-instances 200] [--heap 64m] [--jmx-load on|off] [--jmx-rate 10]
#                      [--peer-nice -10] [--rt-priority N] [--rt-limit US] [--stall SECONDS] [--out DIR]
#
# Two namespaces joined by a veth, the master in A, the backup in B. k4j-master: keepalived4j
# MASTER (priority 200), keepalived BACKUP (priority 100); k4j-backup: the reverse roles;
# control: keepalived on both sides while the same JMX load runs in a JVM of its own (what
# the machine's load alone does to a keepalived pair); both: k4j-master then k4j-backup;
# all: the three. Each mode runs for --minutes; every instance is VRRPv3 at --interval.
#
# The load on the JVM, all of it things a real deployment does, with no code added to it:
#  - a small heap (-Xms/-Xmx --heap), so that collections come often;
#  - --extra-instances more VRRP instances (VRIDs 2.., one VIP each, same roles as the main
#    one), so the VRRP loop sends or receives 50 adverts/s per instance at 0.02 s;
#  - a JMX scraper (lib/JmxLoad.java) reading every attribute of every MBean --jmx-rate times
#    a second (0: back to back; on 2 shared cores that starves every process of CPU, keepalived
#    pairs included, so it measures the machine rather than the JVM; see bench/README.md),
#    through the JVM's built-in JMX connector (standard -Dcom.sun.management.jmxremote.*
#    flags, on 127.0.0.1 inside A or B): what jmx_exporter or JConsole do to a JVM. Every
#    pass reads the daemon's own MBeans (one per instance) as well as the JVM's.
# The window opens once the initial election is over (every instance MASTER on one side and
# BACKUP on the other, and 3 s without a transition) and the JMX load starts loading; the load
# generator's JVM is started and connected 20 s before (after a first 3 s without a
# transition), out of the window.
#
# --peer-nice N runs the keepalived peer (the side that is not keepalived4j; in control the
# backup) at nice N (default 0), to give it the CPU a machine of its own would. The JVMs on the
# same two cores (JIT, GC, the JMX load) sometimes delay the master's adverts by more than
# Master_Down_Interval, and a keepalived 2.2.7 master with 201 instances at 0.02 s does not
# always recover from the takeovers that follow (bench/README.md, item 9). At -10 that still
# happened once in a 10-minute run; --rt-priority removes the delay (item 11).
#
# --rt-priority N puts "vrrp_rt_priority N" in both sides' global_defs: keepalived runs its VRRP
# process, keepalived4j its VRRP thread, under SCHED_RR at priority N, the setting keepalived
# documents for VRRP timing out on a busy machine. Default 0: not set. With it goes
# "vrrp_rlimit_rttime US" (--rt-limit, default 1000000): at keepalived's default of 10000 us, a
# keepalived VRRP process with 201 instances at 0.02 s is killed by the kernel within seconds
# (RLIMIT_RTTIME) and respawned by its parent, again and again.
#
# --stall SECONDS: a fault on purpose. 30 s into the window (or at a quarter of a shorter one)
# the master's VRRP process (keepalived's VRRP child, or keepalived4j's JVM) is stopped with
# SIGSTOP for that long, then continued: every instance times out on the backup, which takes
# over. The verdict is then about recovery: no transition before the stall, and none from 10 s
# after the master resumed to the end of the window.
set -euo pipefail
export LC_ALL=C
# shellcheck source=lib/common.sh
. "$(dirname "$(readlink -f "$0")")/lib/common.sh"

MINUTES=10
INTERVAL=0.02
MODE=both
EXTRA=200
HEAP=64m
JMX_LOAD=on
JMX_RATE=10
PEER_NICE=0
RT_PRIORITY=0
RT_LIMIT=1000000
STALL=0
OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) MINUTES="$2"; shift 2 ;;
        --interval) INTERVAL="$2"; shift 2 ;;
        --mode) MODE="$2"; shift 2 ;;
        --extra-instances) EXTRA="$2"; shift 2 ;;
        --heap) HEAP="$2"; shift 2 ;;
        --jmx-load) JMX_LOAD="$2"; shift 2 ;;
        --jmx-rate) JMX_RATE="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --peer-nice) PEER_NICE="$2"; shift 2 ;;
        --stall) STALL="$2"; shift 2 ;;
        --rt-priority) RT_PRIORITY="$2"; shift 2 ;;
        --rt-limit) RT_LIMIT="$2"; shift 2 ;;
        -h|--help) sed -n '2,49p' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$MINUTES" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--minutes must be a number"
[[ "$INTERVAL" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "bad --interval"
[[ "$EXTRA" =~ ^[0-9]+$ ]] && [ "$EXTRA" -le 254 ] || die "--extra-instances must be 0-254"
[[ "$HEAP" =~ ^[0-9]+[mMgG]$ ]] || die "bad --heap (e.g. 64m)"
case "$JMX_LOAD" in on|off) ;; *) die "--jmx-load on|off" ;; esac
[[ "$JMX_RATE" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--jmx-rate must be a number of passes per second (0: no limit)"
[[ "$PEER_NICE" =~ ^-?[0-9]+$ ]] && [ "$PEER_NICE" -ge -20 ] && [ "$PEER_NICE" -le 19 ] || die "--peer-nice must be -20..19"
[[ "$RT_PRIORITY" =~ ^[0-9]+$ ]] && [ "$RT_PRIORITY" -le 99 ] || die "--rt-priority must be 0-99 (0: not set)"
[[ "$RT_LIMIT" =~ ^[0-9]+$ ]] && [ "$RT_LIMIT" -ge 2 ] || die "--rt-limit must be a number of microseconds (>= 2)"
[[ "$STALL" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--stall must be a number of seconds"
case "$MODE" in
    both) MODES="k4j-master k4j-backup" ;;
    all) MODES="k4j-master k4j-backup control" ;;
    k4j-master|k4j-backup|control) MODES="$MODE" ;;
    *) die "--mode both|all|k4j-master|k4j-backup|control" ;;
esac

require_root_and_tools ip tcpdump keepalived java javac python3 setsid awk ps grep stat
install_cleanup
WORK="${OUT:-$(mktemp -d /tmp/bench-stability.XXXXXX)}"
mkdir -p "$WORK"
if [ "$JMX_LOAD" = on ]; then
    javac -d "$WORK/jmxload" "$BENCH_DIR/lib/JmxLoad.java" || die "cannot compile lib/JmxLoad.java"
fi

NS_A="${TAG}sa"
NS_B="${TAG}sb"
IF_A="${TAG}xa"
IF_B="${TAG}xb"
NET=10.202.1
JMX_PORT=19165
JMX_OPTS="-Dcom.sun.management.jmxremote.port=$JMX_PORT -Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT"
JMX_OPTS+=" -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1"
JMX_OPTS+=" -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false"
INSTANCES=$((EXTRA + 1))
JMX_DELAY=20
SECONDS_TO_RUN=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')
make_link "$NS_A" "$NS_B" "$IF_A" "$IF_B" "$NET"

# config NAME IFACE PRIORITY: the main instance VI_1 (VRID 1) and the extra ones VI_2.. (VRID 2..)
config() {
    local extra=()
    if [ "$RT_PRIORITY" != 0 ]; then extra+=("vrrp_rt_priority $RT_PRIORITY" "vrrp_rlimit_rttime $RT_LIMIT"); fi
    global_defs "$1" "${extra[@]}"
    vrrp_instance VI_1 "$2" 1 "$3" "$INTERVAL" "$NET.100"
    local v
    for v in $(seq 2 "$INSTANCES"); do
        vrrp_instance "VI_$v" "$2" "$v" "$3" "$INTERVAL" "10.202.2.$v"
    done
}

# start_side ROLE(master|backup) IMPL NS IFACE PRIORITY DIR: writes DIR/ROLE.conf and starts
# the daemon with its log in DIR/ROLE.log; its process group id goes to PG_<ROLE>.
start_side() {
    local role="$1" impl="$2" ns="$3" iface="$4" prio="$5" dir="$6"
    config "${TAG}$role" "$iface" "$prio" >"$dir/$role.conf"
    if [ "$impl" = keepalived4j ]; then
        local opts="${KEEPALIVED4J_JAVA_OPTS:-} -Xms$HEAP -Xmx$HEAP"
        opts+=" -Xlog:gc*,safepoint:file=$dir/gc.log:time,uptime,level,tags:filecount=0"
        if [ "$JMX_LOAD" = on ]; then opts+=" $JMX_OPTS"; fi
        echo "$opts" >"$dir/java-opts"
        KEEPALIVED4J_JAVA_OPTS="$opts" start_group "PG_$role" "$dir/$role.log" \
            ip netns exec "$ns" "$K4J" -n -l -f "$dir/$role.conf" -p "$dir/$role/k4j.pid"
    else
        local cmd nice=()
        read -r -a cmd <<<"$(keepalived_cmd "$ns" "$dir/$role.conf" "$dir/$role")"
        if [ "$role" = "$PEER_ROLE" ]; then nice=(nice -n "$PEER_NICE"); fi
        start_group "PG_$role" "$dir/$role.log" "${nice[@]}" "${cmd[@]}"
    fi
}

# stall_master DIR IMPL: the --stall fault, run in the background once the window is open.
stall_master() {
    local dir="$1" impl="$2" pid
    sleep "$(awk -v w="$SECONDS_TO_RUN" 'BEGIN { print (w >= 120 ? 30 : w / 4) }')"
    if [ "$impl" = keepalived4j ]; then pid="$(cat "$dir/master/k4j.pid")"; else pid="$(cat "$dir/master/kv.pid")"; fi
    date -u +%Y-%m-%dT%H:%M:%S.%3N >"$dir/stall.start"
    kill -STOP "$pid"
    sleep "$STALL"
    kill -CONT "$pid"
    date -u +%Y-%m-%dT%H:%M:%S.%3N >"$dir/stall.end"
}

# raw_sockets DIR WHEN: each side's raw sockets with their drop counters (receive buffer overflows)
raw_sockets() {
    ip netns exec "$NS_A" cat /proc/net/raw >"$1/master/raw.$2"
    ip netns exec "$NS_B" cat /proc/net/raw >"$1/backup/raw.$2"
}

# why ROLE DIR: for an error message, whether the daemon is still running, and its log.
why() {
    local pg="PG_$1"
    if group_alive "${!pg}"; then echo "(see $2/$1.log)"; else echo "(it exited: $(tail -3 "$2/$1.log" | tr '\n' ' '))"; fi
}

entering_lines() {
    cat "$1/master.log" "$1/backup.log" | grep -c "Entering [A-Z]* STATE" || true
}

# settle DIR: waits (at most 60 s) for 3 s with no transition and every instance in place.
settle() {
    local dir="$1" deadline=$((SECONDS + 60)) before
    while [ $SECONDS -lt $deadline ]; do
        before=$(entering_lines "$dir")
        sleep 3
        if [ "$(entering_lines "$dir")" = "$before" ] && all_in_state "$dir/master.log" MASTER "$INSTANCES" \
            && all_in_state "$dir/backup.log" BACKUP "$INSTANCES"; then
            return 0
        fi
    done
    return 1
}

run_mode() {
    local mode="$1" dir="$WORK/$1"
    mkdir -p "$dir/master" "$dir/backup"
    local master_impl backup_impl jvm_ns
    case "$mode" in
        k4j-master) master_impl=keepalived4j; backup_impl=keepalived; jvm_ns=$NS_A; PEER_ROLE=backup ;;
        k4j-backup) master_impl=keepalived; backup_impl=keepalived4j; jvm_ns=$NS_B; PEER_ROLE=master ;;
        control) master_impl=keepalived; backup_impl=keepalived; jvm_ns=$NS_A; PEER_ROLE=backup ;;
    esac
    {
        echo "mode=$mode"
        echo "master_impl=$master_impl"
        echo "backup_impl=$backup_impl"
        echo "interval=$INTERVAL"
        echo "instances=$INSTANCES"
        echo "heap=$HEAP"
        echo "jmx_load=$JMX_LOAD"
        echo "jmx_rate=$JMX_RATE"
        echo "master_ip=$NET.1"
        echo "backup_priority=100"
        echo "peer_role=$PEER_ROLE"
        echo "peer_nice=$PEER_NICE"
        echo "stall=$STALL"
        echo "rt_priority=$RT_PRIORITY"
        echo "rt_limit=$RT_LIMIT"
    } >"$dir/meta"
    log "$mode: master $master_impl, backup $backup_impl; $INSTANCES instance(s) at advert_int $INTERVAL," \
        "heap $HEAP, JMX load $JMX_LOAD at $JMX_RATE/s (load $(loadavg))"
    # the master side first, so that the initial election is one transition per side and instance
    start_side master "$master_impl" "$NS_A" "$IF_A" 200 "$dir"
    wait_until 60 all_in_state "$dir/master.log" MASTER "$INSTANCES" \
        || die "$mode: the master side did not get all $INSTANCES instances to MASTER $(why master "$dir")"
    # capture the main instance's adverts from now on: gaps during the election are evidence too
    # on both ends of the veth: the master's end times each advert as it is sent, the backup's
    # as it is delivered, so that a gap can be told apart as a late send or a late delivery
    local td ts jmx="" sampler
    start_group td "$dir/tcpdump.txt" ip netns exec "$NS_B" \
        tcpdump -i "$IF_B" -n -tt -l -U 'ip proto 112 and ip[21] = 1'
    start_group ts "$dir/tcpdump-sent.txt" ip netns exec "$NS_A" \
        tcpdump -i "$IF_A" -n -tt -l -U 'ip proto 112 and ip[21] = 1'
    wait_until 10 grep -q "listening on" "$dir/tcpdump.txt" || die "tcpdump did not start"
    wait_until 10 grep -q "listening on" "$dir/tcpdump-sent.txt" || die "tcpdump did not start"
    date -u +%Y-%m-%dT%H:%M:%S.%3N >"$dir/election.start"
    start_side backup "$backup_impl" "$NS_B" "$IF_B" 100 "$dir"
    # the initial election is over when every instance is MASTER on one side, BACKUP on the other
    wait_until 60 all_in_state "$dir/backup.log" BACKUP "$INSTANCES" \
        || die "$mode: the backup side did not get all $INSTANCES instances to BACKUP $(why backup "$dir")"
    wait_until 60 all_in_state "$dir/master.log" MASTER "$INSTANCES" \
        || die "$mode: the master side lost MASTER during the initial election $(why master "$dir")"

    # A freshly started JVM is still compiling its hot paths: let the pair hold still first.
    settle "$dir" || log "$mode: WARNING: the pair did not hold still for 3 s within 60 s after the election"
    # The JMX client connects now (its JVM's start-up and the daemon's connector start-up are
    # not the load under study) and starts loading JMX_DELAY seconds later. Meanwhile the pair
    # must hold still for 3 s; the window opens as the load starts.
    if [ "$JMX_LOAD" = on ]; then
        local self=()
        if [ "$mode" = control ]; then read -r -a self <<<"$JMX_OPTS"; fi   # the load JVM scrapes itself
        start_group jmx "$dir/jmx-load.log" ip netns exec "$jvm_ns" java -XX:+UseSerialGC -Xmx64m "${self[@]}" \
            -cp "$WORK/jmxload" JmxLoad "127.0.0.1:$JMX_PORT" "$SECONDS_TO_RUN" "$JMX_RATE" "$JMX_DELAY"
        wait_until 60 grep -q "jmx-load: connected" "$dir/jmx-load.log" || die "$mode: the JMX load did not connect"
    fi
    settle "$dir" || log "$mode: WARNING: the pair did not hold still for 3 s within 60 s; measuring anyway"
    if [ -n "$jmx" ]; then
        wait_until $((JMX_DELAY + 60)) grep -q "jmx-load: loading" "$dir/jmx-load.log" \
            || die "$mode: the JMX load did not start"
    fi
    stat -c %s "$dir/master.log" >"$dir/master.log.start"
    stat -c %s "$dir/backup.log" >"$dir/backup.log.start"
    date -u +%Y-%m-%dT%H:%M:%S.%3N >"$dir/window.start"
    raw_sockets "$dir" start
    start_group sampler "$dir/loadavg.txt" bash -c 'while :; do cut -d" " -f1-3 /proc/loadavg; sleep 15; done'
    local stall_pid=""
    if [ "$STALL" != 0 ]; then
        stall_master "$dir" "$master_impl" &
        stall_pid=$!
    fi
    local end
    end=$(( $(stat -c %Y "$dir/window.start") + SECONDS_TO_RUN ))
    while [ "$(date +%s)" -lt "$end" ]; do
        sleep 5
        group_alive "$PG_master" || die "$mode: the master ($master_impl) died ($dir/master.log)"
        group_alive "$PG_backup" || die "$mode: the backup ($backup_impl) died ($dir/backup.log)"
    done
    if [ -n "$stall_pid" ]; then wait "$stall_pid" || log "$mode: the stall did not complete"; fi
    date -u +%Y-%m-%dT%H:%M:%S.%3N >"$dir/window.end"
    raw_sockets "$dir" end
    stat -c %s "$dir/master.log" >"$dir/master.log.end"
    stat -c %s "$dir/backup.log" >"$dir/backup.log.end"
    if [ -n "$jmx" ]; then
        wait_until 60 grep -q "target threads alive" "$dir/jmx-load.log" \
            || log "$mode: the JMX load did not finish in time"
        stop_group "$jmx" TERM 5
    fi
    stop_group "$sampler" TERM 5
    stop_group "$td" INT 5
    stop_group "$ts" INT 5
    stop_group "$PG_backup" TERM 15
    stop_group "$PG_master" TERM 15
    log "$mode: done (load $(loadavg))"
}

START_LOAD="$(loadavg)"
log "work directory $WORK; load average $START_LOAD"
for mode in $MODES; do
    run_mode "$mode"
done

machine_context "$START_LOAD"
echo "$MINUTES min per mode at advert_int $INTERVAL (VRRPv3); $INSTANCES VRRP instance(s) per side;" \
    "keepalived4j heap $HEAP; JMX scrape load $JMX_LOAD ($JMX_RATE passes/s, 0 = back to back);" \
    "$([ "$RT_PRIORITY" = 0 ] && echo "normal scheduling" || echo "vrrp_rt_priority $RT_PRIORITY and vrrp_rlimit_rttime $RT_LIMIT on both sides")"
echo
python3 "$BENCH_DIR/lib/stability_report.py" "$WORK" $MODES
