#!/usr/bin/env python3
"""Report for bench/snmp-traps.sh (standard library only).

For each phase directory WORK/p<N>-<off|on>/ it reads
  meta                          phase, snmp (on|off), interval (the probe's advert_int), instances,
                                flip, peer, stress, probe_ip
  window.start, window.end      UTC times (ISO, ms) bounding the measured window
  probe.txt, probe-sent.txt     tcpdump -tt of the probe link in the peer's namespace, and on the
                                subject's end of it (the time each advert was sent)
  subject.log, peer.log         the daemons' logs, traps.log snmptrapd's (one line per trap);
                                each with <log>.start / <log>.end byte offsets of the window
  informs.txt                   tcpdump -tt of UDP to port 1163 on the subject's loopback
  flips.txt                     "<epoch seconds> high|low" per SIGHUP of the peer
  metrics.start, metrics.end    the subject's Prometheus exposition at each end of the window
  threads.start, threads.end    /proc/<pid>/task/*/stat of the subject's JVM; clk_tck
  netsnmp.start, netsnmp.end    /proc/net/snmp in the subject's namespace (snmptrapd's UDP drops)
  cpu.start, cpu.end            "<name> <its /proc/<pid>/stat>" for subject, peer, snmptrapd, then /proc/stat's cpu line
  gc.log                        the subject's -Xlog:gc*,safepoint (time,uptime,level,tags)
  loadavg.txt                   the 1-minute load average every 15 s
and prints, per phase and then per kind (SNMP off / on, phases pooled), the probe's advert
gaps as deviations from advert_int, missed adverts (gaps over two intervals), transitions,
notifications received and sent, what the daemon logged of lost and dropped ones, GC and the
CPU time of its threads, with the verdict: with SNMP on, no advert missed and the probe's p99
and maximum deviation within the band the SNMP-off phases span.
"""

import datetime
import math
import os
import re
import sys

from stability_report import advert_gaps, gap_causes, gc_report, percentile, read, sent_during, utc, window_slice

ENTERING = re.compile(r"^(\S+) .*\((VI_\d+|PROBE)\) Entering ([A-Z]+) STATE")
K4J_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})")
TRAP_OID = re.compile(r"\.1\.3\.6\.1\.6\.3\.1\.1\.4\.1\.0 = OID: (\S+)")
PACKET = re.compile(r"^(\d+\.\d+) IP ")
MORE = re.compile(r"\((\d+) more like this since the last such line\)")
METRIC = re.compile(r'^keepalived_vrrp_transitions_total\{([^}]*)\} ([\d.e+]+)$')
NOTIFICATIONS = {
    ".1.3.6.1.4.1.9586.100.5.2.10.0.1": "vrrpSyncGroupStateChange (KEEPALIVED-MIB)",
    ".1.3.6.1.4.1.9586.100.5.2.10.0.2": "vrrpInstanceStateChange (KEEPALIVED-MIB)",
    ".1.3.6.1.2.1.68.0.1": "vrrpTrapNewMaster (RFC 2787)",
    ".1.3.6.1.2.1.207.0.1": "vrrpv3NewMaster (RFC 6527)",
}
# What the daemon logs when a notification does not reach its receiver (exporters/snmp).
LOSSES = {
    "inform lost": re.compile(r"SNMP inform .* lost: no acknowledgement"),
    "dropped, queue full": re.compile(r"SNMP notification to .* dropped: \d+ undelivered"),
    "not sent": re.compile(r"SNMP notification .* not sent:"),
    "undelivered at close": re.compile(r"SNMP sink .* closed with \d+ notifications undelivered"),
    "events missed": re.compile(r"SNMP: \d+ event\(s\) came too fast|event subscriber .* fell behind"),
}



def what(meta):
    """What the on phases turn on: SNMP notifications, or the alert sinks (--notify alerts)."""
    return "alert sinks" if meta.get("notify") == "alerts" else "SNMP"

def meta_of(d):
    return dict(line.split("=", 1) for line in read(os.path.join(d, "meta")).split() if "=" in line)


def in_window(d, name):
    return window_slice(d, name)[1] if os.path.exists(os.path.join(d, name)) else ""


def transitions(d):
    """Subject's state changes in the window: {state: count} of VI_<n>, the probe's, their times."""
    counts, probe, times = {}, [], []
    for line in in_window(d, "subject.log").splitlines():
        m = ENTERING.match(line)
        if not m:
            continue
        if m.group(2) == "PROBE":
            probe.append(line.strip())
        else:
            counts[m.group(3)] = counts.get(m.group(3), 0) + 1
            t = K4J_TIME.match(m.group(1))
            if t:
                times.append(utc(t.group(1)).timestamp())
    return counts, probe, times


