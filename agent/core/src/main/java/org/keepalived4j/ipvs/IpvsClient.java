package org.keepalived4j.ipvs;

import java.util.List;

/**
 * Programs the kernel's IPVS table. The generic-netlink implementation talks to the "IPVS"
 * family; when the kernel has no IPVS, {@link #available()} is false and the daemon runs in
 * monitor-only mode (checks, state and exporters keep working, nothing is programmed).
 */
public interface IpvsClient extends AutoCloseable {

    /** Whether the kernel has IPVS (decided once, when the client is created). */
    boolean available();

    List<IpvsService> services() throws IpvsException;

    void addService(IpvsService service) throws IpvsException;

    void updateService(IpvsService service) throws IpvsException;

    void deleteService(IpvsServiceKey key) throws IpvsException;

    List<IpvsDestination> destinations(IpvsServiceKey service) throws IpvsException;

    void addDestination(IpvsServiceKey service, IpvsDestination destination) throws IpvsException;

    void updateDestination(IpvsServiceKey service, IpvsDestination destination) throws IpvsException;

    void deleteDestination(IpvsServiceKey service, IpvsDestination destination) throws IpvsException;

    /** Removes every service (keepalived's {@code lvs_flush}). */
    void flush() throws IpvsException;

    @Override
    void close();
}
