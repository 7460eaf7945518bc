/**
 * Health checks of LVS real servers, as keepalived's checker process runs them: the nine
 * checkers ({@code TCP_CHECK}, {@code HTTP_GET}, {@code SSL_GET}, {@code SMTP_CHECK},
 * {@code DNS_CHECK}, {@code UDP_CHECK}, {@code PING_CHECK}, {@code MISC_CHECK},
 * {@code FILE_CHECK}) on a few Netty event loops, keepalived's real- and virtual-server state
 * machines (alpha, retry, quorum and hysteresis, sorry server, inhibit), what a reload keeps,
 * and the publication of every virtual and real server into the read model and the event log.
 * {@link org.keepalived4j.check.LvsService} is the entry point; IPVS itself is behind
 * {@code org.keepalived4j.ipvs}.
 */
package org.keepalived4j.check;