def metric_transitions(d):
    """keepalived_vrrp_transitions_total of every flapping instance, end minus start (None if unscraped)."""
    def total(name):
        text = read(os.path.join(d, name), None)
        if not text:
            return None
        n = 0.0
        for line in text.splitlines():
            m = METRIC.match(line)
            if m and 'iname="PROBE"' not in m.group(1):
                n += float(m.group(2))
        return n
    a, b = total("metrics.start"), total("metrics.end")
    return None if a is None or b is None else int(b - a)


def traps(d):
    by_oid = {}
    for line in in_window(d, "traps.log").splitlines():
        m = TRAP_OID.search(line)
        if m:
            by_oid[m.group(1)] = by_oid.get(m.group(1), 0) + 1
    return by_oid


def udp_errors(d):
    """snmptrapd's side: UDP datagrams dropped in the subject's namespace (receive buffers full), end minus start."""
    def counters(name):
        lines = [line.split() for line in read(os.path.join(d, name)).splitlines() if line.startswith("Udp:")]
        return dict(zip(lines[0][1:], map(int, lines[1][1:]))) if len(lines) >= 2 else None
    a, b = counters("netsnmp.start"), counters("netsnmp.end")
    return None if a is None or b is None else b.get("RcvbufErrors", 0) - a.get("RcvbufErrors", 0)


def packets(d, name, start, end):
    n = 0
    for line in read(os.path.join(d, name)).splitlines():
        m = PACKET.match(line)
        if m and start.timestamp() <= float(m.group(1)) <= end.timestamp():
            n += 1
    return n


def losses(d):
    """{kind: (lines, events counted in them)}: a line stands for itself plus the "N more like this"."""
    out = {}
    for line in in_window(d, "subject.log").splitlines():
        for kind, pattern in LOSSES.items():
            if pattern.search(line):
                more = MORE.search(line)
                lines, events = out.get(kind, (0, 0))
                out[kind] = (lines + 1, events + 1 + (int(more.group(1)) if more else 0))
    return out


ALERT_SINK = re.compile(r'^keepalived4j_alert_sink_(queued|failed_total|sent_total|dropped_total)\{sink="([^"]*)"\} ([\d.e+]+)$')


def alert_sinks(d):
    """keepalived4j_alert_sink_* per sink at the end of the window (empty when no sink)."""
    out = {}
    for line in read(os.path.join(d, "metrics.end")).splitlines():
        m = ALERT_SINK.match(line)
        if m:
            out.setdefault(m.group(2), {})[m.group(1)] = float(m.group(3))
    return out


def flips(d, start, end):
    n = 0
    for line in read(os.path.join(d, "flips.txt")).splitlines():
        parts = line.split()
        if len(parts) == 2 and start.timestamp() <= float(parts[0]) <= end.timestamp():
            n += 1
    return n


THREAD_GROUPS = [
    ("vrrp", re.compile(r"^vrrp$")),
    ("events-* (event log readers)", re.compile(r"^events-")),
    ("keepalived4j-snmp* (sinks)", re.compile(r"^keepalived4j-sn")),
    ("alerts-* (alert sinks)", re.compile(r"^alerts-")),
    ("GC", re.compile(r"^(Shenandoah|GC |G1 |VM Thread)")),
    ("JIT", re.compile(r"^C[12] Compiler")),
]


def thread_cpu(d):
    """CPU seconds per thread group in the window, from /proc/<pid>/task/*/stat (utime+stime)."""
    def parse(name):
        out = {}
        for line in read(os.path.join(d, name)).splitlines():
            left, right = line.find("("), line.rfind(")")
            if left < 0 or right < 0:
                continue
            fields = line[right + 2:].split()
            out[line[:left].strip()] = (line[left + 1:right], int(fields[11]) + int(fields[12]))
        return out
    a, b = parse("threads.start"), parse("threads.end")
    if not b:
        return None
    tck = float(read(os.path.join(d, "clk_tck"), "100").strip() or 100)
    groups = {}
    for tid, (name, ticks) in b.items():
        delta = (ticks - a.get(tid, (name, 0))[1]) / tck
        label = next((g for g, p in THREAD_GROUPS if p.search(name)), "other")
        groups[label] = groups.get(label, 0.0) + delta
        groups["all"] = groups.get("all", 0.0) + delta
    return groups


