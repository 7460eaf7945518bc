package org.keepalived4j.ipvs;

import java.io.IOException;

/** A netlink reply that does not have the shape the uapi headers give it. */
final class MalformedReplyException extends IOException {

    MalformedReplyException(String message) {
        super(message);
    }
}
