# Shared by the benchmark scripts in bench/ (sourced, not run).
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

# add_netns NS...: creates the namespaces (deleted by cleanup()), loopback up.
add_netns() {
    local ns
    for ns in "$@"; do
        ip netns add "$ns"
        NAMESPACES+=("$ns")
        ip -n "$ns" link set lo up
    done
}

# add_veth NS_A NS_B IF_A IF_B SUBNET(e.g. 10.201.1): a veth pair between two existing
# namespaces, .1/24 on A, .2/24 on B, both ends up.
add_veth() {
    local a="$1" b="$2" ia="$3" ib="$4" net="$5"
    ip link add "$ia" type veth peer name "$ib"
    ip link set "$ia" netns "$a"
    ip link set "$ib" netns "$b"
    ip -n "$a" addr add "$net.1/24" dev "$ia"
    ip -n "$b" addr add "$net.2/24" dev "$ib"
    ip -n "$a" link set "$ia" up
    ip -n "$b" link set "$ib" up
}

# make_link NS_A NS_B IF_A IF_B SUBNET(e.g. 10.201.1): two namespaces joined by a veth,
# .1 on A, .2 on B.
make_link() {
    add_netns "$1" "$2"
    add_veth "$@"
}

# vrrp_instance NAME IFACE VRID PRIORITY ADVERT_INT VIP [VERSION]: one instance block,
# VRRPv3 unless VERSION says otherwise; a VIP without a prefix length gets /24.
vrrp_instance() {
    local vip="$6"
    [[ "$vip" == */* ]] || vip="$vip/24"
    cat <<EOF
vrrp_instance $1 {
    state BACKUP
    interface $2
    virtual_router_id $3
    version ${7:-3}
    priority $4
    advert_int $5
    virtual_ipaddress {
        $vip
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

# all_in_state LOG STATE N: at least N instances named VI_<n> last entered STATE according to LOG.
all_in_state() {
    awk -v st="$2" -v want="$3" '
        match($0, /\(VI_[0-9]+\) Entering [A-Z]+ STATE/) {
            split(substr($0, RSTART, RLENGTH), w, " "); last[w[1]] = w[3]
        }
        END { n = 0; for (k in last) if (last[k] == st) n++; exit !(n >= want) }' "$1" 2>/dev/null
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

# The whole listing first: under pipefail, grep -q closing the pipe early can fail the writer
# with SIGPIPE and turn a match into a miss.
has_address() {
    local a
    a="$(ip -n "$1" -o addr show 2>/dev/null)" || return 1
    [[ "$a" == *" inet $2/"* ]]
}

loadavg() {
    cut -d' ' -f1-3 /proc/loadavg
}

# machine_context START_LOAD: the lines a report starts with: what was measured (the commit,
# marked when the tree has changes not committed; keepalived's version), the machine, its load
# average at the start and now, the JDK and the date.
machine_context() {
    local commit
    commit="$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo '?')"
    git -C "$REPO_DIR" diff --quiet HEAD -- 2>/dev/null || commit+=" (with uncommitted changes)"
    echo "keepalived4j $commit vs $(keepalived --version 2>&1 | head -1)"
    echo "$(nproc) CPUs, $(uname -r); load average at start $1, at end $(loadavg)"
    echo "$(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC')"
}
