#!/usr/bin/env python3
"""Stability report for bench/stability.sh (standard library only).

For each mode directory WORK/<mode>/ it reads
  meta                          mode, master_impl, backup_impl, interval, instances, heap, jmx_load,
                                master_ip, backup_priority
  window.start, window.end      UTC times (ISO, ms) bounding the measured window
  stall.start, stall.end        (with --stall) when the master was stopped and continued
  master.log, backup.log        the daemons' logs, with <log>.start / <log>.end byte offsets of the window
  gc.log                        (if keepalived4j runs) its -Xlog:gc*,safepoint (decorations time,uptime,level,tags),
                                with gc.log.0... if the JVM rotated it
  tcpdump.txt                   the main instance's (VRID 1) adverts seen in the backup's namespace
  tcpdump-sent.txt              the same adverts seen leaving the master's end of the veth
  jmx-load.log, loadavg.txt     the load generator's summary, 1-min load average every 15 s
and prints the state transitions of both daemons in the window (target: zero), the
advertisement gaps, keepalived4j's GC pauses, safepoints and allocation pacing.
"""

import datetime
import glob
import math
import os
import re
import sys

ENTERING = re.compile(r"\((VI_\d+)\) Entering ([A-Z]+) STATE")
# keepalived4j: "2026-12-06T07:28:38.145 ..."; keepalived: "Sun Dec  6 07:35:32 2026: ..." (both UTC here)
K4J_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})")
KEEPALIVED_TIME = re.compile(r"^\w{3} (\w{3}) +(\d+) (\d\d:\d\d:\d\d) (\d{4}):")
RECOVERY_GRACE = datetime.timedelta(seconds=10)
DECOR = re.compile(r"^\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\+0000\]\[[\d.]+s\]\[\w+\s*\]\[([\w,]+)\s*\] (.*)$")
PAUSE = re.compile(r"^GC\((\d+)\) (Pause .*?) ([\d.]+)ms$")
CLEANUP = re.compile(r"^GC\((\d+)\) Concurrent cleanup (\d+)M->(\d+)M\(")
SAFEPOINT = re.compile(r'^Safepoint "([^"]+)",.*Reaching safepoint: (\d+) ns,.*Total: (\d+) ns')
PACING = re.compile(r"^\s*(\d+) of\s+(\d+) ms \(\s*[\d.]+%\): (.+)$")
ADVERT = re.compile(r"^(\d+\.\d+) IP (\S+) > \S+: VRRPv3, Advertisement, vrid 1, prio (\d+), intvl (\d+)cs")


def read(path, default=""):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return default


def meta_of(d):
    return dict(line.split("=", 1) for line in read(os.path.join(d, "meta")).split() if "=" in line)


def utc(text):
    return datetime.datetime.strptime(text.strip(), "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc)


def line_time(line):
    """When a log line was written (keepalived's lines to the second), or None."""
    m = K4J_TIME.match(line)
    if m:
        return utc(m.group(1))
    m = KEEPALIVED_TIME.match(line)
    if m:
        return datetime.datetime.strptime(" ".join(m.groups()), "%b %d %H:%M:%S %Y").replace(
            tzinfo=datetime.timezone.utc)
    return None


def percentile(values, p):
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)] if s else math.nan


def window_slice(d, name):
    """The part of a log written during the window, and all of it before."""
    with open(os.path.join(d, name), "rb") as f:
        data = f.read()
    start = int(read(os.path.join(d, name + ".start"), "0").strip() or 0)
    end = int(read(os.path.join(d, name + ".end"), str(len(data))).strip() or len(data))
    return data[:start].decode(errors="replace"), data[start:end].decode(errors="replace")


def transitions(d, name):
    before, during = window_slice(d, name)
    return len(ENTERING.findall(before)), [line for line in during.splitlines() if ENTERING.search(line)]


def realtime_kills(d, name):
    """keepalived's VRRP processes killed at vrrp_rlimit_rttime (its parent logs each and respawns
    it), before and in the window; keepalived4j's VRRP thread put back to normal scheduling."""
    before, during = window_slice(d, name)
    pattern = re.compile(r"exited due to signal 9 .*rlimit_rttime|VRRP thread used more than")
    return ([line for line in before.splitlines() if pattern.search(line)],
            [line for line in during.splitlines() if pattern.search(line)])


