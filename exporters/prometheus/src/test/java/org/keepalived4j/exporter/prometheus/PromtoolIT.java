package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;

/** A live scrape of the real endpoint passes {@code promtool check metrics}. */
class PromtoolIT {

    private final PrometheusExporter exporter = new PrometheusExporter();

    @AfterEach
    void stop() {
        exporter.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no"})
    void liveScrapePassesPromtool(String legacy) throws Exception {
        ExternalProcess.require("/usr/bin/promtool");
        StateSnapshot small = SampleStates.small();
        StateSnapshot large = SampleStates.large(40, 5, 20);
        List<org.keepalived4j.model.VrrpInstanceSnapshot> instances = new java.util.ArrayList<>(small.vrrpInstances());
        instances.addAll(large.vrrpInstances());
        List<org.keepalived4j.model.VirtualServerSnapshot> servers = new java.util.ArrayList<>(small.virtualServers());
        servers.addAll(large.virtualServers());
        FakeStateView view = new FakeStateView(new StateSnapshot(small.daemon(), instances, small.syncGroups(),
                small.scripts(), servers));
        exporter.start(TestExporterContext.of(view, ManagementFactory.getPlatformMBeanServer(),
                TestSettings.block("keepalived4j_prometheus", "listen 127.0.0.1:0", "legacy_metrics " + legacy)));

        HttpResponse<String> scrape = new Http().get("http://127.0.0.1:" + exporter.port() + "/metrics", "Accept",
                "text/plain;version=0.0.4");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("keepalived_vrrp_state{", "keepalived_real_server_up{");

        ExternalProcess.Result result = ExternalProcess.run(List.of("/usr/bin/promtool", "check", "metrics"),
                scrape.body().getBytes(StandardCharsets.UTF_8));
        assertThat(result.output()).as("promtool findings").isEmpty();
        assertThat(result.exitCode()).isZero();
    }
}
