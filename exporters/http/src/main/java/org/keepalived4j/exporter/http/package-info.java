/**
 * The HTTP server every endpoint runs on: the JDK's {@code com.sun.net.httpserver} API on Netty,
 * so that requests are read without holding a thread, with a request timeout, an idle timeout,
 * a write timeout and a bound on connections: no client can block another.
 */
package org.keepalived4j.exporter.http;
