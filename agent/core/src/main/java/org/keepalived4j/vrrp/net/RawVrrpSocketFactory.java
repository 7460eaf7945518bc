package org.keepalived4j.vrrp.net;

import java.io.IOException;

/** Opens {@link RawVrrpSocket}s; the engine takes one so that tests can hand it fakes. */
@FunctionalInterface
public interface RawVrrpSocketFactory {

    /** Opens a socket configured by {@code options}. */
    RawVrrpSocket open(VrrpSocketOptions options) throws IOException;

    /** The factory for real sockets. */
    static RawVrrpSocketFactory system() {
        return NativeRawVrrpSocket::open;
    }
}
