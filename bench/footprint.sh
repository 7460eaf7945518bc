#!/usr/bin/env bash
# Footprint of keepalived4j beside keepalived 2.2.7, measured in the same run: memory and CPU
# in steady state at 1, 100 and 1,000 VRRPv3 instances (advert_int 1 s, spread over 4 veth
# links), with keepalived4j as master and as backup; then `-t` of Debian's sample configuration
# and the time from starting the daemon to its first advertisement.
#
#   bench/footprint.sh [--counts "1 100 1000"] [--seconds 30] [--settle 30] [--runs 10] [--out DIR]
#
# Steady state: both daemons started, every instance settled (N MASTER lines on one side, N
# BACKUP on the other), --settle seconds more (the JVM's compilers are still busy for a while
# after start-up: 20-50 s after it, C2 alone used 5 % of the machine), then --seconds of
# measurement. CPU is user+system time of
# every process of the daemon's process group over the window (one core = 100 %); RSS is the
# sum of VmRSS over those processes at the end of the window. keepalived4j runs with every
# exporter on: Prometheus, JMX, Jolokia (its defaults), its own SNMP agent (keepalived4j.conf)
# and the alert spool. JVM options come from the launcher (bin/keepalived4j); add more with
# KEEPALIVED4J_JAVA_OPTS.
#
# -t: the median of --runs runs of `-t -f /usr/share/doc/keepalived/samples/keepalived.conf.sample`.
# First advert: one instance in state MASTER priority 255 on a veth, tcpdump's stamp of the
# first VRRP packet minus the moment the command was started; median of --runs/2 starts.
# shellcheck source=lib/common.sh
source "$(dirname "$0")/lib/common.sh"

COUNTS="1 100 1000"
SECONDS_MEASURED=30
SETTLE=30
RUNS=10
WORK=""
while [ $# -gt 0 ]; do
    case "$1" in
        --counts) COUNTS="$2"; shift 2 ;;
        --seconds) SECONDS_MEASURED="$2"; shift 2 ;;
        --settle) SETTLE="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --out) WORK="$2"; shift 2 ;;
        *) die "unknown option $1 (see the comment at the top)" ;;
    esac
done
require_root_and_tools ip tcpdump awk setsid
SAMPLE=/usr/share/doc/keepalived/samples/keepalived.conf.sample
[ -f "$SAMPLE" ] || die "$SAMPLE missing (Debian's keepalived package ships it)"
WORK="${WORK:-$(mktemp -d /tmp/keepalived4j-footprint.XXXXXX)}"
mkdir -p "$WORK"
install_cleanup
START_LOAD="$(loadavg)"
HZ="$(getconf CLK_TCK)"

# config ROUTER PRIORITY N [STATE]: N instances VI_1..VI_N, instance i on eth((i-1)%4), VRID
# ((i-1)/4)+1, VIP 10.(220+(i-1)/250).((i-1)%250).1/24.
config() {
    local router="$1" prio="$2" n="$3" i
    global_defs "$router"
    for ((i = 1; i <= n; i++)); do
        vrrp_instance "VI_$i" "eth$(((i - 1) % 4))" $(((i - 1) / 4 + 1)) "$prio" 1 \
            "10.$((220 + (i - 1) / 250)).$(((i - 1) % 250)).1/24"
    done
}

# group_ticks PGID: user+system clock ticks of every process in the group.
group_ticks() {
    local total=0 pid stat rest
    for pid in $(ps -e -o pid=,pgid= | awk -v g="$1" '$2 == g { print $1 }'); do
        stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
        rest="${stat##*) }"
        # fields after the command: state(3) ... utime(14) stime(15), counted from field 3
        set -- $rest
        total=$((total + ${12} + ${13}))
    done
    echo "$total"
}

# group_rss_kb PGID: sum of VmRSS over the group's processes.
group_rss_kb() {
    local total=0 pid kb
    for pid in $(ps -e -o pid=,pgid= | awk -v g="$1" '$2 == g { print $1 }'); do
        kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)" || continue
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

ours_settings() {
    cat <<'EOF'
keepalived4j_snmp {
    agentaddress udp:127.0.0.1:1161
    rocommunity public 127.0.0.1
}
EOF
}

