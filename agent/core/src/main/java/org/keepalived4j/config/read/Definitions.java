package org.keepalived4j.config.read;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code $NAME=VALUE} parameter table of one read, in definition order, with keepalived's
 * pre-defined parameters {@code _PWD}, {@code _INSTANCE}, {@code _RANDOM}, {@code _HASH} and
 * {@code _BANG} (each may be redefined). Names and values are byte-per-char strings.
 */
final class Definitions {

    /** How a pre-defined parameter computes its value at each use. */
    enum Builtin { PWD, INSTANCE, RANDOM }

    /** One parameter. Mutable: a redefinition replaces the value in place, as keepalived does. */
    static final class Definition {
        final String name;
        String value;
        boolean multiline;
        Builtin builtin;
        final int maxParams;

        Definition(String name, String value, boolean multiline, Builtin builtin, int maxParams) {
            this.name = name;
            this.value = value;
            this.multiline = multiline;
            this.builtin = builtin;
            this.maxParams = maxParams;
        }
    }

    private final List<Definition> entries = new ArrayList<>();

    Definitions() {
        entries.add(new Definition("_PWD", "", false, Builtin.PWD, 0));
        entries.add(new Definition("_INSTANCE", "", false, Builtin.INSTANCE, 0));
        entries.add(new Definition("_RANDOM", "", false, Builtin.RANDOM, 2));
        entries.add(new Definition("_HASH", "#", false, null, 0));
        entries.add(new Definition("_BANG", "!", false, null, 0));
    }

    /**
     * The first parameter called {@code name}; a multi-line one only if {@code allowMultiline}
     * (keepalived expands a multi-line parameter only at the very end of a line).
     */
    Definition find(String name, boolean allowMultiline) {
        for (Definition d : entries) {
            if (d.name.equals(name) && (allowMultiline || !d.multiline)) {
                return d;
            }
        }
        return null;
    }

    /** A {@code $NAME=VALUE} line: replaces the value of an existing parameter or adds one. */
    Definition define(String name, String value, boolean multiline) {
        Definition d = find(name, true);
        if (d == null) {
            d = new Definition(name, value, multiline, null, 0);
            entries.add(d);
        } else {
            d.value = value;
            d.multiline = multiline;
            d.builtin = null;
        }
        return d;
    }

    /**
     * A ~SEQ/~LST variable taking its next value. A name that could never be referenced (not
     * starting with a letter or {@code _}) is not stored; the multi-line flag is left as it was.
     */
    void assign(String name, String value) {
        if (name.isEmpty() || !(ConfigText.isAlpha(name.charAt(0)) || name.charAt(0) == '_')) {
            return;
        }
        Definition d = find(name, true);
        if (d == null) {
            entries.add(new Definition(name, value, false, null, 0));
        } else {
            d.value = value;
            d.builtin = null;
        }
    }
}
