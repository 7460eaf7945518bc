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
 * style) and exits with the status keepalived 2.2.7's {@code -t} gives: 0 when nothing it
 * counts was reported (a missing or skipped main file, an include that matched nothing and
 * what only the log would show do not count), 6 for a SECURITY VIOLATION (scripts without
 * {@code enable_script_security}) whatever else was reported, 2 for a line missing a
 * parameter (keepalived stops reading there), 5 for anything else. {@code -D} or
 * {@code --dump-config} also prints the parsed configuration with secrets masked.
 */
final class ConfigTest {

    /** keepalived's exit status for a configuration it has something to say about. */
    static final int CONFIG_PROBLEMS = 5;
    /** keepalived's exit status for scripts that would run without script security. */
    static final int SECURITY_VIOLATION = 6;
    /** keepalived's exit status when a line lacks a parameter and reading stopped. */
    static final int MISSING_PARAMETER = 2;

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
        boolean counted = false;
        boolean security = false;
        boolean missingParameter = false;
        for (Diagnostic d : result.diagnostics()) {
            if (d.severity() != Severity.INFO) {
                err.println(d);
            }
            counted |= d.counted();
            security |= d.kind() == Diagnostic.Kind.SECURITY;
            missingParameter |= d.kind() == Diagnostic.Kind.MISSING_PARAMETER;
        }
        List<String> exporterProblems = new ArrayList<>();
        DaemonSettings.parse(result.config().extension(DaemonSettings.BLOCK), exporterProblems);
        exporterProblems.addAll(ExporterHost.validate(name -> result.config().extension(name)));
        for (String problem : exporterProblems) {
            err.println(problem);
            counted = true;
        }
        if (cli.dumpConfig() && !result.fatal()) {
            out.print(ConfigDumper.dump(result.config(), ExporterHost.shown()));
        }
        if (!cli.configTest()) {
            return 0;
        }
        if (missingParameter) {
            return MISSING_PARAMETER;
        }
        if (security) {
            return SECURITY_VIOLATION;
        }
        return counted ? CONFIG_PROBLEMS : 0;
    }
}
