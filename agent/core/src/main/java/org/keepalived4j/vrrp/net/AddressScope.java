package org.keepalived4j.vrrp.net;

/**
 * An address scope ({@code ifa_scope}), by its keepalived / iproute2 name or number.
 *
 * @param value 0-255
 */
public record AddressScope(int value) {

    public static final AddressScope GLOBAL = new AddressScope(0);
    public static final AddressScope SITE = new AddressScope(200);
    public static final AddressScope LINK = new AddressScope(253);
    public static final AddressScope HOST = new AddressScope(254);
    public static final AddressScope NOWHERE = new AddressScope(255);

    public AddressScope {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("scope out of range 0-255: " + value);
        }
    }

    /** Parses {@code global}, {@code site}, {@code link}, {@code host}, {@code nowhere} or a number. */
    public static AddressScope parse(String text) {
        switch (text) {
            case "global":
                return GLOBAL;
            case "site":
                return SITE;
            case "link":
                return LINK;
            case "host":
                return HOST;
            case "nowhere":
                return NOWHERE;
            default:
                try {
                    return new AddressScope(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown scope " + text, e);
                }
        }
    }

    /** The name {@code ip addr} prints: {@code global}, {@code link}... or the number. */
    public String label() {
        switch (value) {
            case 0:
                return "global";
            case 200:
                return "site";
            case 253:
                return "link";
            case 254:
                return "host";
            case 255:
                return "nowhere";
            default:
                return Integer.toString(value);
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
