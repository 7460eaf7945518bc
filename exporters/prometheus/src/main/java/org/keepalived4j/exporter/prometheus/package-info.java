/**
 * The Prometheus exporter: {@code /metrics} written at scrape time from the live state, with the
 * names, types and labels of the common keepalived exporter (and its legacy names) plus
 * keepalived4j's own series, on the project's HTTP server ({@code keepalived4j_prometheus}).
 */
package org.keepalived4j.exporter.prometheus;
