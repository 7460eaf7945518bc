package org.keepalived4j.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether two configuration records say the same thing, wherever they were written: a reload
 * that only moved a block (or edited another one above it) must not count as a change.
 * Compares record components recursively, lists element by element, and skips every
 * {@link SourceLocation}.
 */
public final class ConfigEquality {

    private ConfigEquality() {
    }

    public static boolean sameIgnoringLocations(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof SourceLocation) {
            return true;
        }
        if (a.getClass().isRecord()) {
            return sameRecords((Record) a, (Record) b);
        }
        if (a instanceof List<?> la) {
            return sameLists(la, (List<?>) b);
        }
        if (a instanceof Map<?, ?> ma) {
            Map<?, ?> mb = (Map<?, ?>) b;
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !sameIgnoringLocations(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean sameRecords(Record a, Record b) {
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (component.getType() == SourceLocation.class) {
                continue;
            }
            try {
                Object va = component.getAccessor().invoke(a);
                Object vb = component.getAccessor().invoke(b);
                if (!sameIgnoringLocations(va, vb)) {
                    return false;
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return true;
    }

    private static boolean sameLists(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> ib = b.iterator();
        for (Object ea : a) {
            if (!sameIgnoringLocations(ea, ib.next())) {
                return false;
            }
        }
        return true;
    }
}