def gc_report(d, start, end):
    pauses, safepoints, cycles, reclaimed, pacing = [], [], set(), 0, {}
    degenerated = full = 0
    in_window = False
    # older runs let the JVM rotate the log at 20 MB (gc.log.0, ...): read the rotated parts first
    parts = sorted(glob.glob(os.path.join(d, "gc.log.*")), key=os.path.getmtime) + [os.path.join(d, "gc.log")]
    for line in "".join(read(part) for part in parts).splitlines():
        m = DECOR.match(line)
        if m:
            t = utc(m.group(1))
            in_window = start <= t <= end
            tags, text = m.group(2), m.group(3)
        else:
            continue
        if not in_window:
            continue
        if tags == "gc":
            p = PAUSE.match(text)
            if p:
                pauses.append((float(p.group(3)), p.group(2), m.group(1)))
                cycles.add(int(p.group(1)))
                degenerated += "Degenerated" in p.group(2)
                full += p.group(2).startswith("Pause Full")
            c = CLEANUP.match(text)
            if c:
                reclaimed += int(c.group(2)) - int(c.group(3))
        elif tags == "safepoint":
            s = SAFEPOINT.match(text)
            if s:
                safepoints.append((int(s.group(3)) / 1e6, int(s.group(2)) / 1e6, s.group(1), m.group(1)))
        elif tags == "gc,stats":
            p = PACING.match(text)
            if p and int(p.group(1)) > 0:
                who = p.group(3).strip()
                pacing[who] = pacing.get(who, 0) + int(p.group(1))
    return pauses, safepoints, cycles, reclaimed, pacing, degenerated, full


def advert_gaps(d, master_ip, start, end, capture="tcpdump.txt"):
    times = []
    for line in read(os.path.join(d, capture)).splitlines():
        m = ADVERT.match(line)
        if m and m.group(2) == master_ip:
            t = float(m.group(1))
            if start.timestamp() <= t <= end.timestamp():
                times.append(t)
    return times, [(b - a) * 1000 for a, b in zip(times, times[1:])]


def raw_drops(d, role):
    """Sum of the drops column of the protocol-112 raw sockets in /proc/net/raw, end minus start."""
    def total(path):
        text = read(path, None)
        if text is None:
            return None
        n = 0
        for line in text.splitlines()[1:]:
            fields = line.split()
            if len(fields) >= 13 and fields[1].endswith(":0070"):
                n += int(fields[-1])
        return n
    start, end = total(os.path.join(d, role, "raw.start")), total(os.path.join(d, role, "raw.end"))
    return None if start is None or end is None else end - start


def sent_during(sent, gap_end, gap_ms):
    """Whether a gap on the backup's end was the master's (it sent nothing for about as long) or
    the delivery's (it sent in time, the backup's end saw the adverts late), from the capture on
    the master's end. The advert that ends the gap leaves the master microseconds before it
    arrives, unless its delivery was late too."""
    if not sent:
        return ""
    lo = gap_end - gap_ms / 1000
    span = [t for t in sent if lo - 1 <= t <= gap_end]
    longest = max((b - a for a, b in zip(span, span[1:]) if b > lo), default=0) * 1000
    last = span[-1] if span else None
    if longest >= gap_ms - 1:
        return f"sent late (the master sent nothing for {longest:.1f} ms)"
    lag = f", the advert that ended it sent {(gap_end - last) * 1000:.1f} ms before it arrived" if last else ""
    return f"sent in time, delivered late (longest gap between sends {longest:.1f} ms{lag})"


def gap_causes(gap_end, gap_ms, pauses, safepoints, pacing_lines):
    """What the JVM logged while one advert gap was open (its GC log has millisecond times)."""
    lo, hi = gap_end - gap_ms / 1000 - 0.001, gap_end + 0.001
    inside = [p for p in pauses if lo <= utc(p[2]).timestamp() <= hi]
    found = [f"{name} {ms:.1f} ms" for ms, name, _ in inside if ms >= 1]
    small = sum(1 for p in inside if p[0] < 1)
    if small:
        found.append(f"{small} GC pause(s) under 1 ms")
    found += [f"safepoint {name} {ms:.1f} ms" for ms, _, name, at in safepoints
              if ms >= 1 and lo <= utc(at).timestamp() <= hi and not name.startswith("Shenandoah")]
    return ", ".join(found) or "nothing in the GC/safepoint log"


