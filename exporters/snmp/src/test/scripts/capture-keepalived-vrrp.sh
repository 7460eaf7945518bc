#!/bin/sh
# Captures what the real keepalived (Debian's 2.2.7) serves and sends for the VRRP side of SNMP,
# as the reference the exporter's sections and notification sources are compared with
# (KeepalivedWalkComparisonTest, KeepalivedTrapComparisonTest).
#
# Two network namespaces joined by a veth pair: node A runs keepalived with snmpd (AgentX master)
# and snmptrapd beside it, configured by keepalived-a.conf; node B, a higher-priority peer
# (keepalived-b.conf), is started once A is MASTER and preempts it. Captured into OUT:
#   walk-master.txt   snmpwalk of the three VRRP subtrees while A is MASTER
#   walk-backup.txt   the same once B has preempted A
#   traps.txt         every notification A sent: startup, MASTER, preempted to BACKUP, SIGTERM
#   interfaces.txt    A's interfaces: name, ifIndex, MAC (host-specific values the tests need)
# Interfaces get fixed MAC addresses, so link-local addresses are the same on every run.
#
# Usage (as root): capture-keepalived-vrrp.sh [OUT]   (OUT defaults to the test resources)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
RES="$HERE/../resources/org/keepalived4j/exporter/snmp/vrrp"
OUT=${1:-$RES}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
for p in keepalived snmpd snmptrapd snmpwalk; do
    command -v "$p" >/dev/null || { echo "$p is needed (Debian: keepalived snmpd snmptrapd snmp)" >&2; exit 2; }
done

TAG="ksv$$"
NSA="$TAG-a"
NSB="$TAG-b"
WORK=$(mktemp -d "/tmp/$TAG.XXXXXX")
PIDS=""

cleanup() {
    set +e
    for pid in $PIDS; do
        /bin/kill -TERM -- "-$pid" 2>/dev/null
    done
    sleep 1
    for pid in $PIDS; do
        /bin/kill -KILL -- "-$pid" 2>/dev/null
    done
    ip netns del "$NSA" 2>/dev/null
    ip netns del "$NSB" 2>/dev/null
    rm -rf "$WORK" /tmp/keepalived4j-snmp-lab-track-file
}
trap cleanup EXIT INT TERM

in_a() { ip netns exec "$NSA" "$@"; }
in_b() { ip netns exec "$NSB" "$@"; }

# Starts a command in namespace NS in its own process group (so that it and its children stop
# together); remembers the group id.
start() { # NS COMMAND...
    ns=$1; shift
    setsid ip netns exec "$ns" "$@" >>"$WORK/$ns.log" 2>&1 &
    PIDS="$PIDS $!"
    LAST=$!
}

wait_for() { # DESCRIPTION SECONDS COMMAND...
    what=$1; limit=$2; shift 2
    i=0
    while ! "$@" >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -le $((limit * 5)) ] || { echo "timed out waiting for $what" >&2; exit 1; }
        sleep 0.2
    done
}

has_address() { # NS DEV ADDRESS
    ip netns exec "$1" ip -o addr show dev "$2" | grep -q " $3/"
}

lacks_address() { ! has_address "$@"; }

# ---- network ----------------------------------------------------------------------------------
ip netns add "$NSA"
ip netns add "$NSB"
ip link add "${TAG}x" type veth peer name "${TAG}y"
ip link set "${TAG}x" netns "$NSA"
ip link set "${TAG}y" netns "$NSB"
in_a ip link set "${TAG}x" name eth0
in_b ip link set "${TAG}y" name eth0
in_a ip link add eth1 type veth peer name peth1
for ns in "$NSA" "$NSB"; do
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.eth0.accept_dad=0
    ip netns exec "$ns" ip link set lo up
done
in_a sysctl -qw net.ipv6.conf.eth1.accept_dad=0 net.ipv6.conf.peth1.accept_dad=0
in_a ip link set eth0 address 02:00:00:99:01:01
in_a ip link set eth1 address 02:00:00:99:02:01
in_a ip link set peth1 address 02:00:00:99:02:02
in_b ip link set eth0 address 02:00:00:99:01:02
in_a ip addr add 10.99.1.1/24 dev eth0
in_b ip addr add 10.99.1.2/24 dev eth0
in_a ip addr add 10.99.2.2/24 dev eth1
for dev in eth0 eth1 peth1; do in_a ip link set "$dev" up; done
in_b ip link set eth0 up

