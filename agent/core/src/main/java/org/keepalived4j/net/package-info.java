/** Address text as keepalived writes it (IPv6 in brackets beside a port), shared by every subsystem. */
package org.keepalived4j.net;