def process_cpu(d):
    """({name: CPU seconds in the window}, machine busy seconds, machine total seconds) from cpu.start/cpu.end."""
    def parse(name):
        procs, machine = {}, None
        for line in read(os.path.join(d, name)).splitlines():
            if line.startswith("cpu "):
                ticks = [int(x) for x in line.split()[1:]]
                machine = (sum(ticks) - ticks[3] - ticks[4], sum(ticks))   # all but idle and iowait
            elif ")" in line:
                fields = line[line.rfind(")") + 2:].split()
                procs[line.split()[0]] = int(fields[11]) + int(fields[12])
        return procs, machine
    (a, ma), (b, mb) = parse("cpu.start"), parse("cpu.end")
    if not b or ma is None or mb is None:
        return None
    tck = float(read(os.path.join(d, "clk_tck"), "100").strip() or 100)
    procs = {n: (b[n] - a.get(n, 0)) / tck for n in b}
    return procs, (mb[0] - ma[0]) / tck, (mb[1] - ma[1]) / tck


def dev_stats(gaps, interval_ms):
    dev = [g - interval_ms for g in gaps]
    return {
        "n": len(dev),
        "median": percentile(dev, 50),
        "p99": percentile(dev, 99),
        "p99.9": percentile(dev, 99.9),
        "max": max(dev) if dev else math.nan,
        "missed": sum(g > 2 * interval_ms for g in gaps),
    }


def fmt(x, digits=2):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    text = f"{x:.{digits}f}"
    return text[1:] if text.startswith("-") and text.lstrip("-0.") == "" else text   # no "-0.00"