# ---- snmpd (AgentX master) and snmptrapd on node A ----------------------------------------------
cat > "$WORK/snmpd.conf" <<EOF
master agentx
agentXSocket $WORK/agentx.sock
agentaddress udp:127.0.0.1:1161
rocommunity public 127.0.0.1
trap2sink 127.0.0.1:1162 public
EOF
echo "disableAuthorization yes" > "$WORK/snmptrapd.conf"
# One line per notification: the trap OID first, then each varbind as OID|TYPE|VALUE.
start "$NSA" snmptrapd -f -n -On -Ox -Lf "$WORK/traps.log" -C -c "$WORK/snmptrapd.conf" \
    -F 'TRAP%V~%v\n' udp:127.0.0.1:1162
start "$NSA" snmpd -f -Lf /dev/null -C -c "$WORK/snmpd.conf"
wait_for "the AgentX socket" 20 test -S "$WORK/agentx.sock"

# ---- keepalived on node A ----------------------------------------------------------------------
# A fixed path, so that vrrpFilePath is the same on every run.
echo 0 > /tmp/keepalived4j-snmp-lab-track-file
sed "s|@DIR@|$WORK|g" "$RES/keepalived-a.conf" > "$WORK/a.conf"
cp "$RES/keepalived-b.conf" "$WORK/b.conf"
start "$NSA" keepalived -n -l -D -f "$WORK/a.conf" -p "$WORK/a.pid" -r "$WORK/a-vrrp.pid" -c "$WORK/a-check.pid"
KA=$LAST
wait_for "node A to become MASTER" 30 has_address "$NSA" eth0 10.99.1.100
wait_for "node A's IPv6 instance to become MASTER" 30 has_address "$NSA" eth0 fd00:99::1
wait_for "node A's instance outside the group to become MASTER" 30 has_address "$NSA" eth0 10.99.1.150
sleep 3

walk() {
    for root in .1.3.6.1.4.1.9586.100.5.2 .1.3.6.1.2.1.68 .1.3.6.1.2.1.207; do
        in_a snmpwalk -v2c -c public -On -Ox -Oe -OU 127.0.0.1:1161 "$root"
    done
}
walk > "$OUT/walk-master.txt"
[ -z "${KEEP_LOGS:-}" ] || in_a ip addr > "$OUT/addresses-master.log"

# ---- node B preempts ---------------------------------------------------------------------------
start "$NSB" keepalived -n -l -D -f "$WORK/b.conf" -p "$WORK/b.pid" -r "$WORK/b-vrrp.pid" -c "$WORK/b-check.pid"
wait_for "node B to preempt node A" 30 lacks_address "$NSA" eth0 10.99.1.100
wait_for "node B to preempt node A's IPv6 instance" 30 lacks_address "$NSA" eth0 fd00:99::1
wait_for "node B's VRRPv2 instance to become MASTER" 30 has_address "$NSB" eth0 10.99.1.100
wait_for "node B's VRRPv3 instance to become MASTER" 30 has_address "$NSB" eth0 fd00:99::1
sleep 2
walk > "$OUT/walk-backup.txt"

# ---- SIGTERM node A ----------------------------------------------------------------------------
in_a ip -o link show | awk '{ sub(":", "", $2); sub("@.*", "", $2); for (i = 1; i <= NF; i++) if ($i == "link/ether" || $i == "link/loopback") mac = $(i + 1); print $2, $1 + 0, mac }' \
    > "$OUT/interfaces.txt"
/bin/kill -TERM -- "-$KA"
wait_for "node A to stop" 30 sh -c "! kill -0 $KA"
sleep 2

[ -z "${KEEP_LOGS:-}" ] || cp "$WORK"/*.log "$OUT/"
# Keep the notifications the VRRP side sends (snmpd's own coldStart is not ours).
grep -E '~\.1\.3\.6\.1\.6\.3\.1\.1\.4\.1\.0 = OID: \.1\.3\.6\.1\.(4\.1\.9586\.100\.5\.2|2\.1\.68|2\.1\.207)\.' "$WORK/traps.log" \
    > "$OUT/traps.txt"
echo "captured into $OUT: $(wc -l < "$OUT/walk-master.txt") + $(wc -l < "$OUT/walk-backup.txt") walk lines, $(wc -l < "$OUT/traps.txt") notifications"
