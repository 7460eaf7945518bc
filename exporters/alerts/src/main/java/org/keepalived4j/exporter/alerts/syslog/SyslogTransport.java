package org.keepalived4j.exporter.alerts.syslog;

import java.io.IOException;

/** How messages reach a {@link SyslogTarget}; one message at a time, from the sink's thread. */
interface SyslogTransport extends AutoCloseable {

    /**
     * The longest message sent whole: datagrams on UDP are kept within the 2048 octets RFC 5426
     * says every receiver should take (and below the size at which IPv4 fragments matter most);
     * local and stream receivers take more (rsyslog's and syslog-ng's default limit is 8192).
     */
    int maxBytes();

    /** Sends one message: returns once it is sent (datagram) or written and flushed (stream), else throws. */
    void send(byte[] message) throws IOException;

    @Override
    void close();
}
