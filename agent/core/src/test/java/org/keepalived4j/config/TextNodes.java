package org.keepalived4j.config;

import java.nio.file.Path;
import java.util.List;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.config.read.ConfigReader;
import org.keepalived4j.config.read.ReaderOptions;

/**
 * Test fixture: configuration text through the real {@link ConfigReader}, for parser tests
 * that start from text. Reader diagnostics are dropped here; reader behaviour has its own tests.
 */
public final class TextNodes {

    private TextNodes() {
    }

    static List<ConfigNode> parse(String file, String text) {
        return nodes(file, text);
    }

    public static List<ConfigNode> nodes(String file, String text) {
        return ConfigReader.read(file, text, Path.of("."), new ReaderOptions("test"), new Diagnostics());
    }
}
