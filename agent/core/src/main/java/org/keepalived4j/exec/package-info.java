/**
 * The one way the daemon runs a program: vrrp_script, MISC_CHECK and the notify scripts all
 * start through {@link org.keepalived4j.exec.ScriptRunner}.
 *
 * <p>What keepalived 2.2.7 does, and this package does too: the command line is split into
 * words as keepalived splits scripts ({@link org.keepalived4j.config.read.EscapedWordSplitter}) and
 * executed without a shell; the script runs as its own user, else {@code script_user}, with
 * that user's primary group (or the one named) as its only group; stdin, stdout and stderr are
 * {@code /dev/null}; it leads a process group of its own, so that when its time is up SIGTERM
 * reaches everything it started, and SIGKILL follows two seconds later; signals are at their
 * defaults; the daemon's environment is passed on (see {@link org.keepalived4j.exec.ScriptEnvironment}).
 *
 * <p>Processes are started and awaited on one thread per runner, whatever their number, with
 * posix_spawn and pidfds ({@link org.keepalived4j.linux.ChildProcess}); callers get a
 * {@link java.util.concurrent.CompletableFuture} of a {@link org.keepalived4j.exec.ScriptOutcome}
 * and never block. Another user is entered through util-linux {@code setpriv}.
 */
package org.keepalived4j.exec;
