package org.keepalived4j.model;

import java.util.List;

/**
 * A {@code virtual_server_group} as configured.
 *
 * @param index its position among the groups, from 1 (KEEPALIVED-MIB's virtualServerGroupIndex)
 * @param name the group name
 * @param members its lines, in configuration order
 */
public record VirtualServerGroupSnapshot(int index, String name, List<Member> members) {

    public VirtualServerGroupSnapshot {
        members = List.copyOf(members);
    }

    /**
     * One line of the group: a firewall mark, an address, or an address range.
     *
     * @param index its position in the group, from 1
     * @param fwmark the mark of a {@code fwmark N} line, else 0
     * @param ipv6 whether the addresses are IPv6 (for a mark: its {@code inet6} family)
     * @param first the address, or the first of a range; {@code null} for a mark
     * @param last the last address of a range ({@code 10.0.0.1-10} ends at 10.0.0.10); {@code null} otherwise
     * @param port the port of an address line
     */
    public record Member(int index, long fwmark, boolean ipv6, String first, String last, int port) {

        /** {@code fwmark}, {@code range} or {@code address}: KEEPALIVED-MIB's virtualServerGroupMemberType. */
        public String type() {
            return first == null ? "fwmark" : last != null ? "range" : "address";
        }
    }
}
