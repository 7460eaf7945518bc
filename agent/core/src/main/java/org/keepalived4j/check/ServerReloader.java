package org.keepalived4j.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.keepalived4j.config.CheckerConfig;
import org.keepalived4j.config.RealServerConfig;
import org.keepalived4j.config.VirtualServerConfig;

/**
 * keepalived's reload (clear_diff_services and migrate_checkers): virtual servers are matched
 * by service, real servers by address and port, checkers by type and equal configuration.
 */
final class ServerReloader {

    private final LvsService service;

    ServerReloader(LvsService service) {
        this.service = service;
    }

    List<VirtualServerState> reload(List<VirtualServerState> old, List<VirtualServerConfig> configs) {
        Set<VirtualServerState> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        List<VirtualServerState> next = new ArrayList<>();
        List<VirtualServerState> fresh = new ArrayList<>();
        List<RealServerState> toStart = new ArrayList<>();
        for (VirtualServerConfig config : configs) {
            VirtualServerState match = old.stream().filter(v -> !kept.contains(v) && v.config.sameService(config))
                    .findFirst().orElse(null);
            if (match == null) {
                VirtualServerState vs = service.create(config);
                fresh.add(vs);
                next.add(vs);
            } else {
                kept.add(match);
                next.add(match);
                toStart.addAll(update(match, config));
            }
        }
        for (VirtualServerState vs : old) {
            if (!kept.contains(vs)) {
                service.stopServer(vs, false, true);
            }
        }
        fresh.forEach(vs -> vs.init(false));
        fresh.forEach(service::startCheckers);
        toStart.forEach(rs -> rs.checkers.forEach(CheckerTask::start));
        return List.copyOf(next);
    }

    /** Diffs one virtual server; returns the real servers whose checkers must start. */
    private List<RealServerState> update(VirtualServerState vs, VirtualServerConfig config) {
        if (!Objects.equals(vs.config.sorryServer(), config.sorryServer())) {
            vs.dropSorry();
        }
        List<RealServerState> next = new ArrayList<>();
        List<RealServerState> started = new ArrayList<>();
        Set<RealServerState> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RealServerConfig rc : config.realServers()) {
            RealServerState old = vs.servers.stream().filter(r -> !matched.contains(r) && r.config.sameServer(rc))
                    .findFirst().orElse(null);
            if (old != null && old.config.equals(rc)) {
                matched.add(old);
                next.add(old);
            } else if (old != null) {
                matched.add(old);
                RealServerState rs = migrate(vs, old, rc);
                next.add(rs);
                started.add(rs);
            } else {
                RealServerState rs = service.createServer(vs, rc, null);
                next.add(rs);
                started.add(rs);
            }
        }
        for (RealServerState rs : vs.servers) {
            if (!matched.contains(rs)) {
                service.stopCheckers(rs);
                vs.removeServer(rs, false, true);
                vs.forget(rs);
            }
        }
        synchronized (vs) {
            vs.config = config;
            vs.servers = List.copyOf(next);
        }
        vs.init(true);
        return started;
    }

    /** A changed real server: its pool state carries over, equal checkers keep their verdicts. */
    private RealServerState migrate(VirtualServerState vs, RealServerState old, RealServerConfig rc) {
        service.stopCheckers(old);
        RealServerState rs = service.createServer(vs, rc, old.loop());
        rs.inheritCounters(old);
        List<CheckerTask> unused = new ArrayList<>(old.checkers);
        synchronized (vs) {
            rs.alive = old.alive;
            int failed = 0;
            boolean anyRun = false;
            for (CheckerTask task : rs.checkers) {
                CheckerTask prev = find(unused, task.config);
                if (prev != null) {
                    unused.remove(prev);
                    task.up = prev.up;
                    task.hasRun = prev.hasRun;
                    if (prev.retryIt > 0 && task.options != null && task.options.retry() > 0) {
                        task.retryIt = Math.min(prev.retryIt, task.options.retry() - 1);
                    }
                    vs.migrateWeight(old, prev, rs, task);
                } else if (!(task instanceof FileCheckTask)) {
                    task.up = true;
                }
                failed += task.hasRun && !task.up ? 1 : 0;
                anyRun |= task.hasRun;
            }
            if (failed > 0 || !rs.alive && !anyRun) {
                for (CheckerTask task : rs.checkers) {
                    if (!task.hasRun && task.options != null) {
                        if (task.options.alpha()) {
                            task.up = false;
                            failed++;
                        }
                        task.retryIt = task.options.retry();
                    }
                }
            }
            rs.failedCheckers = failed;
            vs.forget(old);
        }
        vs.reloadedServer(rs);
        return rs;
    }

    private static CheckerTask find(List<CheckerTask> tasks, CheckerConfig config) {
        for (CheckerTask t : tasks) {
            if (t.config.equals(config)) {
                return t;
            }
        }
        return null;
    }
}
