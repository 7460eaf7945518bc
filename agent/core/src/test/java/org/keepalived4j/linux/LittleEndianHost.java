package org.keepalived4j.linux;

import java.nio.ByteOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only on a little-endian host: its recorded kernel bytes carry host-order
 * headers, and were recorded little-endian.
 */
public final class LittleEndianHost implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                ? ConditionEvaluationResult.enabled("little-endian host")
                : ConditionEvaluationResult.disabled("the recorded netlink bytes are little-endian");
    }
}
