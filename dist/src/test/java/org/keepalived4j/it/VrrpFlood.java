package org.keepalived4j.it;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.keepalived4j.linux.InetRawSocket;
import org.keepalived4j.linux.SyscallException;
import org.keepalived4j.vrrp.packet.IpFamily;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpAuth;
import org.keepalived4j.vrrp.packet.VrrpChecksumMode;
import org.keepalived4j.vrrp.packet.VrrpCodec;
import org.keepalived4j.vrrp.packet.VrrpPacket;

/**
 * A misbehaving VRRP peer: sends, round-robin and at a given rate, VRRPv2 adverts to
 * 224.0.0.18 that are each wrong in exactly one way for the instance they name (so that each
 * lands in one keepalived counter), and valid adverts of a lower priority. Run in its own
 * namespace with {@code ip netns exec NS java -cp ... org.keepalived4j.it.VrrpFlood key=value...}
 * (keys: dev, source, vrid, other_vrid, vip, password, priority, count per class, rate per second);
 * prints {@code sent CLASS N} for each class, N counting only the sends the kernel accepted.
 */
public final class VrrpFlood {

    /** The classes, in sending order; {@link #CLASSES} names them for the counters that must see them. */
    static final List<String> CLASSES = List.of("valid", "ttl", "auth_invalid", "auth_mismatch", "password",
            "interval", "type", "address_count", "length", "version", "checksum", "vrid");

    private final VrrpCodec codec = new VrrpCodec();
    private final VrrpAddress source;
    private final VrrpAddress group = VrrpCodec.IPV4_MULTICAST_GROUP;
    private final Map<String, String> args;

    private VrrpFlood(Map<String, String> args) {
        this.args = args;
        this.source = VrrpAddress.parse(args.get("source"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            args.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        new VrrpFlood(args).run();
    }

    private void run() throws Exception {
        String dev = args.get("dev");
        int ifIndex = NetworkInterface.getByName(dev).getIndex();
        InetRawSocket good = socket(dev, ifIndex, 255);
        InetRawSocket badTtl = socket(dev, ifIndex, 64);
        Map<String, byte[]> packets = new LinkedHashMap<>();
        for (String c : CLASSES) {
            packets.put(c, packet(c));
        }
        int count = Integer.parseInt(args.get("count"));
        long gapNanos = 1_000_000_000L / Long.parseLong(args.get("rate"));
        Map<String, Integer> sent = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        InetAddress destination = group.toInetAddress();
        InetAddress from = source.toInetAddress();
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            for (String c : CLASSES) {
                byte[] bytes = packets.get(c);
                InetRawSocket s = c.equals("ttl") ? badTtl : good;
                boolean ok = false;
                for (int attempt = 0; attempt < 100 && !ok; attempt++) {
                    try {
                        s.send(bytes, 0, bytes.length, destination, 0, from, ifIndex);
                        ok = true;
                    } catch (SyscallException e) {
                        LockSupport.parkNanos(1_000_000); // send buffer full: wait for the device
                    }
                }
                (ok ? sent : failed).merge(c, 1, Integer::sum);
                next += gapNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
        for (String c : CLASSES) {
            System.out.println("sent " + c + " " + sent.getOrDefault(c, 0));
            if (failed.containsKey(c)) {
                System.out.println("failed " + c + " " + failed.get(c));
            }
        }
        good.close();
        badTtl.close();
    }

    private static InetRawSocket socket(String dev, int ifIndex, int ttl) throws SyscallException {
        InetRawSocket s = InetRawSocket.open(false, VrrpPacket.IP_PROTOCOL);
        s.bindToDevice(dev);
        s.setMulticastInterface(ifIndex);
        s.setMulticastHops(ttl);
        s.setMulticastLoop(false);
        s.setReceiveBufferSize(4096, false); // it hears every advert too; it never reads them
        return s;
    }

    /** The VRRP message of one class (the kernel adds the IPv4 header). */
    byte[] packet(String kind) {
        int vrid = Integer.parseInt(args.get("vrid"));
        int priority = Integer.parseInt(args.get("priority"));
        byte[] password = VrrpAuth.simplePassword(args.get("password"));
        List<VrrpAddress> vips = List.of(VrrpAddress.parse(args.get("vip")));
        List<VrrpAddress> two = new ArrayList<>(vips);
        two.add(VrrpAddress.parse("192.0.2.1"));
        VrrpPacket p = switch (kind) {
            case "valid", "ttl", "checksum", "length" -> VrrpPacket.advertisementV2(vrid, priority, 1, password, 1, vips);
            case "auth_invalid" -> VrrpPacket.advertisementV2(vrid, priority, 7, password, 1, vips);
            case "auth_mismatch" -> VrrpPacket.advertisementV2(vrid, priority, 0, new byte[8], 1, vips);
            case "password" -> VrrpPacket.advertisementV2(vrid, priority, 1, VrrpAuth.simplePassword("wrongpw"), 1,
                    vips);
            case "interval" -> VrrpPacket.advertisementV2(vrid, priority, 1, password, 3, vips);
            case "type" -> new VrrpPacket(2, 2, vrid, priority, 1, password, 1, IpFamily.IPV4, vips, 0);
            case "address_count" -> VrrpPacket.advertisementV2(vrid, priority, 1, password, 1, two);
            case "version" -> VrrpPacket.advertisementV3(IpFamily.IPV4, vrid, priority, 100, vips);
            case "vrid" -> VrrpPacket.advertisementV2(Integer.parseInt(args.get("other_vrid")), priority, 1, password,
                    1, vips);
            default -> throw new IllegalArgumentException(kind);
        };
        ByteBuffer out = ByteBuffer.allocate(p.messageLength());
        codec.encode(p, source, group, VrrpChecksumMode.STANDARD, out);
        byte[] bytes = out.array();
        if (kind.equals("checksum")) {
            bytes[7] ^= 0x5a;
        } else if (kind.equals("length")) {
            bytes[3] = 2; // says two addresses, carries one: the length no longer matches
            bytes[6] = 0;
            bytes[7] = 0;
            int sum = 0;
            for (int i = 0; i < bytes.length; i += 2) {
                sum += (bytes[i] & 0xff) << 8 | (bytes[i + 1] & 0xff);
            }
            sum = (sum & 0xffff) + (sum >>> 16);
            sum = ~((sum & 0xffff) + (sum >>> 16)) & 0xffff;
            bytes[6] = (byte) (sum >>> 8);
            bytes[7] = (byte) sum;
        }
        return bytes;
    }
}
