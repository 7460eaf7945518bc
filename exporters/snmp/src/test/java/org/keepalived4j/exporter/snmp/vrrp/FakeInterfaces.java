package org.keepalived4j.exporter.snmp.vrrp;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Interfaces with fixed indexes and MAC addresses. */
public final class FakeInterfaces implements InterfaceDirectory {

    private final Map<String, Integer> indexes = new HashMap<>();
    private final Map<String, byte[]> macs = new HashMap<>();

    /** Adds an interface: {@code mac} as {@code 02:00:00:99:01:01}. */
    public FakeInterfaces with(String name, int index, String mac) {
        indexes.put(name, index);
        macs.put(name, HexFormat.ofDelimiter(":").parseHex(mac));
        return this;
    }

    /** The interfaces the capture script recorded: one {@code name ifIndex mac} line each. */
    static FakeInterfaces recorded(String text) {
        FakeInterfaces f = new FakeInterfaces();
        for (String line : text.split("\n")) {
            String[] w = line.strip().split("\\s+");
            if (w.length == 3) {
                f.with(w[0], Integer.parseInt(w[1]), w[2]);
            }
        }
        return f;
    }

    @Override
    public int index(String name) {
        return indexes.getOrDefault(name, 0);
    }

    @Override
    public byte[] hardwareAddress(String name) {
        return macs.getOrDefault(name, new byte[0]).clone();
    }
}
