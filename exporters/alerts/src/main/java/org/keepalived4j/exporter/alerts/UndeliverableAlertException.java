package org.keepalived4j.exporter.alerts;

/**
 * Thrown by {@link AlertSink#deliver} when (part of) an alert can never be delivered, however
 * often it is tried: a notify script that names no program, a user that does not exist. The
 * alert is not retried; it is counted as failed and as dropped, and logged.
 */
public final class UndeliverableAlertException extends Exception {

    public UndeliverableAlertException(String message) {
        super(message);
    }
}
