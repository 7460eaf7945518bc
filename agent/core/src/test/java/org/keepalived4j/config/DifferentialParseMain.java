package org.keepalived4j.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.config.read.ConfigReader;
import org.keepalived4j.config.read.ReaderOptions;

/**
 * Parses one configuration file with the machine it runs on ({@link LocalSystemProbe}) and
 * prints each diagnostic, then {@code CLEAN} or {@code UNCLEAN}: the differential test runs it
 * inside a network namespace, where keepalived's own {@code -t} runs too.
 */
public final class DifferentialParseMain {

    private DifferentialParseMain() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigNode> tree = ConfigReader.read(file, ReaderOptions.defaults(), diagnostics);
        ConfigResult result = new KeepalivedConfigParser(new LocalSystemProbe()).parse(tree, diagnostics);
        result.diagnostics().forEach(System.out::println);
        System.out.println(result.clean() ? "CLEAN" : "UNCLEAN");
    }
}
