package org.keepalived4j.linux;

/** Facts about the running process that the daemon writes into pid files and logs. */
public final class Processes {

    private Processes() {
    }

    /** getpid(): the id of this process as the kernel reports it (namespaced like the caller). */
    public static int pid() {
        return LibC.getpid();
    }
}