# steady N ROLE: one measurement; ROLE is keepalived4j's (master or backup). Prints one line.
steady() {
    local n="$1" role="$2" dir="$WORK/n$1-$2" a="${TAG}a" b="${TAG}b" k link
    mkdir -p "$dir"
    add_netns "$a" "$b"
    for link in 0 1 2 3; do
        ip link add "${TAG}x$link" type veth peer name "${TAG}y$link"
        ip link set "${TAG}x$link" netns "$a" name "eth$link"
        ip link set "${TAG}y$link" netns "$b" name "eth$link"
        ip -n "$a" addr add "10.210.$link.1/24" dev "eth$link"
        ip -n "$b" addr add "10.210.$link.2/24" dev "eth$link"
        ip -n "$a" link set "eth$link" up
        ip -n "$b" link set "eth$link" up
    done
    local kprio=200 oprio=100 kstate=MASTER ostate=BACKUP
    if [ "$role" = master ]; then kprio=100; oprio=200; kstate=BACKUP; ostate=MASTER; fi
    config keepalived "$kprio" "$n" >"$dir/keepalived.conf"
    config keepalived4j "$oprio" "$n" >"$dir/keepalived4j.conf.main"
    ours_settings >"$dir/keepalived4j.conf"
    # The master side first, alone until it is MASTER of every instance: started together, a
    # keepalived backup can stay BACKUP for minutes under a steady stream of lower-priority
    # adverts (its Master_Down_Timers are only looked at when its socket falls silent).
    local kg og
    start_keepalived() {
        # shellcheck disable=SC2046
        start_group kg "$dir/keepalived.log" $(keepalived_cmd "$a" "$dir/keepalived.conf" "$dir")
    }
    start_ours() {
        start_group og "$dir/keepalived4j.log" ip netns exec "$b" "$K4J" -n -l -f "$dir/keepalived4j.conf.main" \
            -E "$dir/keepalived4j.conf" -p "$dir/keepalived4j.pid"
    }
    if [ "$role" = master ]; then start_ours; else start_keepalived; fi
    if [ "$role" = master ]; then
        wait_until $((60 + n / 10)) all_in_state "$dir/keepalived4j.log" MASTER "$n" \
            || die "keepalived4j alone never had $n instances MASTER (see $dir)"
        start_keepalived
    else
        wait_until $((60 + n / 10)) all_in_state "$dir/keepalived.log" MASTER "$n" \
            || die "keepalived alone never had $n instances MASTER (see $dir)"
        start_ours
    fi
    wait_until $((60 + n / 10)) all_in_state "$dir/keepalived.log" "$kstate" "$n" \
        || die "keepalived never had $n instances $kstate (see $dir)"
    wait_until $((60 + n / 10)) all_in_state "$dir/keepalived4j.log" "$ostate" "$n" \
        || die "keepalived4j never had $n instances $ostate (see $dir)"
    sleep "$SETTLE"
    local k0 o0 k1 o1 kr or
    local e0 e1
    e0=$(( $(grep -c "Entering" "$dir/keepalived.log") + $(grep -c "Entering" "$dir/keepalived4j.log") ))
    k0="$(group_ticks "$kg")"; o0="$(group_ticks "$og")"
    sleep "$SECONDS_MEASURED"
    k1="$(group_ticks "$kg")"; o1="$(group_ticks "$og")"
    kr="$(group_rss_kb "$kg")"; or="$(group_rss_kb "$og")"
    e1=$(( $(grep -c "Entering" "$dir/keepalived.log") + $(grep -c "Entering" "$dir/keepalived4j.log") ))
    local transitions=$((e1 - e0))
    stop_group "$og" TERM 20
    stop_group "$kg" TERM 20
    ip netns del "$a"; ip netns del "$b"
    NAMESPACES=()
    awk -v n="$n" -v role="$role" -v hz="$HZ" -v s="$SECONDS_MEASURED" -v kt=$((k1 - k0)) -v ot=$((o1 - o0)) \
        -v kr="$kr" -v or="$or" -v tr="$transitions" 'BEGIN {
        printf "%5d instances, keepalived4j %-6s | CPU %% of one core: keepalived %5.2f  keepalived4j %5.2f | RSS MB: keepalived %6.1f  keepalived4j %6.1f | transitions while measured: %d\n",
            n, role, 100 * kt / hz / s, 100 * ot / hz / s, kr / 1024, or / 1024, tr }'
}

