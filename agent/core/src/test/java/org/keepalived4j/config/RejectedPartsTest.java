package org.keepalived4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which diagnostics say that part of a file was lost: what a reload must not apply silently. */
class RejectedPartsTest {

    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 51
                priority 100
                advert_int 1
                virtual_ipaddress {
                    %s
                }
            }
            """;

    private static List<Diagnostic> rejected(String text) {
        return Parsing.parse(text).diagnostics().stream().filter(Diagnostic::rejectsPart).toList();
    }

    @Test
    void aCleanFileRejectsNothing() {
        assertThat(rejected(INSTANCE.formatted("10.0.0.100/24"))).isEmpty();
    }

    @Test
    void aTruncatedAddressIsRejected() {
        assertThat(rejected(INSTANCE.formatted("10."))).isNotEmpty();
    }

    @Test
    void aStrayClosingBraceIsRejected() {
        String text = INSTANCE.formatted("10.0.0.100/24").replace("advert_int 1", "advert_int 1\n}");
        assertThat(rejected(text)).extracting(Diagnostic::message).contains("Unknown keyword 'virtual_ipaddress'");
    }

    @Test
    void garbageIsRejectedAsUnknownKeywords() {
        List<Diagnostic> found = rejected("Zm9vYmFy/+qweR\nkjh23 lkj\n");
        assertThat(found).hasSize(2).allSatisfy(d -> assertThat(d.kind()).isEqualTo(Diagnostic.Kind.UNKNOWN_KEYWORD));
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aDeprecatedSpellingIsOnlyAWarning() {
        String text = INSTANCE.formatted("10.0.0.100/24").replace("advert_int 1",
                "advert_int 1\n    authentication {\n        auth_type PASS\n        auth_pass 123456789\n    }");
        List<Diagnostic> all = Parsing.parse(text).diagnostics();
        assertThat(all).isNotEmpty();
        assertThat(rejected(text)).isEmpty();
    }
}
