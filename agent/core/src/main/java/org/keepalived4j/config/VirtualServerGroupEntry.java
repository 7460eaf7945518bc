package org.keepalived4j.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

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

    /** Every address of the range, in order, at most {@code limit} of them (none for a fwmark entry). */
    public List<InetAddress> addresses(int limit) {
        List<InetAddress> out = new ArrayList<>();
        if (isFwmark()) {
            return out;
        }
        BigInteger end = new BigInteger(1, last.getAddress());
        for (BigInteger a = new BigInteger(1, first.getAddress()); a.compareTo(end) <= 0 && out.size() < limit;
                a = a.add(BigInteger.ONE)) {
            out.add(address(a, first.getAddress().length));
        }
        return out;
    }

    /** The address with this numeric value and byte length (4 or 16). */
    public static InetAddress address(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
