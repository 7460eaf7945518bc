package org.keepalived4j.ipvs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the IPVS table should hold for the services this daemon manages: each virtual service
 * and the destinations it should have right now (which real servers are in, and with what
 * weight, is the checkers' and the quorum's business; here it is only a list).
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

        /** Whether a service with this key is declared already. */
        public boolean declares(IpvsServiceKey key) {
            return services.containsKey(key);
        }

        public IpvsDesiredState build() {
            Map<IpvsServiceKey, DesiredService> result = new LinkedHashMap<>();
            services.forEach((key, service) -> result.put(key, new DesiredService(service, destinations.get(key))));
            return new IpvsDesiredState(result);
        }
    }
}
