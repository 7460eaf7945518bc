package org.keepalived4j.check;

import io.netty.channel.EventLoop;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.config.MiscCheckConfig;

/**
 * MISC_CHECK: runs the program (words split as keepalived does, no shell) off the event loop,
 * as {@code user} (via runuser) when one is set and differs from ours, with misc_timeout (or the delay_loop)
 * as its deadline: then SIGTERM to it and its children, and SIGKILL two seconds later. Exit 0 is
 * up, 1 down; with misc_dynamic 2..255 is up with the real server's weight set to the code
 * minus 2 (this checker contributing code - 2 - configured weight).
 */
final class MiscProbe implements Probe {

    private final MiscCheckConfig config;
    private final EventLoop loop;
    private final Executor spawner;
    private final int configuredWeight;
    private final List<String> command;
    private final long timeoutMicros;

    MiscProbe(MiscCheckConfig config, EventLoop loop, Executor spawner, int configuredWeight, String defaultUser,
            String defaultGroup) {
        this.config = config;
        this.loop = loop;
        this.spawner = spawner;
        this.configuredWeight = configuredWeight;
        this.timeoutMicros = config.timeoutMicros() > 0 ? config.timeoutMicros() : config.options().delayLoopMicros();
        String user = config.user() != null ? config.user() : defaultUser;
        String group = config.user() != null ? config.group() : defaultGroup;
        this.command = asUser(words(config.command()), user, group);
    }

    @Override
    public CompletableFuture<CheckResult> run() {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        spawner.execute(() -> {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(new File("/dev/null")).start();
            } catch (IOException e) {
                result.complete(CheckResult.failed("cannot run " + command.get(0) + ": " + e.getMessage()));
                return;
            }
            var deadline = loop.schedule(() -> terminate(process, result), timeoutMicros, TimeUnit.MICROSECONDS);
            process.onExit().thenAccept(p -> {
                deadline.cancel(false);
                result.complete(verdict(p.exitValue()));
            });
        });
        return result;
    }

    private void terminate(Process process, CompletableFuture<CheckResult> result) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        result.complete(CheckResult.failed("timed out"));
        loop.schedule(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, 2, TimeUnit.SECONDS);
    }

    CheckResult verdict(int status) {
        if (status == 0) {
            return new CheckResult(true, "exit status 0", config.dynamic() ? 0L : null);
        }
        if (config.dynamic() && status >= 2 && status <= 255) {
            return new CheckResult(true, "exit status " + status, (long) status - 2 - configuredWeight);
        }
        return CheckResult.failed(status > 128 && status < 160 ? "killed by signal " + (status - 128)
                : "exit status " + status);
    }

    /** Splits a command line into words: blanks separate, quotes group, backslash escapes. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                word = word == null ? new StringBuilder() : word;
            } else if (ch == '\\' && i + 1 < line.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else if (Character.isWhitespace(ch)) {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(ch);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }

    /** Runs the command as another user (with its groups) through runuser when that user is not us. */
    static List<String> asUser(List<String> command, String user, String group) {
        if (user == null || user.equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("runuser", "-u", user));
        if (group != null) {
            out.addAll(List.of("-g", group));
        }
        out.add("--");
        out.addAll(command);
        return out;
    }
}
