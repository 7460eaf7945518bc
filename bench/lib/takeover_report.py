#!/usr/bin/env python3
"""Takeover-latency report for bench/takeover.sh (standard library only).

Reads the run directories WORK/i<interval>/<implementation>/run<NN>/, each holding
  meta          key=value lines: interval, impl, master_ip, vip, backup_priority
  kill_us       wall-clock microseconds at which the master's process group got SIGKILL
  tcpdump.txt   `tcpdump -n -tt -l -U 'ip proto 112'` in the backup's namespace
  monitor.txt   `TZ=UTC ip -ts monitor address` in the backup's namespace
and prints, per advert_int, the distributions of
  overhead = VIP added - master's last advertisement - Master_Down_Interval
  raw      = VIP added - SIGKILL
for each implementation side by side, with the verdict against the target (keepalived4j's
median and max no worse than keepalived's).
"""

import datetime
import math
import os
import re
import sys

ADVERT = re.compile(r"^(\d+\.\d+) IP (\S+) > \S+: VRRPv3, Advertisement, vrid (\d+), prio (\d+), intvl (\d+)cs")
ADDED = re.compile(r"^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})\] \d+: \S+\s+inet (\S+)/")


def master_down_interval_us(advert_cs, priority, down_adverts=3):
    """RFC 5798 6.1 with keepalived 2.2.7's arithmetic: skew truncated to a microsecond."""
    skew = (256 - priority) * advert_cs * 625 // 16
    return down_adverts * advert_cs * 10_000 + skew


def read_meta(path):
    meta = {}
    with open(path) as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            meta[key] = value
    return meta


def vip_additions_us(monitor_path, vip):
    """Every time the VIP was added, in microseconds since the epoch."""
    out = []
    with open(monitor_path) as f:
        for line in f:
            m = ADDED.match(line)
            if m and m.group(2) == vip:
                t = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f")
                out.append(round(t.replace(tzinfo=datetime.timezone.utc).timestamp() * 1_000_000))
    return out


def analyse_run(run_dir):
    meta = read_meta(os.path.join(run_dir, "meta"))
    with open(os.path.join(run_dir, "kill_us")) as f:
        kill_us = int(f.read().strip())
    additions = vip_additions_us(os.path.join(run_dir, "monitor.txt"), meta["vip"])
    # The takeover measured is the first one after the kill. One before it means the backup
    # took over while the master was alive (a gap in the master's adverts); the script made
    # sure it was back in BACKUP at the kill, so the measurement stands, but it is counted.
    after = [t for t in additions if t > kill_us]
    if not after:
        raise SystemExit(f"{run_dir}: the VIP never appeared in monitor.txt after the kill")
    vip_us = after[0]
    last_us, advert_cs, released = None, None, False
    with open(os.path.join(run_dir, "tcpdump.txt")) as f:
        for line in f:
            m = ADVERT.match(line)
            if not m or m.group(2) != meta["master_ip"]:
                continue
            t_us = round(float(m.group(1)) * 1_000_000)
            if t_us > vip_us:
                continue
            if int(m.group(4)) == 0:
                released = True
            last_us, advert_cs = t_us, int(m.group(5))
    if last_us is None:
        raise SystemExit(f"{run_dir}: no advertisement from the master before the takeover")
    if released:
        raise SystemExit(f"{run_dir}: the master sent priority 0: it was stopped, not crashed")
    mdi = master_down_interval_us(advert_cs, int(meta["backup_priority"]))
    return {
        "run": os.path.basename(run_dir),
        "overhead_ms": (vip_us - last_us - mdi) / 1000,
        "raw_ms": (vip_us - kill_us) / 1000,
        "last_before_kill_ms": (kill_us - last_us) / 1000,
        "mdi_ms": mdi / 1000,
        "load": meta.get("loadavg", "?"),
        "early": len(additions) - len(after),
    }


PAUSE = re.compile(r"\[gc\s*\] GC\(\d+\) Pause .*?([\d.]+)ms$")
SAFEPOINT = re.compile(r'\[safepoint\s*\] Safepoint "[^"]+",.*Total: (\d+) ns')


