package org.keepalived4j.exporter.jmx;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.StateView;

/**
 * An MBean that reads one object of the live state whenever an attribute is asked for, and
 * broadcasts {@link AttributeChangeNotification}s. Notifications are handed to listeners on the
 * given executor, never on the thread that reports the change.
 */
abstract class LiveBean extends NotificationBroadcasterSupport {

    private static final MBeanNotificationInfo[] NOTIFICATIONS = {
        new MBeanNotificationInfo(new String[] {AttributeChangeNotification.ATTRIBUTE_CHANGE},
                AttributeChangeNotification.class.getName(), "An attribute of this object changed")
    };

    private final StateView state;
    private final ObjectName objectName;
    private final AtomicLong sequence = new AtomicLong();

    LiveBean(StateView state, ObjectName objectName, Executor notifier) {
        super(notifier, NOTIFICATIONS);
        this.state = state;
        this.objectName = objectName;
    }

    final ObjectName objectName() {
        return objectName;
    }

    /** The whole state; attribute getters use {@link #state()}'s lookups for their own object. */
    final StateSnapshot current() {
        return state.current();
    }

    final StateView state() {
        return state;
    }

    /** Announces a change of {@code attribute} from {@code oldValue} to {@code newValue}. */
    final void announce(String attribute, Class<?> type, Object oldValue, Object newValue, String message,
            Instant when) {
        AttributeChangeNotification n = new AttributeChangeNotification(objectName, sequence.incrementAndGet(),
                when == null ? System.currentTimeMillis() : when.toEpochMilli(), message, attribute, type.getName(),
                oldValue, newValue);
        sendNotification(n);
    }

    /** Thrown by attribute getters once the object has left the configuration. */
    final IllegalStateException gone() {
        return new IllegalStateException(objectName + " no longer exists");
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }
}
