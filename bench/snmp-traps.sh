#!/usr/bin/env bash
# Do SNMP notifications delay adverts? keepalived4j with 1,000 VRRP instances that change
# state every few seconds, sending keepalived's traps to a real snmptrapd and informs to a
# receiver that never answers, against the same daemon with SNMP off; the measure is the
# advert gaps of one more instance that stays MASTER throughout (the probe).
#
#   bench/snmp-traps.sh [--minutes 3] [--rounds 2] [--instances 1000] [--interval 0.1]
#                       [--flip-seconds 6] [--warmup 30] [--peer keepalived4j|keepalived]
#                       [--stress 0] [--trapd-nice 0] [--notify snmp|alerts] [--out DIR]
#
# --notify alerts asks the same of the alert sinks: the "on" phases have no SNMP but mail
# (notification_email, smtp_server, smtp_alert: keepalived's keywords), a webhook, an
# Alertmanager and a syslog sink over TCP, all pointed at 127.0.0.1:2525, where a receiver
# accepts TCP connections and never answers (it runs in every phase, so both see the same
# processes), and a notify_fifo nobody reads: every delivery waits for its timeout (or finds no
# reader), fails and is retried while alerts pile up in the spools.
#
# Namespace A holds the subject (keepalived4j) and a real snmptrapd on 127.0.0.1:1162;
# namespace B the peer. They are joined by one veth per 250 flapping instances (VRIDs 1..250
# on each; VRRPv2, advert_int 1 s, priority 100 on the subject, one /32 VIP each, sync groups
# of 10) and by one more veth for the probe (VRID 1, VRRPv3, priority 200, advert_int
# --interval; nothing in B speaks VRRP on it, so it stays MASTER). The peer (a second
# keepalived4j by default) has the same flapping instances; every --flip-seconds its
# configuration is rewritten with priority 150 or 50 in turn and it gets SIGHUP, so that every
# flapping instance changes state on both sides at each flip (preemption both ways). With
# --peer keepalived (2.2.7), its backups at 150 take over only a few instances a second while
# the subject's adverts keep coming, so far fewer instances flap (bench/README.md).
#
# Phases, each with a subject started afresh on the same machine: "off" (no keepalived4j_snmp
# block, no enable_* keywords) and "on" (enable_traps, enable_snmp_vrrp, enable_snmp_rfcv2,
# enable_snmp_rfcv3, and a keepalived4j_snmp block with "trap2sink 127.0.0.1:1162 public" and
# "informsink 127.0.0.1:1163 public": nothing listens on 1163, so every inform is retried
# 5 times 1 s apart and then logged lost, and the sink's queue of 1000 overflows). --rounds N
# runs off,on then on,off, and so on (the order alternates so both see the same load).
# --stress N runs `stress-ng --cpu N` beside every phase. --trapd-nice N runs snmptrapd at
# nice N: on two cores the receiver of some 2,000 traps a flip competes for the CPU with the
# subject, which a trap receiver on another host does not. Each phase: --warmup seconds of
# flapping (the JIT, the first notifications), then --minutes measured.
#
# Measured, per phase: the probe's advert gaps by tcpdump in B (deviation from advert_int;
# gaps longer than two intervals are missed adverts), and by a second tcpdump on A's end of the
# probe link, which tells a gap the subject made ("sent late") from one the delivery made; the
# state transitions the subject logged, traps received by snmptrapd (and UDP datagrams its
# socket dropped), informs sent to 1163 (tcpdump on A's loopback), the lost/dropped lines the
# daemon logged, its GC pauses and safepoints, CPU time per thread of the subject and per
# process (subject, peer, snmptrapd) and the machine's, the load average.
set -euo pipefail
export LC_ALL=C
# shellcheck source=lib/common.sh
. "$(dirname "$(readlink -f "$0")")/lib/common.sh"

