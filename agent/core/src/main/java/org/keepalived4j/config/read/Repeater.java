package org.keepalived4j.config.read;

import java.util.List;
import org.keepalived4j.config.SourceLocation;

/**
 * A ~SEQ or ~LST line being replicated: the rest of its line is read once per value, with the
 * variable(s) set as parameters each time.
 */
abstract class Repeater {

    private final String text;
    private final SourceLocation location;

    Repeater(String text, SourceLocation location) {
        this.text = text;
        this.location = location;
    }

    /** The text after the closing parenthesis, read once per value. */
    final String text() {
        return text;
    }

    /** The ~SEQ/~LST line. */
    final SourceLocation location() {
        return location;
    }

    /** Sets the variable(s) for the next repetition and moves on. */
    abstract void assignNext(Definitions definitions);

    /** Whether every value has been used. */
    abstract boolean finished();

    /** ~SEQ: a number from start to end by step, decimal or (~SEQx) hexadecimal. */
    static final class Sequence extends Repeater {
        private final String variable;
        private final long step;
        private final long last;
        private final boolean hex;
        private long next;
        private boolean overflowed;

        Sequence(String variable, long start, long step, long last, boolean hex, String text, SourceLocation at) {
            super(text, at);
            this.variable = variable;
            this.next = start;
            this.step = step;
            this.last = last;
            this.hex = hex;
        }

        @Override
        void assignNext(Definitions definitions) {
            definitions.assign(variable, hex ? Long.toHexString(next) : Long.toString(next));
            try {
                next = Math.addExact(next, step);
            } catch (ArithmeticException pastTheEnd) {
                overflowed = true;
            }
        }

        @Override
        boolean finished() {
            return overflowed || (step > 0 && next > last) || (step < 0 && next < last);
        }
    }

    /** ~LST: each set of values in turn, one value per variable. */
    static final class ValueList extends Repeater {
        private final List<String> variables;
        private final List<List<String>> valueSets;
        private int index;

        ValueList(List<String> variables, List<List<String>> valueSets, String text, SourceLocation at) {
            super(text, at);
            this.variables = List.copyOf(variables);
            this.valueSets = List.copyOf(valueSets);
        }

        @Override
        void assignNext(Definitions definitions) {
            List<String> values = valueSets.get(index++);
            for (int i = 0; i < variables.size(); i++) {
                definitions.assign(variables.get(i), values.get(i));
            }
        }

        @Override
        boolean finished() {
            return index >= valueSets.size();
        }
    }
}
