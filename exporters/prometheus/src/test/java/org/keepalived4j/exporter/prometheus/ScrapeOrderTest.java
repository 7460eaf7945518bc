package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.AddressSettings;

class ScrapeOrderTest {

    private static AddressSettings address(String value, int prefix) {
        return new AddressSettings(1, value, prefix, false, null, null, null, null, null, true);
    }

    @Test
    void comparesAddressesAsTheirTextWithoutBuildingIt() {
        List<String> values = List.of("", "1", "10.0.0.1", "10.0.0.10", "10.0.0.1/2", "10.0.0.12", "fd00::1",
                "\u00fc", "10.0.0.1/24");
        int[] prefixes = {0, 1, 2, 8, 9, 10, 24, 32, 64, 128, 100, -1, -24, Integer.MAX_VALUE, Integer.MIN_VALUE};
        Random random = new Random(3);
        for (int n = 0; n < 20_000; n++) {
            AddressSettings a = address(values.get(random.nextInt(values.size())),
                    prefixes[random.nextInt(prefixes.length)]);
            AddressSettings b = address(values.get(random.nextInt(values.size())),
                    prefixes[random.nextInt(prefixes.length)]);
            assertThat(Integer.signum(ScrapeOrder.compareAddress(a, b)))
                    .as("%s vs %s", a.address(), b.address())
                    .isEqualTo(Integer.signum(a.address().compareTo(b.address())));
        }
    }
}