def jvm_pauses(gc_log):
    """(GC pauses, max GC pause ms, safepoints, max safepoint ms) over a keepalived4j backup's life."""
    pauses, safepoints = [], []
    try:
        with open(gc_log) as f:
            for line in f:
                m = PAUSE.search(line)
                if m:
                    pauses.append(float(m.group(1)))
                m = SAFEPOINT.search(line)
                if m:
                    safepoints.append(int(m.group(1)) / 1e6)
    except FileNotFoundError:
        return None
    return len(pauses), max(pauses, default=0.0), len(safepoints), max(safepoints, default=0.0)


def median(values):
    s = sorted(values)
    n = len(s)
    return (s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2) if n else math.nan


def percentile(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)] if s else math.nan


def summary(values):
    return [min(values), median(values), percentile(values, 90), max(values)]


def interval_key(name):
    return float(name[1:])


def main(work, impls):
    verdicts = []
    intervals = sorted((d for d in os.listdir(work) if d.startswith("i")), key=interval_key, reverse=True)
    for interval_dir in intervals:
        interval = interval_dir[1:]
        results = {}
        for impl in impls:
            base = os.path.join(work, interval_dir, impl)
            runs = sorted(d for d in os.listdir(base) if d.startswith("run")) if os.path.isdir(base) else []
            runs = [r for r in runs if os.path.exists(os.path.join(base, r, "kill_us"))]
            results[impl] = [analyse_run(os.path.join(base, r)) for r in runs]
        some = next((r for r in results.values() if r), None)
        if some is None:
            continue
        counts = ", ".join(f"{impl} {len(results[impl])}" for impl in impls)
        print(f"advert_int {interval} s, VRRPv3, backup priority 100: "
              f"Master_Down_Interval {some[0]['mdi_ms']:.3f} ms; runs: {counts}")
        print(f"  {'ms':34}" + "".join(f"{impl:>14}" for impl in impls))
        for label, key in (("overhead = VIP - last advert - MDI", "overhead_ms"),
                           ("raw = VIP - SIGKILL", "raw_ms")):
            print(f"  {label}")
            stats = {impl: summary([r[key] for r in results[impl]]) if results[impl] else [math.nan] * 4
                     for impl in impls}
            for i, name in enumerate(("min", "median", "p90", "max")):
                print(f"    {name:32}" + "".join(f"{stats[impl][i]:14.3f}" for impl in impls))
        if len(impls) == 2 and all(results[impl] for impl in impls):
            ours, ref = (summary([r["overhead_ms"] for r in results[impl]]) for impl in impls)
            med_ok, max_ok = ours[1] <= ref[1], ours[3] <= ref[3]
            verdicts.append(med_ok and max_ok)
            print(f"  verdict: median {ours[1]:.3f} vs {ref[1]:.3f} {'PASS' if med_ok else 'FAIL'}, "
                  f"max {ours[3]:.3f} vs {ref[3]:.3f} {'PASS' if max_ok else 'FAIL'}")
        for impl in impls:
            values = " ".join(f"{r['overhead_ms']:.1f}" for r in results[impl])
            print(f"  {impl} overhead per run (ms, in order): {values}")
        early = {impl: sum(r["early"] for r in results[impl]) for impl in impls}
        if any(early.values()):
            print("  takeovers while the master was still alive, during the captures before the kills "
                  "(a gap in the master's adverts; not counted above): "
                  + ", ".join(f"{impl} {early[impl]}" for impl in impls))
        if "keepalived4j" in impls:
            jvm = jvm_pauses(os.path.join(work, interval_dir, "keepalived4j", "gc.log"))
            if jvm:
                print(f"  keepalived4j backup JVM over all runs: {jvm[0]} GC pauses (max {jvm[1]:.3f} ms), "
                      f"{jvm[2]} safepoints (max {jvm[3]:.3f} ms)")
        loads = [float(r["load"].split()[0]) for impl in impls for r in results[impl] if r["load"] != "?"]
        if loads:
            print(f"  1-min load average at the kills: min {min(loads):.2f}, median {median(loads):.2f}, "
                  f"max {max(loads):.2f}")
        print()
    if verdicts:
        print("OVERALL: " + ("PASS" if all(verdicts) else "FAIL")
              + " (keepalived4j's median and max overhead no worse than keepalived's at every interval)")
    return 0 if verdicts and all(verdicts) else 2


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: takeover_report.py WORK_DIR [IMPL...]")
    sys.exit(main(sys.argv[1], sys.argv[2:] or ["keepalived4j", "keepalived"]))
