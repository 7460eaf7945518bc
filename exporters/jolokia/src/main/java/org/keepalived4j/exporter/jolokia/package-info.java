/**
 * The Jolokia exporter: an embedded Jolokia agent on the project's HTTP server, serving the
 * MBeans as JSON, on 127.0.0.1 with a read-only policy by default ({@code keepalived4j_jolokia}).
 */
package org.keepalived4j.exporter.jolokia;
