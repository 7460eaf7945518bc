# Shared by bench/takeover.sh and bench/stability.sh (sourced, not run).
#
# Network namespaces and veth pairs are named after this shell's PID so that several runs
# (and other work on the machine) never collide; every process is started in its own
# process group and stopped by that group's id; cleanup() removes all of it and runs on
# any exit, including Ctrl-C and errors.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
K4J="$REPO_DIR/bin/keepalived4j"
TAG="bch$$"                 # prefix of every namespace and interface this run creates
NAMESPACES=()               # created namespaces, deleted by cleanup()
BENCH_PGIDS=()           # process-group ids started by start_group(), stopped by cleanup()

die() {
    echo "$(basename "$0"): $*" >&2
    exit 1
}

log() {
    printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

require_root_and_tools() {
    [ "$(id -u)" -eq 0 ] || die "must run as root (network namespaces, raw sockets)"
    local t missing=()
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || missing+=("$t")
    done
    [ ${#missing[@]} -eq 0 ] || die "missing tool(s): ${missing[*]}"
    local version
    version="$(keepalived --version 2>&1 || true)"
    [[ "$version" == *"Keepalived v2.2.7 "* ]] || die "keepalived 2.2.7 is the reference; found: ${version%%$'\n'*}"
    [ -x "$K4J" ] || die "$K4J not found"
    ls "$REPO_DIR"/dist/target/lib/keepalived4j-core-*.jar >/dev/null 2>&1 \
        || die "keepalived4j is not built: run ./mvnw -B -q -DskipTests -Dmaven.test.skip=true package in $REPO_DIR"
}

# start_group VAR LOGFILE CMD...: runs CMD in a new session (its own process group) with
# stdout+stderr to LOGFILE; stores the group id in VAR.
start_group() {
    local var="$1" logfile="$2"
    shift 2
    setsid "$@" >"$logfile" 2>&1 </dev/null &
    local pid=$!
    disown "$pid"            # no "Killed" job notices; group_alive() does not need wait
    BENCH_PGIDS+=("$pid")
    # setsid execs in place when its caller is not a group leader (no job control here),
    # so $! is the session and group leader; make sure of it, signals go to the group.
    local pgid=""
    for _ in $(seq 50); do
        pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')"
        [ "$pgid" = "$pid" ] && break
        sleep 0.01
    done
    [ "$pgid" = "$pid" ] || die "process $pid ($1) is not its own group leader (pgid '$pgid')"
    printf -v "$var" '%s' "$pid"
}

# stop_group PGID SIGNAL [GRACE_SECONDS]: signals the group, waits for its leader, escalates
# to SIGKILL after the grace period.
stop_group() {
    local pgid="$1" sig="$2" grace="${3:-5}"
    [ -n "$pgid" ] || return 0
    kill -s "$sig" -- "-$pgid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while group_alive "$pgid" && [ $SECONDS -lt $deadline ]; do
        sleep 0.05
    done
    if group_alive "$pgid"; then
        echo "process group $pgid still running ${grace}s after SIG$sig: killing it" >&2
        kill -KILL -- "-$pgid" 2>/dev/null || true
        sleep 0.1
    fi
    local kept=() g
    for g in "${BENCH_PGIDS[@]}"; do
        [ "$g" = "$pgid" ] || kept+=("$g")
    done
    BENCH_PGIDS=("${kept[@]}")
}

# group_alive PGID: some member of the group is still running (zombies do not count).
group_alive() {
    ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    local g ns
    for g in "${BENCH_PGIDS[@]}"; do
        kill -TERM -- "-$g" 2>/dev/null || true
    done
    for g in "${BENCH_PGIDS[@]}"; do
        for _ in $(seq 100); do
            group_alive "$g" || break
            sleep 0.05
        done
        kill -KILL -- "-$g" 2>/dev/null || true
    done
    for ns in "${NAMESPACES[@]}"; do
        ip netns del "$ns" 2>/dev/null || true
    done
    [ -n "${WORK:-}" ] && echo "raw data kept in $WORK" >&2
    exit "$rc"
}

install_cleanup() {
    trap cleanup EXIT
    trap 'echo "interrupted" >&2; exit 130' INT
    trap 'echo "terminated" >&2; exit 143' TERM
}

# make_link NS_A NS_B IF_A IF_B SUBNET(e.g. 10.201.1): two namespaces joined by a veth,
# .1 on A, .2 on B.
make_link() {
    local a="$1" b="$2" ia="$3" ib="$4" net="$5"
    ip netns add "$a"
    NAMESPACES+=("$a")
    ip netns add "$b"
    NAMESPACES+=("$b")
    ip link add "$ia" type veth peer name "$ib"
    ip link set "$ia" netns "$a"
    ip link set "$ib" netns "$b"
    ip -n "$a" addr add "$net.1/24" dev "$ia"
    ip -n "$b" addr add "$net.2/24" dev "$ib"
    ip -n "$a" link set lo up
    ip -n "$b" link set lo up
    ip -n "$a" link set "$ia" up
    ip -n "$b" link set "$ib" up
}

# vrrp_instance NAME IFACE VRID PRIORITY ADVERT_INT VIP: one VRRPv3 instance block.
vrrp_instance() {
    cat <<EOF
vrrp_instance $1 {
    state BACKUP
    interface $2
    virtual_router_id $3
    version 3
    priority $4
    advert_int $5
    virtual_ipaddress {
        $6/24
    }
}
EOF
}

# global_defs ROUTER_ID [LINE...]: a global_defs block; each LINE is one more keyword line.
global_defs() {
    echo "global_defs {"
    echo "    router_id $1"
    shift
    local line
    for line in "$@"; do
        echo "    $line"
    done
    echo "}"
}

# keepalived_cmd NS CONF DIR: the command line of a foreground keepalived with its own pid files.
keepalived_cmd() {
    local ns="$1" conf="$2" dir="$3"
    rm -f "$dir/k.pid" "$dir/kv.pid" "$dir/kc.pid"
    echo ip netns exec "$ns" keepalived -n -l -D -f "$conf" -p "$dir/k.pid" -r "$dir/kv.pid" -c "$dir/kc.pid"
}

# last_state LOGFILE INSTANCE: the state the instance last entered according to its log
# (keepalived: "(VI_1) Entering BACKUP STATE"; keepalived4j: "(VI_1) Entering BACKUP STATE (reason)").
last_state() {
    grep -o "($2) Entering [A-Z]* STATE" "$1" 2>/dev/null | tail -1 | awk '{print $3}'
}

# now_us: wall-clock microseconds since the epoch, without a fork (bash 5 EPOCHREALTIME).
now_us() {
    local t="$EPOCHREALTIME"
    echo "${t/[.,]/}"
}

# wait_until TIMEOUT_SECONDS CMD...: polls CMD every 50 ms; fails after the timeout.
wait_until() {
    local timeout_us t
    timeout_us=$(awk -v s="$1" 'BEGIN { printf "%d", s * 1000000 }')
    shift
    t="$EPOCHREALTIME"
    local deadline=$(( ${t/[.,]/} + timeout_us ))
    until "$@"; do
        t="$EPOCHREALTIME"
        [ "${t/[.,]/}" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}

has_address() {
    ip -n "$1" -o addr show 2>/dev/null | grep -q " inet $2/"
}

loadavg() {
    cut -d' ' -f1-3 /proc/loadavg
}
