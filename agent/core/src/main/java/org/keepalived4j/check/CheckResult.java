package org.keepalived4j.check;

/**
 * What one probe of a real server concluded.
 *
 * @param success whether the server passed
 * @param detail what was seen, e.g. {@code OK}, {@code connection refused}, {@code status code 503}
 * @param weight for MISC_CHECK misc_dynamic and FILE_CHECK: this checker's contribution to the
 *        real server's weight, or {@code null} to leave it as it is
 */
record CheckResult(boolean success, String detail, Long weight) {

    static CheckResult ok() {
        return new CheckResult(true, "OK", null);
    }

    static CheckResult ok(String detail) {
        return new CheckResult(true, detail, null);
    }

    static CheckResult failed(String detail) {
        return new CheckResult(false, detail, null);
    }

    /** A short description of a failure cause, without stack traces. */
    static CheckResult failed(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String kind = root.getClass().getSimpleName();
        return failed(message == null ? kind : message.replaceFirst("^[a-zA-Z_]+\\([^)]*\\) failed: ", ""));
    }
}
