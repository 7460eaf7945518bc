#!/bin/sh
# Captures what the real keepalived (Debian's 2.2.7) serves under KEEPALIVED-MIB's global
# subtree (.1.3.6.1.4.1.9586.100.5.1), as the reference GlobalSectionComparisonTest compares the
# global section with.
#
# For each keepalived-NAME.conf beside the golden files, keepalived runs in a network namespace
# of its own (snck-global, the name keepalived-mail.conf joins with net_namespace) next to snmpd
# as AgentX master, and `snmpwalk -On -Ox` of the subtree is written to walk-NAME.txt. The
# configurations hold VRRP instances only, so the VRRP process serves the global scalars; with a
# virtual_server and enable_snmp_checker the checker process would serve them instead, and on a
# kernel without IPVS that process exits at once, leaving the subtree empty.
#
# Usage (as root): capture-keepalived-global.sh [OUT]   (OUT defaults to the test resources)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
RES="$HERE/../resources/org/keepalived4j/exporter/snmp/global"
OUT=${1:-$RES}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
for p in keepalived snmpd snmpwalk; do
    command -v "$p" >/dev/null || { echo "$p is needed (Debian: keepalived snmpd snmp)" >&2; exit 2; }
done

NS=snck-global
if ip netns list | grep -qw "$NS"; then
    echo "namespace $NS exists: another capture is running, or delete it first" >&2
    exit 2
fi
WORK=$(mktemp -d /tmp/snck-global.XXXXXX)
PIDS=""

stop_all() {
    for pid in $PIDS; do
        /bin/kill -TERM -- "-$pid" 2>/dev/null || true
    done
    for pid in $PIDS; do
        i=0
        while /bin/kill -0 -- "-$pid" 2>/dev/null && [ $i -lt 50 ]; do
            sleep 0.2
            i=$((i + 1))
        done
        /bin/kill -KILL -- "-$pid" 2>/dev/null || true
    done
    PIDS=""
}

cleanup() {
    set +e
    stop_all
    ip netns del "$NS" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# Starts a command in the namespace in its own process group; remembers the group id.
start() { # LOG COMMAND...
    log=$1; shift
    setsid ip netns exec "$NS" "$@" >>"$log" 2>&1 &
    PIDS="$PIDS $!"
}

walk() {
    ip netns exec "$NS" snmpwalk -v2c -c public -On -Ox -t 2 -r 1 127.0.0.1:1161 .1.3.6.1.4.1.9586.100.5.1
}

serves_version() {
    walk 2>/dev/null | grep -q '^\.1\.3\.6\.1\.4\.1\.9586\.100\.5\.1\.1\.0 = '
}

ip netns add "$NS"
ip netns exec "$NS" ip link set lo up
ip netns exec "$NS" ip link add snck0 type veth peer name snck1
ip netns exec "$NS" ip addr add 10.99.50.2/24 dev snck0
ip netns exec "$NS" ip link set snck0 up
ip netns exec "$NS" ip link set snck1 up

cat >"$WORK/snmpd.conf" <<EOF
master agentx
agentXSocket $WORK/agentx.sock
agentaddress udp:127.0.0.1:1161
rocommunity public 127.0.0.1
EOF

for conf in "$RES"/keepalived-*.conf; do
    name=$(basename "$conf" .conf)
    name=${name#keepalived-}
    run="$WORK/$name"
    mkdir -p "$run"
    sed "s|@AGENTX@|$WORK/agentx.sock|" "$conf" >"$run/keepalived.conf"

    start "$run/snmpd.log" snmpd -f -Lf /dev/null -C -c "$WORK/snmpd.conf"
    i=0
    while [ ! -S "$WORK/agentx.sock" ]; do
        i=$((i + 1)); [ $i -le 100 ] || { echo "snmpd did not start" >&2; exit 1; }
        sleep 0.2
    done
    start "$run/keepalived.log" keepalived -n -l -D -f "$run/keepalived.conf" \
        -p "$run/k.pid" -r "$run/kv.pid" -c "$run/kc.pid"
    i=0
    while ! serves_version; do
        i=$((i + 1)); [ $i -le 60 ] || { echo "keepalived ($name) serves no global scalars" >&2; exit 1; }
        sleep 0.5
    done
    {
        echo "# keepalived $(keepalived -v 2>&1 | head -1 | cut -d' ' -f2), $(basename "$conf"): snmpwalk -On -Ox .1.3.6.1.4.1.9586.100.5.1"
        walk
    } >"$OUT/walk-$name.txt"
    echo "walk-$name.txt: $(grep -c '^\.' "$OUT/walk-$name.txt") objects"
    grep -i 'unknown keyword\|error' "$run/keepalived.log" >&2 || true
    stop_all
    rm -f "$WORK/agentx.sock"
done
