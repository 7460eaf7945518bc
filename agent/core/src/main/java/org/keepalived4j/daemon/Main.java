package org.keepalived4j.daemon;

import java.io.PrintStream;
import org.keepalived4j.check.GenhashCommand;

/** The {@code keepalived4j} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command as {@link #main} would and returns its exit status instead of exiting;
     * {@code -t} runs of many files share one JVM this way.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && "genhash".equals(args[0])) {
            return new GenhashCommand(out, err).run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("keepalived4j: " + e.getMessage());
            err.println("Try 'keepalived4j --help' for more information.");
            return 2;
        }
        if (cli.help()) {
            out.println(CommandLine.usage());
            return 0;
        }
        if (cli.version()) {
            out.println("keepalived4j " + Version.current() + " (keepalived 2.2.7 configuration and VRRP compatible)");
            return 0;
        }
        System.setProperty("keepalived4j.log.level", cli.logDetail() && !cli.configTest() ? "DEBUG" : "INFO");
        if (cli.configTest() || cli.dumpConfig()) {
            return new ConfigTest(cli, out, err).run();
        }
        return new Daemon(cli).run();
    }
}
