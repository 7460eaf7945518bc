package org.keepalived4j.check;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import javax.net.ssl.SSLException;
import org.keepalived4j.config.SslConfig;

/**
 * The TLS client context SSL_GET uses. Like keepalived's auto-generated context, it does not
 * verify the server unless the {@code SSL} block names a {@code ca}; then the server's chain
 * must lead to that CA (host names are not checked: checks connect to addresses). A
 * {@code certificate}/{@code key} pair is offered as the client certificate.
 */
final class TlsContexts {

    private TlsContexts() {
    }

    static SslContext client(SslConfig ssl) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (ssl != null && ssl.caFile() != null) {
                b.trustManager(new File(ssl.caFile()));
            } else {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            if (ssl != null && ssl.certificateFile() != null && ssl.keyFile() != null) {
                b.keyManager(new File(ssl.certificateFile()), new File(ssl.keyFile()), ssl.password());
            }
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build the SSL_GET context: " + e.getMessage(), e);
        }
    }
}
