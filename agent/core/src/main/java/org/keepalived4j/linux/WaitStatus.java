package org.keepalived4j.linux;

/**
 * How a child process ended, decoded from the status word waitpid(2) fills in: an exit code, or
 * the signal that killed it. Unlike {@link Process#exitValue()}, a death by signal N is not
 * confused with exit code 128 + N.
 */
public record WaitStatus(int raw) {

    /** Whether the process called exit; {@link #exitCode()} then holds the code. */
    public boolean exited() {
        return (raw & 0x7f) == 0;
    }

    /** The exit code (0..255); meaningful when {@link #exited()}. */
    public int exitCode() {
        return (raw >> 8) & 0xff;
    }

    /** Whether a signal killed the process; {@link #signal()} then names it. */
    public boolean signalled() {
        return ((raw & 0x7f) + 1) >> 1 > 0;
    }

    /** The signal that killed the process; meaningful when {@link #signalled()}. */
    public int signal() {
        return raw & 0x7f;
    }

    @Override
    public String toString() {
        return exited() ? "exit status " + exitCode() : "killed by signal " + signal();
    }
}
