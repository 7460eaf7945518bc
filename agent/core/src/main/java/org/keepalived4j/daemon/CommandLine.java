package org.keepalived4j.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * keepalived's command line, as keepalived4j understands it.
 *
 * @param configFile {@code -f/--use-file} (default /etc/keepalived/keepalived.conf)
 * @param configTest {@code -t/--config-test}: check the configuration and exit
 * @param dumpConfig {@code -d/--dump-conf}, {@code --dump-config}, or {@code -t -D}: print the parsed configuration
 * @param logConsole {@code -l/--log-console}
 * @param logDetail {@code -D/--log-detail}
 * @param configId {@code -i/--config-id}, or {@code null} for the host name's first label
 * @param pidFile {@code -p/--pid}, or {@code null} for /run/keepalived.pid
 * @param vrrpOnly {@code -P/--vrrp}: run only the VRRP side
 * @param checkOnly {@code -C/--check}: run only the health checkers
 * @param exportersConfig {@code -E/--exporters-config}: a file of keepalived4j_* blocks, or {@code null}
 * @param dontReleaseIpvs {@code -I/--dont-release-ipvs}: leave the IPVS table as it is at stop
 * @param snmp {@code -x/--snmp}: enable SNMP for VRRP, the checkers and both RFC MIBs (as the
 *        {@code enable_snmp_*} keywords do)
 * @param snmpSocket {@code -A/--snmp-agent-socket}: snmpd's AgentX address, over {@code snmp_socket}; or {@code null}
 * @param version {@code -v/--version}
 * @param help {@code -h/--help}
 */
