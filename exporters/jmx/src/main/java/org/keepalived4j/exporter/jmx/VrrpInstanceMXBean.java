package org.keepalived4j.exporter.jmx;

/**
 * A {@code vrrp_instance}: {@code keepalived:type=VrrpInstance,name="NAME"}. Every value is read
 * from the live state at the moment of asking. Sends an
 * {@link javax.management.AttributeChangeNotification} for {@code State} on every state change
 * (old and new value: the state names).
 */
public interface VrrpInstanceMXBean {

    /** The instance name ({@code vrrp_instance NAME}). */
    String getName();

    /** The current state: INIT, BACKUP, MASTER, FAULT or STOP. */
    String getState();

    /** The current state as keepalived's number: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP. */
    int getStateCode();

    /** The state the instance would be in if nothing were faulty. */
    String getWantedState();

    /** The configured {@code state}: BACKUP or MASTER. */
    String getInitialState();

    /** The configured {@code priority}, 1-255. */
    int getBasePriority();

    /** The priority advertised now, after tracker weights. */
    int getEffectivePriority();

    /** The virtual router id, 1-255. */
    int getVrid();

    /** The interface the instance runs on. */
    String getInterfaceName();

    /** The VRRP version, 2 or 3. */
    int getVrrpVersion();

    /** Whether the instance carries IPv6 addresses (VRRPv3 over IPv6). */
    boolean isIpv6();

    /** The configured advertisement interval, in milliseconds. */
    long getAdvertIntervalMillis();

    /** The advertisement interval of the current master, in milliseconds (ours when we are master). */
    long getMasterAdvertIntervalMillis();

    /** The source address of the current master, or {@code null} if none is known. */
    String getMasterAddress();

    /** The priority the current master advertises, 0 if none is known. */
    int getMasterPriority();

    /** The address advertisements are sent from. */
    String getPrimaryAddress();

    /** The unicast peers; empty when the instance uses multicast. */
    String[] getUnicastPeers();

    /** The virtual addresses, each {@code ADDRESS/PREFIX dev DEVICE} plus {@code (installed)} when installed now. */
    String[] getVirtualAddresses();

    /** The excluded virtual addresses ({@code virtual_ipaddress_excluded}), formatted as {@link #getVirtualAddresses}. */
    String[] getExcludedVirtualAddresses();

    /** Whether the instance preempts a lower-priority master ({@code nopreempt} clears it). */
    boolean isPreempt();

    /** How long to wait before preempting after startup ({@code preempt_delay}), in milliseconds. */
    long getPreemptDelayMillis();

    /** The authentication type: NONE, PASS or AH (never the password). */
    String getAuthType();

    /** The delay before the second round of gratuitous ARPs after becoming master, in milliseconds. */
    long getGarpMasterDelayMillis();

    /** When the state last changed, ISO-8601 in UTC. */
    String getLastTransitionTime();

    /** Why the state last changed, e.g. {@code master no response}. */
    String getLastTransitionReason();

    /** How many state changes since the instance was created. */
    long getTransitionCount();

    /** The sync group the instance belongs to, or {@code null}. */
    String getSyncGroup();

    /** What the instance tracks, each {@code KIND NAME up|down weight W contributes C}. */
    String[] getTrackers();

    /** Advertisements received and accepted. */
    long getAdvertisementsReceived();

    /** Advertisements sent. */
    long getAdvertisementsSent();

    /** Transitions into MASTER. */
    long getBecomeMaster();

    /** Transitions out of MASTER. */
    long getReleaseMaster();

    /** Packets dropped because their length did not match their contents. */
    long getPacketLengthErrors();

    /** Advertisements whose interval differed from ours (VRRPv2 only). */
    long getAdvertIntervalErrors();

    /** Packets whose IP TTL or hop limit was not 255. */
    long getIpTtlErrors();

    /** Packets whose VRRP type was not ADVERTISEMENT. */
    long getInvalidTypeReceived();

    /** Advertisements whose address list did not match our virtual addresses. */
    long getAddressListErrors();

    /** Packets with an unknown authentication type. */
    long getInvalidAuthType();

    /** Packets whose authentication type differed from ours. */
    long getAuthTypeMismatch();

    /** Packets whose authentication data did not match. */
    long getAuthFailures();

    /** Priority-0 advertisements received (a master stepping down). */
    long getPriorityZeroReceived();

    /** Priority-0 advertisements sent. */
    long getPriorityZeroSent();

    /** How many times the instance took over as MASTER from a silent master. */
    long getTakeoverCount();
}
