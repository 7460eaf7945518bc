#!/usr/bin/env python3
"""keepalived4j demo: the receiving end of two of the daemons' channels, printed as they arrive.

  alerts  an HTTP server taking the alerts of the daemons' web hook sink (channels.conf:
          keepalived4j_alerts { webhook { url ... } }, JSON as conf/alert-webhook.schema.json
          describes it). It answers 204, keeps every body in --hook-log and prints one line per
          alert: keepalived's subject, the states and the reason.
  traps   follows the log of snmptrapd (started with conf/demo/snmptrapd.conf) and prints one line
          per notification with its KEEPALIVED-MIB objects decoded.

Each line is "ELAPSED  CHANNEL NODE  TEXT", ELAPSED being seconds since --t0 (bash's
$EPOCHREALTIME when the demo started), written to standard output and appended to --events,
where bin/demo waits for them (after SIGUSR1, nothing more is printed). Started by bin/demo in the demo's LAN namespace; Python 3's
standard library only.
"""
import argparse
import http.server
import json
import os
import re
import signal
import sys
import threading
import time

KEEPALIVED_MIB = ".1.3.6.1.4.1.9586.100.5"
ROUTER_ID = KEEPALIVED_MIB + ".1.2.0"
SNMP_TRAP_OID = ".1.3.6.1.6.3.1.1.4.1.0"
NOTIFICATIONS = {
    KEEPALIVED_MIB + ".2.10.0.1": "vrrpSyncGroupStateChange",
    KEEPALIVED_MIB + ".2.10.0.2": "vrrpInstanceStateChange",
    KEEPALIVED_MIB + ".3.5.0.1": "realServerStateChange",
    KEEPALIVED_MIB + ".3.5.0.2": "virtualServerQuorumStateChange",
}
VRRP_STATES = {0: "INIT", 1: "BACKUP", 2: "MASTER", 3: "FAULT", 5: "STOP", 6: "DELETED"}
QUORUM = {1: "quorum met", 2: "quorum lost", 3: "shut down"}
VARBIND = re.compile(r"(\.[0-9.]+) = (?:([A-Za-z0-9-]+): )?(.*)", re.S)


class Output:
    """One line per event, to standard output and the events file, each in a single write."""

    def __init__(self, t0, events):
        self.t0 = t0
        self.events = os.open(events, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.lock = threading.Lock()
        self.quiet = False

    def emit(self, channel, node, text):
        line = f"{time.time() - self.t0:8.3f}  {channel:<7} {node}  {text}\n".encode()
        with self.lock:
            if self.quiet:
                return
            os.write(1, line)
            os.write(self.events, line)


def node_of(router_id):
    """The demo's router ids are demo-a and demo-b: "node a", "node b"."""
    m = re.fullmatch(r"demo-(\w+)", router_id or "")
    return f"node {m.group(1)}" if m else (router_id or "?")


def serve_alerts(out, listen, hook_log, ready):
    host, port = listen.rsplit(":", 1)
    seen = set()
    record = open(hook_log, "a", buffering=1)

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
            key = self.headers.get("Idempotency-Key", "")
            record.write(body.replace("\n", " ") + "\n")
            self.send_response(204)
            self.end_headers()
            try:
                alert = json.loads(body)
            except ValueError:
                out.emit("alert", "?", "unreadable body: " + body[:200])
                return
            labels = alert.get("labels") or {}
            states = f"{alert.get('from')} -> {alert.get('to')}"
            if labels.get("reason"):
                states += ", " + labels["reason"]
            again = "; again, same Idempotency-Key" if key and key in seen else ""
            seen.add(key)
            out.emit("alert", node_of(alert.get("router_id")), f"{alert.get('subject')} ({states}{again})")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((host, int(port)), Hook)
    with open(ready, "w") as f:
        f.write("listening\n")
    server.serve_forever()


def decode(type_, value):
    value = value.strip()
    if type_ == "Hex-STRING":
        return bytes.fromhex(value)
    if type_ in ("INTEGER", "Gauge32", "Counter32", "Unsigned32"):
        m = re.search(r"-?\d+", value)
        return int(m.group()) if m else value
    return value


def text(raw):
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def address(raw):
    if isinstance(raw, bytes) and len(raw) == 4:
        return ".".join(str(b) for b in raw)
    return text(raw)


def describe(varbinds):
    """A notification's name and the objects that say what happened."""
    oid = text(varbinds.get(SNMP_TRAP_OID, ""))
    name = NOTIFICATIONS.get(oid, oid)
    v = lambda column: varbinds.get(KEEPALIVED_MIB + column)
    if name == "vrrpInstanceStateChange":
        return f"{name} {text(v('.2.3.1.2'))} {VRRP_STATES.get(v('.2.3.1.4'), v('.2.3.1.4'))}"
    if name == "vrrpSyncGroupStateChange":
        return f"{name} {text(v('.2.1.1.2'))} {VRRP_STATES.get(v('.2.1.1.3'), v('.2.1.1.3'))}"
    vs = f"{address(v('.3.3.1.6'))}:{v('.3.3.1.7')}"
    up = f"{v('.3.3.1.21')} of {v('.3.3.1.20')} real servers up"
    if name == "realServerStateChange":
        alive = {1: "alive", 2: "dead"}.get(v(".3.4.1.6"), v(".3.4.1.6"))
        return f"{name} {address(v('.3.4.1.4'))}:{v('.3.4.1.5')} {alive} (virtual server {vs}: {up})"
    if name == "virtualServerQuorumStateChange":
        return f"{name} {vs} {QUORUM.get(v('.3.3.1.23'), v('.3.3.1.23'))} ({up})"
    return name


def follow_traps(out, path):
    """snmptrapd's log: "TRAP <source> <varbind>~<varbind>...~END" per notification."""
    f = None
    pending = ""
    while True:
        if f is None:
            try:
                f = open(path, encoding="utf-8", errors="replace")
            except FileNotFoundError:
                time.sleep(0.05)
                continue
        chunk = f.read()
        if not chunk:
            time.sleep(0.02)
            continue
        pending += chunk
        while "~END" in pending:
            record, pending = pending.split("~END", 1)
            start = record.find("TRAP ")
            if start < 0:
                continue
            source, _, rest = record[start + 5:].partition(" .")
            varbinds = {}
            for part in ("." + rest).split("~"):
                m = VARBIND.match(part.strip())
                if m:
                    varbinds[m.group(1)] = decode(m.group(2) or "", m.group(3))
            sender = re.search(r"\[([0-9.]+)\]", source)
            router = varbinds.get(ROUTER_ID)
            node = node_of(text(router)) if router is not None else (sender.group(1) if sender else "?")
            out.emit("snmp", node, describe(varbinds))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--t0", type=float, required=True)
    p.add_argument("--events", required=True)
    p.add_argument("--hook", required=True, help="HOST:PORT to take alerts on")
    p.add_argument("--hook-log", required=True)
    p.add_argument("--ready", required=True, help="file written once the alert receiver listens")
    p.add_argument("--traps", help="snmptrapd's log file, to follow")
    args = p.parse_args()
    out = Output(args.t0, args.events)
    # SIGUSR1: the demo is ending; keep answering the daemons, print nothing more
    signal.signal(signal.SIGUSR1, lambda *_: setattr(out, "quiet", True))
    if args.traps:
        threading.Thread(target=follow_traps, args=(out, args.traps), daemon=True).start()
    try:
        serve_alerts(out, args.hook, args.hook_log, args.ready)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