# median VALUES...: the median of the numbers.
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# config_test CMD...: the median wall time in ms of --runs runs of CMD -t -f SAMPLE.
config_test() {
    local times=() i t0 t1
    for ((i = 0; i < RUNS; i++)); do
        t0="$(now_us)"
        "$@" -t -f "$SAMPLE" >/dev/null 2>&1 || true
        t1="$(now_us)"
        times+=("$(((t1 - t0) / 1000))")
    done
    median "${times[@]}"
}

# first_advert IMPL: ms from starting the daemon to tcpdump's stamp of its first advert (median),
# into FIRST_ADVERT_MS (not printed: a command substitution would run it in a subshell, out of
# reach of cleanup()).
first_advert() {
    local impl="$1" ns="${TAG}f" dir="$WORK/first-$1" times=() i g t0 cap
    mkdir -p "$dir"
    add_netns "$ns"
    ip -n "$ns" link add eth0 type veth peer name eth1
    ip -n "$ns" addr add 10.211.0.1/24 dev eth0
    ip -n "$ns" link set eth0 up; ip -n "$ns" link set eth1 up
    { global_defs first; vrrp_instance VI_1 eth0 1 255 1 10.211.0.100/24 | sed 's/state BACKUP/state MASTER/'; } >"$dir/k.conf"
    ours_settings >"$dir/keepalived4j.conf"
    for ((i = 0; i < (RUNS + 1) / 2; i++)); do
        start_group cap "$dir/tcpdump-$i.txt" ip netns exec "$ns" tcpdump -tt -n -i eth1 -c 1 ip proto 112
        sleep 1
        t0="$(now_us)"
        if [ "$impl" = keepalived ]; then
            # shellcheck disable=SC2046
            start_group g "$dir/daemon-$i.log" $(keepalived_cmd "$ns" "$dir/k.conf" "$dir")
        else
            start_group g "$dir/daemon-$i.log" ip netns exec "$ns" "$K4J" -n -l -f "$dir/k.conf" \
                -E "$dir/keepalived4j.conf" -p "$dir/k4j.pid"
        fi
        wait_until 30 grep -q "VRRP" "$dir/tcpdump-$i.txt" || die "$impl sent no advert (see $dir)"
        local stamp
        stamp="$(awk '/VRRP/ { split($1, p, "."); printf "%s%06d", p[1], p[2]; exit }' "$dir/tcpdump-$i.txt")"
        times+=("$(((stamp - t0) / 1000))")
        stop_group "$g" TERM 20
        stop_group "$cap" TERM 5
        sleep 1
    done
    ip netns del "$ns"
    NAMESPACES=()
    FIRST_ADVERT_MS="$(median "${times[@]}")"
}

# everything printed goes to the report too (no pipeline: cleanup() must run in this shell)
exec > >(tee "$WORK/footprint.txt")
{
    machine_context "$START_LOAD"
    echo "keepalived4j JVM options: launcher defaults${KEEPALIVED4J_JAVA_OPTS:+ plus $KEEPALIVED4J_JAVA_OPTS}; ${SETTLE} s after settling, ${SECONDS_MEASURED} s measured"
    for n in $COUNTS; do
        for role in master backup; do
            log "steady state: $n instances, keepalived4j $role"
            steady "$n" "$role"
        done
    done
    log "-t of the Debian sample"
    echo "-t of keepalived.conf.sample, median of $RUNS: keepalived $(config_test keepalived) ms, keepalived4j $(config_test "$K4J") ms"
    log "start to first advert"
    first_advert keepalived; theirs="$FIRST_ADVERT_MS"
    first_advert keepalived4j
    echo "start to first advert, median of $(((RUNS + 1) / 2)): keepalived $theirs ms, keepalived4j $FIRST_ADVERT_MS ms"
    echo "load average at the end $(loadavg)"
}