public record CommandLine(Path configFile, boolean configTest, boolean dumpConfig, boolean logConsole,
        boolean logDetail, String configId, Path pidFile, boolean vrrpOnly, boolean checkOnly, Path exportersConfig,
        boolean dontReleaseIpvs, boolean snmp, String snmpSocket, boolean version, boolean help) {

    public static final Path DEFAULT_CONFIG = Path.of("/etc/keepalived/keepalived.conf");
    public static final Path DEFAULT_PID_FILE = Path.of("/run/keepalived.pid");

    /** The command line was not understood; the message says why, for an exit status of 2. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(String... argv) throws UsageException {
        Builder b = new Builder();
        List<String> args = new ArrayList<>(List.of(argv));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inline = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            } else if (arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 2 && takesValue(arg.substring(0, 2))) {
                inline = arg.substring(2);
                arg = arg.substring(0, 2);
            } else if (arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 2) {
                // bundled flags, e.g. -nlD: each in its place, in order
                char[] flags = arg.substring(1).toCharArray();
                for (int k = 0; k < flags.length; k++) {
                    args.add(i + 1 + k, "-" + flags[k]);
                }
                continue;
            }
            i = b.apply(arg, inline, args, i);
        }
        return b.build();
    }

    private static boolean takesValue(String shortFlag) {
        return switch (shortFlag) {
            case "-f", "-i", "-p", "-E", "-r", "-c", "-S", "-b", "-s", "-A" -> true;
            default -> false;
        };
    }

    public static String usage() {
        return String.join("\n",
                "Usage: keepalived4j [OPTION...]",
                "       keepalived4j genhash -s HOST -p PORT -u PATH [-S] [-V VHOST]",
                "",
                "  -f, --use-file=FILE          use the specified configuration file",
                "                               (default " + DEFAULT_CONFIG + ")",
                "  -t, --config-test[=FILE]     check the configuration and exit: 0 if it is clean",
                "  -d, --dump-conf              print the parsed configuration (secrets masked)",
                "      --dump-config            the same",
                "  -n, --dont-fork              stay in the foreground (keepalived4j always does)",
                "  -l, --log-console            log to the console",
                "  -D, --log-detail             detailed logging",
                "  -i, --config-id ID           skip configuration lines starting '@ID' unless ID matches",
                "  -p, --pid FILE               pid file (default " + DEFAULT_PID_FILE + ")",
                "  -P, --vrrp                   run only the VRRP side",
                "  -C, --check                  run only the health checkers",
                "  -E, --exporters-config FILE  file of keepalived4j_* blocks (default: keepalived4j.conf beside",
                "                               the configuration file, when there is one)",
                "  -I, --dont-release-ipvs      leave the IPVS table as it is at stop",
                "  -x, --snmp                   enable SNMP (VRRP, checker and RFC MIBs) over AgentX",
                "  -A, --snmp-agent-socket=ADDR snmpd's AgentX address (default unix:/var/agentx/master)",
                "  -v, --version                print the version and exit",
                "  -h, --help                   print this help and exit",
                "",
                "Accepted for compatibility and ignored: -r/--vrrp_pid FILE, -c/--checkers_pid FILE,",
                "  -S/--log-facility N, -G/--no-syslog, -R/--dont-respawn, -X/--release-vips.");
    }

    private static final class Builder {
        Path configFile = DEFAULT_CONFIG;
        boolean configTest;
        boolean dumpConfig;
        boolean logConsole;
        boolean logDetail;
        String configId;
        Path pidFile;
        boolean vrrpOnly;
        boolean checkOnly;
        Path exportersConfig;
        boolean dontReleaseIpvs;
        boolean snmp;
        String snmpSocket;
        boolean version;
        boolean help;

        int apply(String arg, String inline, List<String> args, int i) throws UsageException {
            switch (arg) {
                case "-f", "--use-file" -> {
                    Value v = value(arg, inline, args, i);
                    configFile = Path.of(v.text);
                    return v.index;
                }
                case "-t", "--config-test" -> {
                    configTest = true;
                    if (inline != null) {
                        configFile = Path.of(inline);
                    }
                }
                case "-d", "--dump-conf", "--dump-config" -> dumpConfig = true;
                case "-n", "--dont-fork", "-G", "--no-syslog", "-R", "--dont-respawn", "-X", "--release-vips" -> {
                    // always in the foreground, never respawning: nothing to do
                }
                case "-l", "--log-console" -> logConsole = true;
                case "-D", "--log-detail" -> logDetail = true;
                case "-i", "--config-id" -> {
                    Value v = value(arg, inline, args, i);
                    configId = v.text;
                    return v.index;
                }
                case "-p", "--pid" -> {
                    Value v = value(arg, inline, args, i);
                    pidFile = Path.of(v.text);
                    return v.index;
                }
                case "-r", "--vrrp_pid", "-c", "--checkers_pid", "-S", "--log-facility" -> {
                    return value(arg, inline, args, i).index;
                }
                case "-P", "--vrrp" -> vrrpOnly = true;
                case "-C", "--check" -> checkOnly = true;
                case "-E", "--exporters-config" -> {
                    Value v = value(arg, inline, args, i);
                    exportersConfig = Path.of(v.text);
                    return v.index;
                }
                case "-I", "--dont-release-ipvs" -> dontReleaseIpvs = true;
                case "-x", "--snmp" -> snmp = true;
                case "-A", "--snmp-agent-socket" -> {
                    Value v = value(arg, inline, args, i);
                    snmpSocket = v.text();
                    return v.index();
                }
                case "-v", "--version" -> version = true;
                case "-h", "--help" -> help = true;
                default -> throw new UsageException("unrecognised option '" + arg + "'");
            }
            if (inline != null && !arg.equals("-t") && !arg.equals("--config-test")) {
                throw new UsageException("option '" + arg + "' takes no value");
            }
            return i;
        }

        private record Value(String text, int index) {
        }

        private static Value value(String arg, String inline, List<String> args, int i) throws UsageException {
            if (inline != null) {
                if (inline.isEmpty()) {
                    throw new UsageException("option '" + arg + "' requires a value");
                }
                return new Value(inline, i);
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("-")) {
                throw new UsageException("option '" + arg + "' requires a value");
            }
            return new Value(args.get(i + 1), i + 1);
        }

        CommandLine build() throws UsageException {
            if (vrrpOnly && checkOnly) {
                throw new UsageException("-P/--vrrp and -C/--check cannot be combined");
            }
            return new CommandLine(configFile, configTest, dumpConfig || (configTest && logDetail), logConsole,
                    logDetail, configId, pidFile, vrrpOnly, checkOnly, exportersConfig, dontReleaseIpvs, snmp, snmpSocket,
                    version, help);
        }
    }
}
