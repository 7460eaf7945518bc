package org.keepalived4j.exporter.snmp.vrrp;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** A copy of a record with some components changed by name: {@code Copy.of(settings).with("version", 3).get()}. */
public final class Copy<R extends Record> {

    private final R original;
    private final Object[] values;

    private Copy(R original) {
        this.original = original;
        RecordComponent[] components = original.getClass().getRecordComponents();
        values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(original);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <R extends Record> Copy<R> of(R original) {
        return new Copy<>(original);
    }

    public Copy<R> with(String component, Object value) {
        RecordComponent[] components = original.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(component)) {
                values[i] = value;
                return this;
            }
        }
        throw new IllegalArgumentException(original.getClass().getSimpleName() + " has no " + component);
    }

    @SuppressWarnings("unchecked")
    public R get() {
        Class<?>[] types = Arrays.stream(original.getClass().getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return (R) original.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
