package org.keepalived4j.exporter.alerts.fifo;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.exporter.alerts.linux.Libc;
import org.keepalived4j.model.ScriptLine;

/**
 * A {@code *_notify_fifo_script} running: started as keepalived starts it (its words with the
 * FIFO's path added as the last argument, no shell, as its user with that user's or the named
 * group as its only group, stdin/stdout/stderr on {@code /dev/null}, leading a process group of
 * its own through util-linux {@code setsid}, another user entered through {@code setpriv}) and
 * stopped as keepalived stops it: SIGTERM to its group, SIGKILL a second later if it has not
 * ended.
 */
final class FifoScript implements AutoCloseable {

    private static final long GRACE_MILLIS = 1000;

    private final Process process;
    private boolean terminated;

    private FifoScript(Process process) {
        this.process = process;
    }

    static FifoScript start(ScriptLine script, String fifo) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add("setsid"); // not a group leader here, so it calls setsid() and execs: its pid is the group's id
        argv.addAll(userSwitch(script));
        argv.addAll(script.words());
        argv.add(fifo);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        return new FifoScript(builder.start());
    }

    /** {@code setpriv} arguments entering the script's user, or none when that is the daemon's own. */
    static List<String> userSwitch(ScriptLine script) throws IOException {
        if (script.user() == null) {
            return List.of();
        }
        int[] user = Libc.user(script.user());
        if (user == null) {
            throw new IOException("unknown user " + script.user());
        }
        int gid = user[1];
        if (script.group() != null) {
            gid = Libc.group(script.group());
            if (gid < 0) {
                throw new IOException("unknown group " + script.group());
            }
        }
        if (user[0] == Libc.geteuid() && gid == Libc.getegid()) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + user[0], "--regid=" + gid, "--groups=" + gid, "--");
    }

    /** The script's process id, which is its process group's id. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM to the script's group (keepalived sends it before its last lines). */
    synchronized void signalTerm() {
        if (!terminated) {
            terminated = true;
            signal((int) process.pid(), Libc.SIGTERM);
        }
    }

    /** SIGTERM to the script's group unless sent; SIGKILL to it after a second unless the script has ended. */
    @Override
    public void close() {
        int group = (int) process.pid();
        signalTerm();
        boolean ended = false;
        try {
            ended = process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ended) {
            signal(group, Libc.SIGKILL);
        }
    }

    private static void signal(int group, int signal) {
        if (Libc.kill(-group, signal) != 0) {
            int errno = Libc.errno();
            if (errno != Libc.ESRCH) {
                org.slf4j.LoggerFactory.getLogger(FifoScript.class).warn("notify fifo script group {}: {}", group,
                        Libc.failure("kill(" + signal + ")", errno).getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "pid " + process.pid();
    }
}
