package org.keepalived4j.daemon;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.ConfigDumper;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.LocalSystemProbe;
import org.keepalived4j.config.Severity;

/**
 * {@code -t}: reads the configuration, reports every diagnostic (file and line, keepalived's
 * style) and exits 0 only when there is nothing to report, as keepalived does. {@code -D} or
 * {@code --dump-config} also prints the parsed configuration with secrets masked.
 */
final class ConfigTest {

    /** keepalived's exit status for a configuration it has something to say about. */
    static final int CONFIG_PROBLEMS = 5;

    private final CommandLine cli;
    private final PrintStream out;
    private final PrintStream err;

    ConfigTest(CommandLine cli, PrintStream out, PrintStream err) {
        this.cli = cli;
        this.out = out;
        this.err = err;
    }

    int run() {
        ConfigResult result = new ConfigLoader(new LocalSystemProbe()).load(cli);
        int reported = 0;
        for (Diagnostic d : result.diagnostics()) {
            if (d.severity() != Severity.INFO) {
                err.println(d);
                reported++;
            }
        }
        List<String> exporterProblems = new ArrayList<>();
        DaemonSettings.parse(result.config().extension(DaemonSettings.BLOCK), exporterProblems);
        exporterProblems.addAll(ExporterHost.validate(name -> result.config().extension(name)));
        for (String problem : exporterProblems) {
            err.println(problem);
            reported++;
        }
        if (cli.dumpConfig() && !result.fatal()) {
            out.print(ConfigDumper.dump(result.config(), ExporterHost.shown()));
        }
        if (!cli.configTest()) {
            return 0;
        }
        if (reported == 0) {
            return 0;
        }
        return result.fatal() ? 1 : CONFIG_PROBLEMS;
    }
}