def phase_report(d):
    meta = meta_of(d)
    start, end = utc(read(os.path.join(d, "window.start"))), utc(read(os.path.join(d, "window.end")))
    seconds = (end - start).total_seconds()
    interval_ms = float(meta["interval"]) * 1000
    times, gaps = advert_gaps(d, meta["probe_ip"], start, end, "probe.txt")
    sent, sent_gaps = advert_gaps(d, meta["probe_ip"], start, end, "probe-sent.txt")
    stats, sent_stats = dev_stats(gaps, interval_ms), dev_stats(sent_gaps, interval_ms)
    counts, probe_changes, change_times = transitions(d)
    by_oid = traps(d)
    lost = losses(d)
    informs = packets(d, "informs.txt", start, end)
    pauses, safepoints, cycles, _, pacing, degenerated, full = gc_report(d, start, end)
    cpu = thread_cpu(d)
    loads = [float(line.split()[0]) for line in read(os.path.join(d, "loadavg.txt")).splitlines() if line.strip()]
    print(f"phase {meta['phase']}, {what(meta)} {meta['snmp']}: window {seconds:.0f} s "
          f"({start:%H:%M:%S}-{end:%H:%M:%S} UTC), {flips(d, start, end)} flips of the peer"
          + (f", stress-ng --cpu {meta['stress']}" if meta.get("stress", "0") != "0" else ""))
    print(f"  probe adverts (advert_int {meta['interval']} s) seen in B: {len(times)} "
          f"({len(times) / seconds:.2f}/s); deviation of each gap from advert_int, ms: "
          f"median {fmt(stats['median'])}, p99 {fmt(stats['p99'])}, p99.9 {fmt(stats['p99.9'])}, "
          f"max {fmt(stats['max'])}; gaps > 2 intervals: {stats['missed']}")
    print(f"    the same as sent (A's end): {len(sent)} adverts; deviation median {fmt(sent_stats['median'])}, "
          f"p99 {fmt(sent_stats['p99'])}, p99.9 {fmt(sent_stats['p99.9'])}, max {fmt(sent_stats['max'])}; "
          f"gaps > 2 intervals: {sent_stats['missed']}")
    busy = [sum(1 for t in change_times if at - g / 1000 - 0.001 <= t <= at + 0.001) for at, g in zip(times[1:], gaps)]
    stats["missed_busy"] = sum(1 for g, b in zip(gaps, busy) if g > 2 * interval_ms and b)
    print(f"    gaps > 2 intervals with state changes of the flapping instances logged in them: "
          f"{stats['missed_busy']} of {stats['missed']}")
    worst = sorted(range(len(gaps)), key=lambda i: gaps[i], reverse=True)[:5]
    for i in sorted(worst):
        at = times[i + 1]
        print(f"      gap {gaps[i]:6.1f} ms ending {datetime.datetime.fromtimestamp(at, datetime.timezone.utc):%H:%M:%S.%f}"[:-3]
              + ": " + "; ".join(c for c in (sent_during(sent, at, gaps[i]), f"{busy[i]} state change(s) logged in it",
                                             gap_causes(at, gaps[i], pauses, safepoints, pacing)) if c))
    total = sum(counts.values())
    scraped = metric_transitions(d)
    print(f"  subject's state changes of the flapping instances: {total} ({total / seconds:.1f}/s; "
          + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
          + (f"; Prometheus keepalived_vrrp_transitions_total +{scraped}" if scraped is not None else "")
          + f"); the probe's: {len(probe_changes)}")
    for line in probe_changes[:3]:
        print(f"      {line}")
    received = sum(by_oid.values())
    udp_drops = udp_errors(d)
    print(f"  traps received by snmptrapd: {received}"
          + (" (" + ", ".join(f"{n} {NOTIFICATIONS.get(o, o)}" for o, n in sorted(by_oid.items())) + ")"
             if by_oid else "")
          + (f"; UDP datagrams dropped by full receive buffers in A: {udp_drops}" if udp_drops is not None else ""))
    print(f"  inform packets to the dead receiver (127.0.0.1:1163, tries included): {informs}")
    sinks = alert_sinks(d)
    if sinks:
        print("  alert sinks at the end of the window: " + "; ".join(
            f"{s}: {int(v.get('queued', 0))} queued, {int(v.get('failed_total', 0))} failed attempts, "
            f"{int(v.get('sent_total', 0))} sent, {int(v.get('dropped_total', 0))} dropped" for s, v in sorted(sinks.items())))
    if lost:
        print("  logged by the daemon: " + "; ".join(
            f"{kind}: {n_lines} line(s) standing for {events}" for kind, (n_lines, events) in sorted(lost.items())))
    else:
        print("  logged by the daemon: no lost or dropped notification")
    if pauses:
        values = [p[0] for p in pauses]
        print(f"  GC: {len(cycles)} cycles, {len(pauses)} pauses (median {percentile(values, 50):.3f} ms, "
              f"max {max(values):.3f} ms), {degenerated} degenerated, {full} full; "
              f"safepoints {len(safepoints)}, max {max((s[0] for s in safepoints), default=0):.3f} ms; "
              f"allocation pacing: " + (", ".join(f"{w} {ms} ms" for w, ms in sorted(pacing.items())
                                                 if not w.startswith("<average")) or "none"))
    else:
        print(f"  GC: no pause in the window; safepoints {len(safepoints)}, "
              f"max {max((s[0] for s in safepoints), default=0):.3f} ms")
    if cpu:
        shown = [g for g, _ in THREAD_GROUPS] + ["other", "all"]
        print("  subject's CPU in the window, % of one core: " + ", ".join(
            f"{g} {100 * cpu[g] / seconds:.1f}" for g in shown if g in cpu))
    procs = process_cpu(d)
    if procs:
        print("  CPU in the window, % of one core: " + ", ".join(
            f"{n} {100 * t / seconds:.1f}" for n, t in procs[0].items())
            + f"; the machine busy {100 * procs[1] / procs[2]:.0f} % of its {os.cpu_count()} CPUs")
    if loads:
        print(f"  1-min load average: min {min(loads):.2f}, median {percentile(loads, 50):.2f}, max {max(loads):.2f}")
    print()
    return {"snmp": meta["snmp"], "what": what(meta), "gaps": gaps, "sent_gaps": sent_gaps, "interval_ms": interval_ms, "stats": stats,
            "udp_drops": udp_drops or 0, "procs": procs[0] if procs else {},
            "transitions": total, "seconds": seconds, "traps": received, "informs": informs,
            "lost": lost, "loads": loads}


def cpu_share(pooled, name):
    return "n/a" if pooled["cpu"] is None else f"{100 * pooled['cpu'][name] / pooled['seconds']:.1f}"


