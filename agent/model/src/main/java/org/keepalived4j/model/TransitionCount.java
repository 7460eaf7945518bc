package org.keepalived4j.model;

/**
 * How many times a VRRP instance entered one state for one reason, since it was created. The
 * daemon owns these counts (it increments them as it moves the instance), so exporters can
 * publish a per-(state, reason) counter without counting events themselves.
 *
 * @param to the state entered
 * @param reason why it was entered
 * @param count how many times, monotonically increasing
 */
public record TransitionCount(VrrpState to, TransitionReason reason, long count) {
}
