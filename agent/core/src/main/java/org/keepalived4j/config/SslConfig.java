package org.keepalived4j.config;

/**
 * The top-level {@code SSL} block used by SSL_GET: a client certificate and a CA to verify
 * servers against. With no block (or an empty one) SSL_GET connects without verifying, as
 * keepalived's auto-generated context does.
 *
 * @param password the key's password (never printed), or {@code null}
 * @param caFile {@code ca}, or {@code null}; when set the server certificate is verified
 * @param certificateFile {@code certificate}, or {@code null}
 * @param keyFile {@code key}, or {@code null}
 */
public record SslConfig(String password, String caFile, String certificateFile, String keyFile) {

    @Override
    public String toString() {
        return "SslConfig[password=" + (password == null ? "null" : "****") + ", caFile=" + caFile
                + ", certificateFile=" + certificateFile + ", keyFile=" + keyFile + "]";
    }
}
