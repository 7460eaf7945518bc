package org.keepalived4j.exporter.snmp.vrrp;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The interfaces of the network namespace the daemon runs in, as the kernel reported them at
 * most {@link #MAX_AGE} ago (an interface may come and go with {@code dynamic_interfaces}).
 *
 * <p>Each answer is kept that long because the JDK cannot look up one interface alone:
 * {@link NetworkInterface#getByName} lists every interface and every address of the namespace
 * in system calls, which takes milliseconds with a thousand VIPs on the interfaces. An RFC 2787
 * or RFC 6527 notification and a table row each need an instance's ifIndex, so a thousand
 * instances changing state together, or one walk of the tables, asked for the same few
 * interfaces thousands of times, and the SNMP thread spent seconds of CPU in the kernel.
 */
public final class SystemInterfaceDirectory implements InterfaceDirectory {

    /** How long the kernel's answer for a name (or that there is no such interface) is used. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private static final byte[] NONE = new byte[0];
    private static final Found ABSENT = new Found(0, NONE);

    /** What the kernel says about one interface: its ifIndex (0: none) and hardware address. */
    record Found(int index, byte[] hardwareAddress) {
    }

    private record Answer(Found found, long atNanos) {
    }

    private final Function<String, Found> kernel;
    private final LongSupplier nanoTime;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public SystemInterfaceDirectory() {
        this(SystemInterfaceDirectory::lookUp, System::nanoTime);
    }

    /** @param kernel looks one interface up, {@code null} when there is none */
    SystemInterfaceDirectory(Function<String, Found> kernel, LongSupplier nanoTime) {
        this.kernel = kernel;
        this.nanoTime = nanoTime;
    }

    @Override
    public int index(String name) {
        return found(name).index();
    }

    @Override
    public byte[] hardwareAddress(String name) {
        return found(name).hardwareAddress().clone();
    }

    private Found found(String name) {
        if (name == null) {
            return ABSENT;
        }
        long now = nanoTime.getAsLong();
        Answer a = answers.get(name);
        if (a == null || now - a.atNanos() >= MAX_AGE.toNanos()) {
            Found f = kernel.apply(name);
            a = new Answer(f == null ? ABSENT : f, now);
            answers.put(name, a);
        }
        return a.found();
    }

    private static Found lookUp(String name) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(name);
            if (ni == null) {
                return null;
            }
            byte[] mac = ni.getHardwareAddress();
            return new Found(Math.max(ni.getIndex(), 0), mac == null ? NONE : mac);
        } catch (SocketException e) {
            return null;
        }
    }
}
