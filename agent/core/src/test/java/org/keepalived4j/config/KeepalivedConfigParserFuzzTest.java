package org.keepalived4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.config.read.ConfigReader;
import org.keepalived4j.config.read.ReaderOptions;

/**
 * Arbitrary text, read into lines and blocks and parsed, never makes the parser throw: every
 * problem ends up as a diagnostic and a configuration is always produced. Runs the regression
 * inputs under {@code KeepalivedConfigParserFuzzTestInputs/parsesAnything/} in normal builds
 * (ours, and every file of keepalived's test-config corpus, which the build copies there from
 * {@code keepalived4j.corpus}); {@code JAZZER_FUZZ=1} fuzzes from them as seeds.
 */
class KeepalivedConfigParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parsesAnything(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        FakeSystemProbe probe = FakeSystemProbe.withInterfaces("eth0", "eth1");
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigNode> nodes = ConfigReader.read("fuzz.conf", text, java.nio.file.Path.of("/nonexistent-fuzz-dir"),
                new ReaderOptions("fuzz"), diagnostics);
        ConfigResult result = new KeepalivedConfigParser(probe).parse(nodes, diagnostics);
        assertThat(result.config()).isNotNull();
        ConfigDumper.dump(result.config());
    }
}
