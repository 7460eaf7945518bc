package org.keepalived4j.vrrp;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every tracked object of the engine, by kind and name; shared by the instances that track it. */
final class TrackedObjects {

    private final Map<String, TrackedObject> interfaces = new LinkedHashMap<>();
    private final Map<String, TrackedObject> scripts = new LinkedHashMap<>();
    private final Map<String, TrackedObject> files = new LinkedHashMap<>();
    private final Map<String, TrackedObject> processes = new LinkedHashMap<>();

    /** An interface: down until the link monitor says otherwise. */
    TrackedObject iface(String name) {
        return interfaces.computeIfAbsent(name, n -> new TrackedObject("interface", n, false));
    }

    /** A vrrp_script: pending until its first verdict, or down with init_fail. */
    TrackedObject script(String name, boolean initFail) {
        return scripts.computeIfAbsent(name, n -> {
            TrackedObject o = new TrackedObject("script", n, false);
            if (!initFail) {
                o.markPending();
            }
            return o;
        });
    }

    TrackedObject file(String name) {
        return files.computeIfAbsent(name, n -> new TrackedObject("file", n, true));
    }

    /** A vrrp_track_process: pending until the first scan. */
    TrackedObject process(String name) {
        return processes.computeIfAbsent(name, n -> {
            TrackedObject o = new TrackedObject("process", n, false);
            o.markPending();
            return o;
        });
    }

    TrackedObject existingInterface(String name) {
        return interfaces.get(name);
    }

    TrackedObject existingScript(String name) {
        return scripts.get(name);
    }

    TrackedObject existingFile(String name) {
        return files.get(name);
    }

    TrackedObject existingProcess(String name) {
        return processes.get(name);
    }
}