MINUTES=3
ROUNDS=2
INSTANCES=1000
INTERVAL=0.1
FLIP=6
WARMUP=30
PEER=keepalived4j
STRESS=0
TRAPD_NICE=0
NOTIFY=snmp
OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) MINUTES="$2"; shift 2 ;;
        --rounds) ROUNDS="$2"; shift 2 ;;
        --instances) INSTANCES="$2"; shift 2 ;;
        --interval) INTERVAL="$2"; shift 2 ;;
        --flip-seconds) FLIP="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --peer) PEER="$2"; shift 2 ;;
        --stress) STRESS="$2"; shift 2 ;;
        --trapd-nice) TRAPD_NICE="$2"; shift 2 ;;
        --notify) NOTIFY="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,46p' "$0"; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ "$MINUTES" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--minutes must be a number"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ "$INSTANCES" =~ ^[1-9][0-9]*$ ]] && [ "$INSTANCES" -le 2500 ] || die "--instances must be 1-2500"
[[ "$INTERVAL" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "bad --interval"
[[ "$FLIP" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "--flip-seconds must be a number"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "--warmup must be a whole number of seconds"
[[ "$STRESS" =~ ^[0-9]+$ ]] || die "--stress must be a number of CPU workers (0: none)"
[[ "$TRAPD_NICE" =~ ^-?[0-9]+$ ]] && [ "$TRAPD_NICE" -ge -20 ] && [ "$TRAPD_NICE" -le 19 ] || die "--trapd-nice must be -20..19"
case "$PEER" in keepalived|keepalived4j) ;; *) die "--peer keepalived|keepalived4j" ;; esac
case "$NOTIFY" in snmp|alerts) ;; *) die "--notify snmp|alerts" ;; esac

tools=(ip tcpdump keepalived java python3 setsid awk ps grep stat snmptrapd curl)
[ "$STRESS" = 0 ] || tools+=(stress-ng)
require_root_and_tools "${tools[@]}"
install_cleanup
WORK="${OUT:-$(mktemp -d /tmp/bench-snmp-traps.XXXXXX)}"
mkdir -p "$WORK"

PER_LINK=250                       # VRIDs 1..250 on each flapping link
LINKS=$(( (INSTANCES + PER_LINK - 1) / PER_LINK ))
SYNC_GROUP=10                      # flapping instances per vrrp_sync_group
NS_A="${TAG}a"
NS_B="${TAG}b"
SECONDS_TO_RUN=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')
add_netns "$NS_A" "$NS_B"
add_veth "$NS_A" "$NS_B" "${TAG}pa" "${TAG}pb" 10.203.0
for k in $(seq "$LINKS"); do
    add_veth "$NS_A" "$NS_B" "${TAG}f${k}a" "${TAG}f${k}b" "10.203.$k"
done

# flapping_instances SIDE(a|b) PRIORITY: VI_1..VI_<INSTANCES>, 250 to a link, VRRPv2 at 1 s.
flapping_instances() {
    local n k vrid
    for n in $(seq "$INSTANCES"); do
        k=$(( (n - 1) / PER_LINK + 1 ))
        vrid=$(( (n - 1) % PER_LINK + 1 ))
        vrrp_instance "VI_$n" "${TAG}f${k}$1" "$vrid" "$2" 1 "10.204.$k.$vrid/32" 2
    done
}

# subject_config SNMP(on|off) DIR: the subject's keepalived.conf.
subject_config() {
    local snmp=()
    if [ "$1" = on ] && [ "$NOTIFY" = snmp ]; then
        snmp=(enable_traps enable_snmp_vrrp enable_snmp_rfcv2 enable_snmp_rfcv3)
    elif [ "$1" = on ]; then
        snmp=("notification_email {" "    ops@example.com" "}" "notification_email_from keepalived@${TAG}s"
            "smtp_server 127.0.0.1 2525" "smtp_connect_timeout 30" "smtp_alert" "notify_fifo $2/notify.fifo")
    fi
    global_defs "${TAG}s" "${snmp[@]}"
    vrrp_instance PROBE "${TAG}pa" 1 200 "$INTERVAL" 10.203.0.100
    local g n
    for g in $(seq $(( (INSTANCES + SYNC_GROUP - 1) / SYNC_GROUP ))); do
        echo "vrrp_sync_group G_$g {"
        echo "    group {"
        for n in $(seq $(( (g - 1) * SYNC_GROUP + 1 )) $(( g * SYNC_GROUP < INSTANCES ? g * SYNC_GROUP : INSTANCES ))); do
            echo "        VI_$n"
        done
        echo "    }"
        echo "}"
    done
    flapping_instances a 100
}