def kind_summary(results):
    kinds = [k for k in ("off", "on") if any(r["snmp"] == k for r in results)]
    pooled = {}
    for k in kinds:
        rs = [r for r in results if r["snmp"] == k]
        pooled[k] = {
            "phases": rs,
            "stats": dev_stats([g for r in rs for g in r["gaps"]], rs[0]["interval_ms"]),
            "sent": dev_stats([g for r in rs for g in r["sent_gaps"]], rs[0]["interval_ms"]),
            "missed_busy": sum(r["stats"]["missed_busy"] for r in rs),
            "udp_drops": sum(r["udp_drops"] for r in rs),
            "seconds": sum(r["seconds"] for r in rs),
            "transitions": sum(r["transitions"] for r in rs),
            "traps": sum(r["traps"] for r in rs),
            "informs": sum(r["informs"] for r in rs),
            "dropped": sum(r["lost"].get("dropped, queue full", (0, 0))[1] for r in rs),
            "inform lost": sum(r["lost"].get("inform lost", (0, 0))[1] for r in rs),
            "loads": [x for r in rs for x in r["loads"]],
            "cpu": ({n: sum(r["procs"].get(n, 0) for r in rs) for n in ("subject", "peer", "snmptrapd")}
                    if all(r["procs"] for r in rs) else None),
        }
    print("phases pooled by kind (deviation of the probe's advert gaps from advert_int, ms)")
    name = results[0]["what"] if results else "SNMP"
    width = max(14, len(name) + 6)
    print(f"  {'':38}" + "".join(f"{name + ' ' + k:>{width}}" for k in kinds))
    rows = [
        ("phases", lambda p: str(len(p["phases"]))),
        ("measured seconds", lambda p: f"{p['seconds']:.0f}"),
        ("probe gaps", lambda p: str(p["stats"]["n"])),
        ("deviation median", lambda p: fmt(p["stats"]["median"])),
        ("deviation p99", lambda p: fmt(p["stats"]["p99"])),
        ("deviation p99.9", lambda p: fmt(p["stats"]["p99.9"])),
        ("deviation max", lambda p: fmt(p["stats"]["max"])),
        ("gaps > 2 intervals (missed adverts)", lambda p: str(p["stats"]["missed"])),
        ("  of which with state changes in them", lambda p: str(p["missed_busy"])),
        ("as sent (A): deviation p99", lambda p: fmt(p["sent"]["p99"])),
        ("as sent (A): deviation max", lambda p: fmt(p["sent"]["max"])),
        ("as sent (A): gaps > 2 intervals", lambda p: str(p["sent"]["missed"])),
        ("p99 per phase", lambda p: " ".join(fmt(r["stats"]["p99"], 1) for r in p["phases"])),
        ("max per phase", lambda p: " ".join(fmt(r["stats"]["max"], 1) for r in p["phases"])),
        ("state changes (flapping instances)", lambda p: str(p["transitions"])),
        ("state changes per second", lambda p: f"{p['transitions'] / p['seconds']:.1f}"),
        ("traps received (snmptrapd)", lambda p: str(p["traps"])),
        ("traps dropped at snmptrapd's socket", lambda p: str(p["udp_drops"])),
        ("inform packets to 1163", lambda p: str(p["informs"])),
        ("informs logged lost", lambda p: str(p["inform lost"])),
        ("notifications logged dropped", lambda p: str(p["dropped"])),
        ("CPU % of one core: subject", lambda p: cpu_share(p, "subject")),
        ("CPU % of one core: peer", lambda p: cpu_share(p, "peer")),
        ("CPU % of one core: snmptrapd", lambda p: cpu_share(p, "snmptrapd")),
        ("1-min load average, median", lambda p: fmt(percentile(p["loads"], 50)) if p["loads"] else "n/a"),
    ]
    for label, value in rows:
        print(f"  {label:38}" + "".join(f"{value(pooled[k]):>{width}}" for k in kinds))
    if len(kinds) < 2:
        print("verdict: needs an off and an on phase")
        return 2
    off, on = pooled["off"], pooled["on"]
    band_p99 = max(r["stats"]["p99"] for r in off["phases"])
    band_max = max(r["stats"]["max"] for r in off["phases"])
    ok_missed = on["stats"]["missed"] == 0
    ok_p99 = on["stats"]["p99"] <= band_p99
    ok_max = on["stats"]["max"] <= band_max
    print(f"verdict: {name} on missed {on['stats']['missed']} advert(s) {'PASS' if ok_missed else 'FAIL'}; "
          f"p99 {fmt(on['stats']['p99'])} vs the {name}-off phases' highest {fmt(band_p99)} "
          f"{'PASS' if ok_p99 else 'FAIL'}; max {fmt(on['stats']['max'])} vs {fmt(band_max)} "
          f"{'PASS' if ok_max else 'FAIL'}")
    if off["stats"]["missed"]:
        print(f"  (the {name}-off phases missed {off['stats']['missed']} advert(s) too)")
    return 0 if ok_missed and ok_p99 and ok_max else 2


def main(work, phases):
    results = [phase_report(os.path.join(work, p)) for p in phases if os.path.isdir(os.path.join(work, p))]
    if not results:
        raise SystemExit(f"no phase directory in {work}")
    return kind_summary(results)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit("usage: snmp_traps_report.py WORK_DIR PHASE_DIR...")
    sys.exit(main(sys.argv[1], sys.argv[2:]))
