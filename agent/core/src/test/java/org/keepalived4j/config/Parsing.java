package org.keepalived4j.config;

import java.util.List;
import java.util.stream.Collectors;

/** Parses test configuration text with a fake machine. */
public final class Parsing {

    private Parsing() {
    }

    public static ConfigResult parse(String text, SystemProbe probe) {
        return new KeepalivedConfigParser(probe).parse(TextNodes.parse("test.conf", text), new Diagnostics());
    }

    public static ConfigResult parse(String text) {
        return parse(text, FakeSystemProbe.withInterfaces("eth0", "eth1", "eth2"));
    }

    /** Every diagnostic as {@code "LINE SEVERITY (subject) message"}, for readable assertions. */
    public static List<String> lines(ConfigResult r) {
        return r.diagnostics().stream().map(d -> (d.location() == null ? "-" : String.valueOf(d.location().line()))
                + " " + d.severity() + (d.subject() == null ? "" : " (" + d.subject() + ")") + " " + d.message())
                .collect(Collectors.toList());
    }
}
