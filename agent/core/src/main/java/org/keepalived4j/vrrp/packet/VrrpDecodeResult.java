package org.keepalived4j.vrrp.packet;

/**
 * The outcome of decoding received bytes: the packet and its IP metadata, or why the bytes are
 * not a well-formed VRRP packet.
 *
 * <p>Several failures can hold at once (say a TTL of 64 and a bad checksum): {@link #error()} is
 * the first of them in keepalived's check order, {@link #has(VrrpDecodeError)} tells about each.
 * The VRID is known as soon as the fixed VRRP header was received, so the caller can find the
 * instance whose counter {@link VrrpDecodeError#counter()} names, as keepalived does.
 */
public final class VrrpDecodeResult {

    static final int CHECKSUM_STANDARD = 1;
    static final int CHECKSUM_OLD_UNICAST = 1 << 1;
    static final int CHECKSUM_MESSAGE_ONLY = 1 << 2;
    static final int CHECKSUM_ANY = CHECKSUM_STANDARD | CHECKSUM_OLD_UNICAST | CHECKSUM_MESSAGE_ONLY;

    private static final VrrpDecodeError[] ERRORS = VrrpDecodeError.values();

    private final int faults;
    private final int vrid;
    private final VrrpPacket packet;
    private final IpMetadata ip;
    private final int checksumForms;

    VrrpDecodeResult(int faults, int vrid, VrrpPacket packet, IpMetadata ip, int checksumForms) {
        this.faults = faults;
        this.vrid = vrid;
        this.packet = packet;
        this.ip = ip;
        this.checksumForms = checksumForms;
    }

    static VrrpDecodeResult failed(VrrpDecodeError error, int vrid, IpMetadata ip) {
        return new VrrpDecodeResult(error.bit(), vrid, null, ip, 0);
    }

    /** Whether the bytes are a well-formed VRRP packet with no failure at all. */
    public boolean valid() {
        return faults == 0;
    }

    /** The first failure in keepalived's check order, or {@code null} if {@link #valid()}. */
    public VrrpDecodeError error() {
        return faults == 0 ? null : ERRORS[Integer.numberOfTrailingZeros(faults)];
    }

    /** Whether this failure was found. */
    public boolean has(VrrpDecodeError error) {
        return (faults & error.bit()) != 0;
    }

    /** The Virtual Rtr ID, or -1 if too few bytes were received to read it. */
    public int vrid() {
        return vrid;
    }

    /**
     * The decoded message: present when valid, and also when every failure found is one after
     * which decoding goes on ({@link VrrpDecodeError#packetDecoded()}); otherwise {@code null}.
     */
    public VrrpPacket packet() {
        return packet;
    }

    /** The IP metadata, or {@code null} if not even the IPv4 header could be read. */
    public IpMetadata ip() {
        return ip;
    }

    /**
     * Whether the checksum verifies in the form {@code mode} describes, for an instance to apply
     * its own checksum setting. Always true for IPv6 decoded without verification (the kernel did
     * it); false when no checksum could be checked.
     */
    public boolean checksumMatches(VrrpChecksumMode mode) {
        int form = switch (mode) {
            case STANDARD, KERNEL -> CHECKSUM_STANDARD;
            case OLD_UNICAST_CHECKSUM -> CHECKSUM_OLD_UNICAST;
            case V3_CHECKSUM_AS_V2 -> CHECKSUM_MESSAGE_ONLY;
        };
        return (checksumForms & form) != 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("VrrpDecodeResult[");
        if (valid()) {
            text.append("valid");
        } else {
            String separator = "";
            for (VrrpDecodeError error : ERRORS) {
                if (has(error)) {
                    text.append(separator).append(error);
                    separator = "+";
                }
            }
        }
        return text.append(", vrid=").append(vrid).append(", ").append(packet).append(", ").append(ip)
                .append(']').toString();
    }
}
