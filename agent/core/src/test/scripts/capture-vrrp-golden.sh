#!/usr/bin/env bash
# Captures real VRRP advertisements sent by the installed keepalived (2.2.7) into hex files,
# the golden vectors of VrrpCodecGoldenTest.
#
# Usage (root): capture-vrrp-golden.sh [OUTPUT_DIR [SCENARIO...]]
#
# For every scenario it creates two network namespaces joined by a veth pair, runs keepalived
# with the scenario's config in the first one, records the link with tcpdump in the second one,
# stops keepalived with SIGTERM (which makes a master send a priority-0 advertisement), and
# writes two files: <scenario>.hex (the first advertisement sent as MASTER) and
# <scenario>-prio0.hex (the priority-0 advertisement). Each file holds the whole IP packet,
# IPv4 or IPv6 header included, as one line of lower-case hex. The scenarios are the
# <scenario>.conf files of the golden directory (the default OUTPUT_DIR).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
confs="$here/../resources/org/keepalived4j/vrrp/packet/golden"
out=$(realpath "${1:-$confs}")
work=$(mktemp -d /tmp/codec-capture.XXXXXX)
nsa=codecgoldena
nsb=codecgoldenb

cleanup() {
  [ -f "$work/tcpdump.pid" ] && kill "$(cat "$work/tcpdump.pid")" 2>/dev/null || true
  [ -f "$work/keepalived.pgid" ] && kill -TERM -- "-$(cat "$work/keepalived.pgid")" 2>/dev/null || true
  ip netns del "$nsa" 2>/dev/null || true
  ip netns del "$nsb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

setup_link() {
  ip netns add "$nsa"
  ip netns add "$nsb"
  ip link add cgx type veth peer name cgy
  ip link set cgx netns "$nsa"
  ip link set cgy netns "$nsb"
  ip -n "$nsa" addr add 10.98.51.1/24 dev cgx
  ip -n "$nsb" addr add 10.98.51.2/24 dev cgy
  ip -n "$nsa" link set lo up
  ip -n "$nsb" link set lo up
  ip -n "$nsa" link set cgx up
  ip -n "$nsb" link set cgy up
  # Let IPv6 duplicate address detection of the link-local addresses finish.
  for _ in $(seq 50); do
    if ! ip -n "$nsa" -6 addr show dev cgx tentative | grep -q inet6 &&
       ip -n "$nsa" -6 addr show dev cgx scope link | grep -q inet6; then
      break
    fi
    sleep 0.1
  done
}

# extract_adverts PCAP: prints "hex" per VRRP packet, in capture order, IP header included.
extract_adverts() {
  python3 - "$1" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
magic = struct.unpack('<I', data[:4])[0]
endian = '<' if magic in (0xa1b2c3d4, 0xa1b23c4d) else '>'
linktype = struct.unpack(endian + 'I', data[20:24])[0]
assert linktype == 1, 'expected an Ethernet capture, got link type %d' % linktype
pos = 24
while pos + 16 <= len(data):
    _, _, incl, _ = struct.unpack(endian + 'IIII', data[pos:pos + 16])
    frame = data[pos + 16:pos + 16 + incl]
    pos += 16 + incl
    ethertype = struct.unpack('>H', frame[12:14])[0]
    packet = frame[14:]
    if ethertype == 0x0800 and packet[9] in (112, 51):
        packet = packet[:struct.unpack('>H', packet[2:4])[0]]  # drop Ethernet padding
    elif ethertype == 0x86dd and packet[6] == 112:
        packet = packet[:40 + struct.unpack('>H', packet[4:6])[0]]
    else:
        continue
    print(packet.hex())
PY
}

# capture SCENARIO: runs keepalived with golden-configs/SCENARIO.conf and writes the hex files.
capture() {
  local name=$1
  echo "== $name"
  setup_link
  ip netns exec "$nsb" tcpdump -i cgy -U -n -w "$work/$name.pcap" 'ip proto 112 or ip proto 51 or ip6 proto 112' \
    >"$work/$name.tcpdump.log" 2>&1 &
  echo $! >"$work/tcpdump.pid"
  sleep 1
  setsid ip netns exec "$nsa" keepalived -n -l -D -P -f "$confs/$name.conf" \
    -p "$work/k.pid" -r "$work/kv.pid" -c "$work/kc.pid" >"$work/$name.keepalived.log" 2>&1 &
  local pgid=$!
  echo "$pgid" >"$work/keepalived.pgid"
  # keepalived starts in BACKUP and becomes MASTER after Master_Down_Interval.
  for _ in $(seq 100); do
    grep -q "Entering MASTER STATE" "$work/$name.keepalived.log" && break
    sleep 0.1
  done
  grep -q "Entering MASTER STATE" "$work/$name.keepalived.log" || {
    cat "$work/$name.keepalived.log" >&2; echo "keepalived did not become MASTER" >&2; exit 1; }
  sleep 2.5
  kill -TERM -- "-$pgid"
  for _ in $(seq 50); do kill -0 "$pgid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$work/keepalived.pgid"
  sleep 0.5
  kill "$(cat "$work/tcpdump.pid")"
  wait "$(cat "$work/tcpdump.pid")" 2>/dev/null || true
  rm -f "$work/tcpdump.pid"
  extract_adverts "$work/$name.pcap" >"$work/$name.all"
  # The first packet with a non-zero priority is the first advertisement as MASTER; the
  # last packet is the priority-0 advertisement sent on SIGTERM.
  python3 - "$work/$name.all" "$out/$name.hex" "$out/$name-prio0.hex" <<'PY'
import sys
packets = [bytes.fromhex(l) for l in open(sys.argv[1]).read().split()]
def vrrp(p):
    if p[0] >> 4 == 4:
        ihl = (p[0] & 15) * 4
        return p[ihl + 24:] if p[9] == 51 else p[ihl:]
    return p[40:]
first = next(p for p in packets if vrrp(p)[2] != 0)
last = packets[-1]
assert vrrp(last)[2] == 0, 'last packet is not a priority-0 advertisement'
open(sys.argv[2], 'w').write(first.hex() + '\n')
open(sys.argv[3], 'w').write(last.hex() + '\n')
print('  %d packets; master advert %d bytes, priority-0 advert %d bytes' % (len(packets), len(first), len(last)))
PY
  [ "$out" -ef "$confs" ] || cp "$confs/$name.conf" "$out/$name.conf"
  ip netns del "$nsa"
  ip netns del "$nsb"
}

mkdir -p "$out"
scenarios=("$@")
scenarios=("${scenarios[@]:1}")
if [ ${#scenarios[@]} -eq 0 ]; then
  scenarios=()
  for f in "$confs"/*.conf; do scenarios+=("$(basename "$f" .conf)"); done
fi
for s in "${scenarios[@]}"; do capture "$s"; done
