package org.keepalived4j.ipvs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the IPVS table should hold for the services this daemon manages: each virtual service
 * and the destinations it should have right now. A real server that failed its checks is absent,
 * unless its virtual server uses {@code inhibit_on_failure}: then it is present with weight 0
 * (see {@link Builder#realServer}). A sorry server in place of the real servers is simply the
 * destination list the caller gives while quorum is lost.
 *
 * @param services the services by key, in the order they were added
 */
public record IpvsDesiredState(Map<IpvsServiceKey, DesiredService> services) {

    public IpvsDesiredState {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** Nothing managed (e.g. a configuration with no virtual servers). */
    public static IpvsDesiredState empty() {
        return new IpvsDesiredState(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One desired service with its desired destinations (distinct by address and port).
     *
     * @param service the service
     * @param destinations its destinations
     */
    public record DesiredService(IpvsService service, List<IpvsDestination> destinations) {

        public DesiredService {
            Objects.requireNonNull(service, "service");
            destinations = List.copyOf(destinations);
            for (int i = 0; i < destinations.size(); i++) {
                for (int j = i + 1; j < destinations.size(); j++) {
                    if (destinations.get(i).sameServer(destinations.get(j))) {
                        throw new IllegalArgumentException("real server " + destinations.get(i).label()
                                + " appears twice in " + service.key().label());
                    }
                }
            }
        }
    }

    /** Collects services and their destinations. */
    public static final class Builder {

        private final Map<IpvsServiceKey, IpvsService> services = new LinkedHashMap<>();
        private final Map<IpvsServiceKey, List<IpvsDestination>> destinations = new LinkedHashMap<>();

        private Builder() {
        }

        /** Declares a service (with no destinations until some are added). */
        public Builder service(IpvsService service) {
            if (services.putIfAbsent(service.key(), service) != null) {
                throw new IllegalArgumentException("service " + service.key().label() + " declared twice");
            }
            destinations.put(service.key(), new ArrayList<>());
            return this;
        }

        /** Adds a destination to a declared service. */
        public Builder destination(IpvsServiceKey service, IpvsDestination destination) {
            List<IpvsDestination> list = destinations.get(service);
            if (list == null) {
                throw new IllegalArgumentException("service " + service.label() + " is not declared");
            }
            list.add(destination);
            return this;
        }

        /**
         * Adds a checked real server as keepalived would program it: as configured while it is
         * alive; with weight 0 while it is down if {@code inhibitOnFailure}; absent otherwise.
         */
        public Builder realServer(IpvsServiceKey service, IpvsDestination configured, boolean alive,
                boolean inhibitOnFailure) {
            if (alive) {
                return destination(service, configured);
            }
            return inhibitOnFailure ? destination(service, configured.withWeight(0)) : this;
        }

        public IpvsDesiredState build() {
            Map<IpvsServiceKey, DesiredService> result = new LinkedHashMap<>();
            services.forEach((key, service) -> result.put(key, new DesiredService(service, destinations.get(key))));
            return new IpvsDesiredState(result);
        }
    }
}
