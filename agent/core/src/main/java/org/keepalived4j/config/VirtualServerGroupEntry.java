package org.keepalived4j.config;

import java.net.InetAddress;

/**
 * One line of a {@code virtual_server_group}: an address range with a port, or a firewall mark.
 *
 * @param first the first address (or {@code null} for a fwmark entry)
 * @param last the last address, equal to {@code first} for a single address
 * @param port the port (0: none, only for persistent services)
 * @param fwmark the firewall mark (fwmark entries)
 * @param fwmarkFamily 4 or 6 when given after the mark ({@code inet} / {@code inet6}), else 0
 */
public record VirtualServerGroupEntry(InetAddress first, InetAddress last, int port, long fwmark, int fwmarkFamily) {

    public boolean isFwmark() {
        return first == null;
    }
}