def mode_report(d):
    meta = meta_of(d)
    mode = meta["mode"]
    interval = float(meta["interval"])
    start, end = utc(read(os.path.join(d, "window.start"))), utc(read(os.path.join(d, "window.end")))
    seconds = (end - start).total_seconds()
    print(f"{mode}: MASTER {meta['master_impl']} (priority 200), BACKUP {meta['backup_impl']} (priority 100); "
          f"{meta['instances']} instance(s) per side at advert_int {meta['interval']} s; "
          f"window {seconds:.0f} s ({start:%H:%M:%S}-{end:%H:%M:%S} UTC)")
    ok = True
    election = read(os.path.join(d, "election.start"))
    if election:
        # what the master's adverts did while the backup started (before the window)
        _, early_gaps = advert_gaps(d, meta["master_ip"], utc(election), start)
        long_gaps = [g for g in early_gaps if g > 2 * interval * 1000]
        print(f"  before the window (backup start-up and settling): {len(early_gaps) + 1 if early_gaps else 0} "
              f"adverts of VI_1 from the master; {len(long_gaps)} gap(s) > 2 intervals"
              + (f", largest {max(long_gaps):.1f} ms" if long_gaps else ""))
    stall_start, stall_end = read(os.path.join(d, "stall.start")), read(os.path.join(d, "stall.end"))
    if stall_start and stall_end:
        stall_start, stall_end = utc(stall_start), utc(stall_end)
        print(f"  fault: the master's VRRP process stopped {stall_start:%H:%M:%S.%f}"[:-3]
              + f" to {stall_end:%H:%M:%S.%f}"[:-3] + f" ({(stall_end - stall_start).total_seconds() * 1000:.0f} ms)")
    else:
        stall_start = stall_end = None
    for role in ("master", "backup"):
        initial, during = transitions(d, role + ".log")
        print(f"  {role} ({meta[role + '_impl']}): {initial} transition(s) in the initial election, "
              f"{len(during)} in the window")
        if meta.get("rt_priority", "0") != "0":
            early, late = realtime_kills(d, role + ".log")
            what = ("VRRP process killed at vrrp_rlimit_rttime (and respawned)"
                    if meta[role + "_impl"] == "keepalived" else "VRRP thread past vrrp_rlimit_rttime")
            if early or late:
                print(f"      {what}: {len(early)} time(s) before the window, {len(late)} in it")
                for line in (early + late)[:3]:
                    print(f"      {line.strip()}")
        if stall_start is None:
            ok = ok and not during
            shown = during
        else:
            # keepalived's times are whole seconds: a line in the stall's first second counts as in it
            times = [line_time(line) for line in during]
            before, fault, after = [], [], []
            for line, t in zip(during, times):
                if t is not None and t < stall_start.replace(microsecond=0):
                    before.append(line)
                elif t is not None and t >= stall_end + RECOVERY_GRACE:
                    after.append(line)
                else:
                    fault.append(line)
            last = max((t for t in times if t is not None), default=None)
            ok = ok and not before and not after
            print(f"      {len(before)} before the stall, {len(fault)} from the stall to 10 s after it, "
                  f"{len(after)} later" + (f"; the last at {last:%H:%M:%S}, " + (
                      f"{(last - stall_end).total_seconds():.1f} s after the master resumed"
                      if last >= stall_end else "within a second of the master resuming (keepalived logs whole seconds)")
                      if fault or after else ""))
            shown = before + after
        for line in shown[:10]:
            print(f"      {line.strip()}")
        if len(shown) > 10:
            print(f"      ... {len(shown) - 10} more")
    if stall_start is None:
        print(f"  verdict: {'PASS' if ok else 'FAIL'} (zero transitions after the initial election)")
    else:
        print(f"  verdict: {'PASS' if ok else 'FAIL'} (zero transitions before the stall, and none from 10 s after "
              f"the master resumed to the end of the window)")

    for role in ("master", "backup"):
        drops = raw_drops(d, role)
        if drops is not None:
            print(f"  {role} ({meta[role + '_impl']}): {drops} VRRP packet(s) dropped by its raw socket(s) "
                  f"in the window (receive buffer full)")

    has_jvm = os.path.exists(os.path.join(d, "gc.log"))
    pauses, safepoints, cycles, reclaimed, pacing, degenerated, full = (
        gc_report(d, start, end) if has_jvm else ([], [], set(), 0, {}, 0, 0))
    cs = round(interval * 100)
    mdi_ms = (3 * cs * 10_000 + (256 - int(meta["backup_priority"])) * cs * 625 // 16) / 1000
    times, gaps = advert_gaps(d, meta["master_ip"], start, end)
    if gaps:
        print(f"  adverts of VI_1 from the master ({meta['master_impl']}) seen on the backup: {len(times)} "
              f"({len(times) / seconds:.1f}/s); gap ms: median {percentile(gaps, 50):.1f}, "
              f"p99 {percentile(gaps, 99):.1f}, p99.9 {percentile(gaps, 99.9):.1f}, max {max(gaps):.1f}; "
              f"gaps > 2 intervals: {sum(g > 2 * interval * 1000 for g in gaps)}, "
              f"> Master_Down_Interval ({mdi_ms:.3f} ms): {sum(g > mdi_ms for g in gaps)}")
        sent, _ = advert_gaps(d, meta["master_ip"], start, end, "tcpdump-sent.txt")
        # the five longest, and the first beyond Master_Down_Interval (what set off any takeover)
        worst = set(sorted(range(len(gaps)), key=lambda i: gaps[i], reverse=True)[:5])
        worst.update(i for i in [next((i for i, g in enumerate(gaps) if g > mdi_ms), None)] if i is not None)
        for i in sorted(worst):
            if gaps[i] > 2 * interval * 1000:
                at = datetime.datetime.fromtimestamp(times[i + 1], datetime.timezone.utc)
                causes = [sent_during(sent, times[i + 1], gaps[i])]
                # the master's own log says why it was silent; only keepalived4j has one here
                if has_jvm and meta["master_impl"] == "keepalived4j":
                    causes.append(gap_causes(times[i + 1], gaps[i], pauses, safepoints, pacing))
                causes = "; ".join(c for c in causes if c)
                print(f"      gap {gaps[i]:6.1f} ms ending {at:%H:%M:%S.%f}" + (f": {causes}" if causes else ""))
    else:
        print("  no adverts of VI_1 captured in the window")
        ok = False

    if has_jvm:
        if cycles:
            worst = max(pauses)
            values = [p[0] for p in pauses]
            print(f"  keepalived4j GC (Shenandoah, heap {meta['heap']}): {len(cycles)} cycles "
                  f"(one per {seconds / len(cycles):.1f} s), ~{reclaimed / seconds:.1f} MB/s reclaimed; "
                  f"{degenerated} degenerated, {full} full")
            print(f"    GC pauses: {len(pauses)}, median {percentile(values, 50):.3f} ms, "
                  f"p99 {percentile(values, 99):.3f} ms, max {worst[0]:.3f} ms ({worst[1]} at {worst[2]})")
        else:
            print(f"  keepalived4j GC (heap {meta['heap']}): no collection in the window")
        if safepoints:
            worst = max(safepoints)
            print(f"    safepoints: {len(safepoints)}, max total {worst[0]:.3f} ms ({worst[2]} at {worst[3]}), "
                  f"max time to reach one {max(s[1] for s in safepoints):.3f} ms")
        paced = ", ".join(f"{who} {ms} ms" for who, ms in sorted(pacing.items()) if not who.startswith("<average"))
        print(f"    allocation pacing (threads stalled by the collector): {paced or 'none'}")
    if meta.get("jmx_load") == "on":
        lines = [line.replace("jmx-load: ", "") for line in read(os.path.join(d, "jmx-load.log")).splitlines()
                 if line.startswith("jmx-load: ")]
        done = [line for line in lines if line.startswith("done")]
        print(f"  JMX scrape load: {done[-1].replace('done: ', '') if done else 'no summary (see jmx-load.log)'}")
        alloc = [line for line in lines if "allocated" in line or line.startswith("  vrrp#")]
        top = [line for line in lines if line.startswith("  ") and not line.startswith("  vrrp#")][:3]
        for line in alloc + top:
            print(f"    {line.strip()}")
    loads = [float(line.split()[0]) for line in read(os.path.join(d, "loadavg.txt")).splitlines() if line.strip()]
    if loads:
        print(f"  1-min load average during the window: min {min(loads):.2f}, "
              f"median {percentile(loads, 50):.2f}, max {max(loads):.2f}")
    print()
    return ok


def main(work, modes):
    results = [mode_report(os.path.join(work, m)) for m in modes if os.path.isdir(os.path.join(work, m))]
    print("OVERALL: " + ("PASS" if results and all(results) else "FAIL") + " (every mode's verdict above)")
    return 0 if results and all(results) else 2


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: stability_report.py WORK_DIR [MODE...]")
    sys.exit(main(sys.argv[1], sys.argv[2:] or ["k4j-master", "k4j-backup", "control"]))
