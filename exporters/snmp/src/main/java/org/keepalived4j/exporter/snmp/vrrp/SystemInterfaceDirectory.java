package org.keepalived4j.exporter.snmp.vrrp;

import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * The interfaces of the network namespace the daemon runs in, as the kernel reports them at the
 * moment of asking (an interface may come and go with {@code dynamic_interfaces}).
 */
public final class SystemInterfaceDirectory implements InterfaceDirectory {

    private static final byte[] NONE = new byte[0];

    @Override
    public int index(String name) {
        NetworkInterface ni = lookUp(name);
        return ni == null ? 0 : Math.max(ni.getIndex(), 0);
    }

    @Override
    public byte[] hardwareAddress(String name) {
        NetworkInterface ni = lookUp(name);
        try {
            byte[] mac = ni == null ? null : ni.getHardwareAddress();
            return mac == null ? NONE : mac;
        } catch (SocketException e) {
            return NONE;
        }
    }

    private static NetworkInterface lookUp(String name) {
        if (name == null) {
            return null;
        }
        try {
            return NetworkInterface.getByName(name);
        } catch (SocketException e) {
            return null;
        }
    }
}
