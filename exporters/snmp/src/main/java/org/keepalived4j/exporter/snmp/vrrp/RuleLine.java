package org.keepalived4j.exporter.snmp.vrrp;

import java.util.List;

/** A {@code virtual_rules} line read the way keepalived's rule parser reads it, for its SNMP table. */
final class RuleLine {

    /** FIB rule actions (FR_ACT_*). */
    static final int TO_TABLE = 1;
    static final int GOTO = 2;
    static final int NOP = 3;
    static final int BLACKHOLE = 6;
    static final int UNREACHABLE = 7;
    static final int PROHIBIT = 8;

    boolean ipv6;
    String from;
    String to;
    long table;
    int action;
    boolean invert;
    Long preference;
    int tos;
    Long fwmark;
    Long fwmask;
    long realms;
    String inInterface;
    String outInterface;
    long gotoTarget;
    Long suppressPrefixLength;
    String suppressGroup;
    long tunnelId;
    long[] uidRange;
    boolean l3mdev;

    static RuleLine parse(List<String> words) {
        RuleLine r = new RuleLine();
        for (int i = 0; i < words.size(); i++) {
            i = r.option(words, i, words.get(i));
        }
        r.ipv6 |= InetAddresses.isIpv6(r.from) || InetAddresses.isIpv6(r.to);
        r.from = r.anyAsPrefix(r.from);
        r.to = r.anyAsPrefix(r.to);
        return r;
    }

    /** Reads the option at {@code i}; returns the index of its last word. */
    private int option(List<String> words, int i, String w) {
        switch (w) {
            case "inet6" -> ipv6 = true;
            case "from" -> from = at(words, ++i);
            case "to" -> to = at(words, ++i);
            case "table", "lookup" -> {
                table = RouteTables.tableNumber(at(words, ++i));
                action = TO_TABLE;
            }
            case "not" -> invert = true;
            case "preference", "order", "priority" -> preference = Numbers.decodeLong(at(words, ++i), 0);
            case "tos", "dsfield" -> tos = Numbers.decode(at(words, ++i), 0);
            case "fwmark" -> fwmark(at(words, ++i));
            case "realms" -> realms = RouteLine.realms(at(words, ++i));
            case "suppress_prefixlength", "sup_pl" -> suppressPrefixLength = Numbers.decodeLong(at(words, ++i), 0);
            case "suppress_ifgroup", "sup_group" -> suppressGroup = at(words, ++i);
            case "dev", "iif" -> inInterface = at(words, ++i);
            case "oif" -> outInterface = at(words, ++i);
            case "tunnel-id" -> tunnelId = unsigned64(at(words, ++i));
            case "uidrange" -> uidRange = range(at(words, ++i));
            case "l3mdev" -> {
                l3mdev = true;
                action = TO_TABLE;
            }
            case "protocol", "ipproto", "sport", "dport", "track_group" -> i++;
            case "goto" -> {
                action = GOTO;
                gotoTarget = Numbers.decodeLong(at(words, ++i), 0);
            }
            case "nop" -> action = NOP;
            case "blackhole" -> action = BLACKHOLE;
            case "unreachable" -> action = UNREACHABLE;
            case "prohibit" -> action = PROHIBIT;
            default -> {
                // inet, type, no_track: nothing the table shows
            }
        }
        return i;
    }

    /** {@code all}, {@code any} and {@code default} are the whole address space of the rule's family. */
    private String anyAsPrefix(String address) {
        if ("all".equals(address) || "any".equals(address) || "default".equals(address)) {
            return ipv6 ? "::/0" : "0.0.0.0/0";
        }
        return address;
    }

    private void fwmark(String text) {
        int slash = text.indexOf('/');
        fwmark = Numbers.decodeLong(slash < 0 ? text : text.substring(0, slash), 0);
        if (slash >= 0) {
            fwmask = Numbers.decodeLong(text.substring(slash + 1), 0);
        }
    }

    private static long unsigned64(String text) {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long[] range(String text) {
        int dash = text.indexOf('-');
        return dash < 0 ? null : new long[] {Numbers.decodeLong(text.substring(0, dash), 0),
            Numbers.decodeLong(text.substring(dash + 1), 0)};
    }

    private static String at(List<String> words, int i) {
        return i < words.size() ? words.get(i) : "";
    }
}
