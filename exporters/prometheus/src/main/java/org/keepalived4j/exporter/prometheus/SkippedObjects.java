package org.keepalived4j.exporter.prometheus;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Objects a scrape leaves out because another object has the same labels (two real servers on
 * one ip:port once keepalived resets a DR real server's port to the virtual server's, one
 * script tracked twice...): a family cannot hold two series with one label set, and without
 * this one odd object would fail every scrape. The first object is served, each one left out
 * is logged once for the life of the endpoint.
 */
final class SkippedObjects {

    private static final Logger LOG = LoggerFactory.getLogger(SkippedObjects.class);
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    void skipped(String what) {
        if (logged.add(what)) {
            LOG.warn("Prometheus: {} has the same labels as another and is left out of the metrics", what);
        }
    }
}