# snmp_block DIR: the subject's keepalived4j.conf of an "on" phase.
snmp_block() {
    if [ "$NOTIFY" = alerts ]; then
        cat <<EOF
keepalived4j_alerts {
    spool_dir $1/spool
    webhook {
        url http://127.0.0.1:2525/hook
    }
    alertmanager {
        url http://127.0.0.1:2525
    }
    syslog {
        target tcp:127.0.0.1:2525
    }
}
EOF
        return
    fi
    cat <<EOF
keepalived4j_snmp {
    trap2sink 127.0.0.1:1162 public
    informsink 127.0.0.1:1163 public
}
EOF
}

# instance_states LOG: "<MASTER> <BACKUP>": how many VI_<n> are in each state by LOG.
instance_states() {
    awk 'match($0, /\(VI_[0-9]+\) Entering [A-Z]+ STATE/) {
            split(substr($0, RSTART, RLENGTH), w, " "); last[w[1]] = w[3] }
         END { m = b = 0; for (k in last) { m += last[k] == "MASTER"; b += last[k] == "BACKUP" }; print m, b }' "$1"
}

probe_is_master() {
    [ "$(last_state "$1" PROBE)" = MASTER ]
}

# threads PID FILE: /proc/PID/task/*/stat (per-thread CPU time) into FILE.
threads() {
    cat /proc/"$1"/task/*/stat >"$2" 2>/dev/null || true
}

# cpu_times FILE NAME=PID...: each process's /proc/PID/stat line after its name, then the
# machine's cpu line of /proc/stat.
cpu_times() {
    local out="$1" p
    shift
    {
        for p in "$@"; do echo "${p%%=*} $(cat "/proc/${p#*=}/stat" 2>/dev/null)"; done
        grep '^cpu ' /proc/stat
    } >"$out"
}

# run_phase N SNMP(on|off)
run_phase() {
    local dir="$WORK/p$1-$2" snmp="$2"
    mkdir -p "$dir/subject" "$dir/peer" "$dir/snmp"
    {
        echo "phase=$1"
        echo "snmp=$snmp"
        echo "interval=$INTERVAL"
        echo "instances=$INSTANCES"
        echo "links=$LINKS"
        echo "flip=$FLIP"
        echo "peer=$PEER"
        echo "stress=$STRESS"
        echo "trapd_nice=$TRAPD_NICE"
        echo "notify=$NOTIFY"
        echo "probe_ip=10.203.0.1"
    } >"$dir/meta"
    subject_config "$snmp" "$dir" >"$dir/subject/keepalived.conf"
    [ "$snmp" = off ] || snmp_block "$dir" >"$dir/subject/keepalived4j.conf"
    { global_defs "${TAG}p"; flapping_instances b 150; } >"$dir/peer-high.conf"
    { global_defs "${TAG}p"; flapping_instances b 50; } >"$dir/peer-low.conf"
    cp "$dir/peer-low.conf" "$dir/peer/keepalived.conf"
    echo "disableAuthorization yes" >"$dir/snmp/snmptrapd.conf"
    log "phase $1, $NOTIFY $snmp: $INSTANCES flapping instances on $LINKS link(s), probe at advert_int $INTERVAL (load $(loadavg))"

    # the receivers and captures first: every phase runs the same processes
    local trapd probe sent informs subject peer stress="" flipper sampler hang
    # a receiver that accepts TCP on 2525 and never answers (the alert sinks' in --notify alerts)
    start_group hang "$dir/hang.out" ip netns exec "$NS_A" python3 -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 2525)); s.listen(1024); print("listening", flush=True); held = []
while True:
    c, _ = s.accept(); held.append(c)'
    wait_until 10 grep -q "listening" "$dir/hang.out" || die "the hanging receiver did not start"
    start_group trapd "$dir/snmptrapd.out" env SNMP_PERSISTENT_DIR="$dir/snmp" ip netns exec "$NS_A" \
        nice -n "$TRAPD_NICE" snmptrapd -f -n -On -m "" -Lf "$dir/traps.log" -C -c "$dir/snmp/snmptrapd.conf" -F '%#t %v\n' udp:127.0.0.1:1162
    start_group probe "$dir/probe.txt" ip netns exec "$NS_B" tcpdump -i "${TAG}pb" -n -tt -l -U 'ip proto 112'
    start_group sent "$dir/probe-sent.txt" ip netns exec "$NS_A" tcpdump -i "${TAG}pa" -n -tt -l -U 'ip proto 112'
    start_group informs "$dir/informs.txt" ip netns exec "$NS_A" tcpdump -i lo -n -tt -l -U 'udp dst port 1163'
    wait_until 10 grep -q "listening on" "$dir/probe.txt" || die "tcpdump (probe) did not start"
    wait_until 10 grep -q "listening on" "$dir/probe-sent.txt" || die "tcpdump (probe, A) did not start"
    wait_until 10 grep -q "listening on" "$dir/informs.txt" || die "tcpdump (informs) did not start"
    wait_until 10 grep -q "NET-SNMP version" "$dir/traps.log" || die "snmptrapd did not start ($dir/snmptrapd.out)"

    # the subject first: every instance becomes MASTER (no peer yet), then the peer joins at 50
    local own=()
    [ "$snmp" = off ] || own=(-E "$dir/subject/keepalived4j.conf")
    KEEPALIVED4J_JAVA_OPTS="${KEEPALIVED4J_JAVA_OPTS:-} -Xlog:gc*,safepoint:file=$dir/gc.log:time,uptime,level,tags:filecount=0" \
        start_group subject "$dir/subject.log" \
        ip netns exec "$NS_A" "$K4J" -n -l -f "$dir/subject/keepalived.conf" -p "$dir/subject/k4j.pid" "${own[@]}"
    wait_until 120 all_in_state "$dir/subject.log" MASTER "$INSTANCES" \
        || die "phase $1: the subject did not get all $INSTANCES instances to MASTER (see $dir/subject.log)"
    wait_until 30 probe_is_master "$dir/subject.log" || die "phase $1: the probe did not become MASTER"
    local peer_pid
    if [ "$PEER" = keepalived4j ]; then
        peer_pid="$dir/peer/k4j.pid"
        start_group peer "$dir/peer.log" \
            ip netns exec "$NS_B" "$K4J" -n -l -f "$dir/peer/keepalived.conf" -p "$peer_pid"
    else
        peer_pid="$dir/peer/k.pid"
        local cmd
        read -r -a cmd <<<"$(keepalived_cmd "$NS_B" "$dir/peer/keepalived.conf" "$dir/peer")"
        start_group peer "$dir/peer.log" "${cmd[@]}"
    fi
    wait_until 120 all_in_state "$dir/peer.log" BACKUP "$INSTANCES" \
        || die "phase $1: the peer did not get all $INSTANCES instances to BACKUP (see $dir/peer.log)"
    wait_until 10 test -s "$peer_pid" || die "phase $1: no pid file from the peer"

    if [ "$STRESS" != 0 ]; then
        start_group stress "$dir/stress.log" stress-ng --cpu "$STRESS" --timeout 0
    fi
    # the flips: priority 150 and 50 in turn, SIGHUP each time; each flip's time in flips.txt
    start_group flipper "$dir/flips.txt" bash -c '
        dir="$1" pidfile="$2" every="$3" next=high
        while :; do
            sleep "$every"
            cp "$dir/peer-$next.conf" "$dir/peer/keepalived.conf"
            kill -HUP "$(cat "$pidfile")"
            echo "$EPOCHREALTIME $next"
            if [ "$next" = high ]; then next=low; else next=high; fi
        done' flipper "$dir" "$peer_pid" "$FLIP"
    sleep "$WARMUP"
    wait_until 10 grep -q " high" "$dir/flips.txt" || die "phase $1: the peer's priority never flipped"

    local jvm peer_vrrp="$peer"
    jvm="$(cat "$dir/subject/k4j.pid")"
    [ "$PEER" = keepalived4j ] || peer_vrrp="$(cat "$dir/peer/kv.pid")"   # keepalived's VRRP child
    ip netns exec "$NS_A" curl -s -m 10 http://127.0.0.1:9165/metrics >"$dir/metrics.start" || true
    for f in subject.log peer.log traps.log; do stat -c %s "$dir/$f" >"$dir/$f.start"; done
    threads "$jvm" "$dir/threads.start"
    cpu_times "$dir/cpu.start" "subject=$jvm" "peer=$peer_vrrp" "snmptrapd=$trapd"
    ip netns exec "$NS_A" cat /proc/net/snmp >"$dir/netsnmp.start"
    date -u +%Y-%m-%dT%H:%M:%S.%3N >"$dir/window.start"
    start_group sampler "$dir/loadavg.txt" bash -c 'while :; do cut -d" " -f1-3 /proc/loadavg; sleep 15; done'
    local end
    end=$(( $(date +%s) + SECONDS_TO_RUN ))
    while [ "$(date +%s)" -lt "$end" ]; do
        sleep 5
        group_alive "$subject" || die "phase $1: the subject died ($dir/subject.log)"
        group_alive "$peer" || die "phase $1: the peer died ($dir/peer.log)"
    done
    date -u +%Y-%m-%dT%H:%M:%S.%3N >"$dir/window.end"
    threads "$jvm" "$dir/threads.end"
    cpu_times "$dir/cpu.end" "subject=$jvm" "peer=$peer_vrrp" "snmptrapd=$trapd"
    ip netns exec "$NS_A" cat /proc/net/snmp >"$dir/netsnmp.end"
    for f in subject.log peer.log traps.log; do stat -c %s "$dir/$f" >"$dir/$f.end"; done
    ip netns exec "$NS_A" curl -s -m 10 http://127.0.0.1:9165/metrics >"$dir/metrics.end" || true
    getconf CLK_TCK >"$dir/clk_tck"

    stop_group "$sampler" TERM 5
    stop_group "$flipper" TERM 5
    [ -z "$stress" ] || stop_group "$stress" TERM 10
    stop_group "$subject" TERM 30
    stop_group "$peer" TERM 30
    stop_group "$probe" INT 5
    stop_group "$sent" INT 5
    stop_group "$informs" INT 5
    stop_group "$trapd" TERM 5
    stop_group "$hang" TERM 5
    log "phase $1, $NOTIFY $snmp: done (load $(loadavg))"
}

START_LOAD="$(loadavg)"
log "work directory $WORK; load average $START_LOAD"
PHASES=()
n=0
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then order="off on"; else order="on off"; fi
    for snmp in $order; do
        n=$((n + 1))
        run_phase "$n" "$snmp"
        PHASES+=("p$n-$snmp")
    done
done

machine_context "$START_LOAD"
echo "$MINUTES min measured per phase after ${WARMUP} s of flapping; $INSTANCES flapping instances (VRRPv2, advert_int 1 s," \
    "sync groups of $SYNC_GROUP) on $LINKS link(s), peer $PEER flipping priority 150/50 every $FLIP s;" \
    "probe VRRPv3 at advert_int $INTERVAL s;" \
    "$([ "$STRESS" = 0 ] && echo "no stress-ng" || echo "stress-ng --cpu $STRESS beside every phase");" \
    "snmptrapd at nice $TRAPD_NICE;" \
    "$([ "$NOTIFY" = snmp ] && echo "on = SNMP traps and informs" || echo "on = alert sinks to a receiver that never answers")"
echo
python3 "$BENCH_DIR/lib/snmp_traps_report.py" "$WORK" "${PHASES[@]}"
