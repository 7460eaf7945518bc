package org.keepalived4j.config;

/**
 * One line of {@code linkbeat_interfaces}: an interface whose link state is polled instead of
 * taken from netlink.
 *
 * @param interfaceName the interface
 * @param pollType {@code MII}, {@code ETHTOOL}, {@code IOCTL}, or {@code null} for the default
 * @param location where it was written
 */
public record LinkbeatInterfaceConfig(String interfaceName, String pollType, SourceLocation location) {
}
