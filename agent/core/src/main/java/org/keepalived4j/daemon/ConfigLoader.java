package org.keepalived4j.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.KeepalivedConfigParser;
import org.keepalived4j.config.OtherNamespaceProbe;
import org.keepalived4j.config.Severity;
import org.keepalived4j.config.SystemProbe;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.config.read.ConfigReader;
import org.keepalived4j.config.read.ReaderOptions;
import org.keepalived4j.model.Settings;

/**
 * Reads keepalived.conf and the file of keepalived4j's own blocks ({@code -E}, else
 * keepalived4j.conf beside keepalived.conf when it exists) into one {@link ConfigResult}.
 */
final class ConfigLoader {

    /** The name of the file of keepalived4j's own blocks read beside the main configuration. */
    static final String OWN_SETTINGS = "keepalived4j.conf";

    private final SystemProbe probe;

    ConfigLoader(SystemProbe probe) {
        this.probe = probe;
    }

    ConfigResult load(CommandLine cli) {
        ReaderOptions options = cli.configId() != null ? new ReaderOptions(cli.configId()) : ReaderOptions.defaults();
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigNode> nodes = ConfigReader.read(cli.configFile(), options, diagnostics);
        List<Diagnostic> read = diagnostics.all();
        ConfigResult main = new KeepalivedConfigParser(probe).parse(nodes, diagnostics);
        String namespace = main.config().global().netNamespace();
        if (namespace != null && (cli.configTest() || cli.dumpConfig())) {
            // -t does not enter the namespace: the interfaces named are those of that namespace
            diagnostics = new Diagnostics();
            read.forEach(diagnostics::add);
            diagnostics.notCounted(null, Severity.WARNING, "net_namespace " + namespace
                    + ": interfaces are not checked (they are those of that namespace)");
            main = new KeepalivedConfigParser(new OtherNamespaceProbe(probe)).parse(nodes, diagnostics);
        }
        Path own = ownSettings(cli);
        if (own == null) {
            return main;
        }
        return withExtensions(main, own, options, diagnostics);
    }

    /**
     * The file of keepalived4j's own blocks: the one {@code -E} names, else
     * {@value #OWN_SETTINGS} beside the main configuration file when there is one (so that
     * keepalived.conf keeps only what keepalived reads), else none.
     */
    static Path ownSettings(CommandLine cli) {
        if (cli.exportersConfig() != null) {
            return cli.exportersConfig();
        }
        Path main = cli.configFile().toAbsolutePath().normalize();
        Path beside = main.resolveSibling(OWN_SETTINGS);
        return !beside.equals(main) && Files.isRegularFile(beside) ? beside : null;
    }

    private ConfigResult withExtensions(ConfigResult main, Path file, ReaderOptions options, Diagnostics diagnostics) {
        List<ConfigNode> nodes = ConfigReader.read(file, options, diagnostics);
        ConfigResult extra = new KeepalivedConfigParser(probe).parse(nodes, diagnostics);
        Map<String, Settings> extensions = new HashMap<>(main.config().extensions());
        extensions.putAll(extra.config().extensions());
        KeepalivedConfig c = main.config().withExtensions(extensions);
        return new ConfigResult(c, diagnostics.all());
    }
}
