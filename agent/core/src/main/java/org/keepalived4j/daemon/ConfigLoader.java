package org.keepalived4j.daemon;

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
 * Reads keepalived.conf (and, with {@code -E}, a separate file of keepalived4j blocks) into one
 * {@link ConfigResult}.
 */
final class ConfigLoader {

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
        if (cli.exportersConfig() == null) {
            return main;
        }
        return withExtensions(main, cli.exportersConfig(), options, diagnostics);
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
