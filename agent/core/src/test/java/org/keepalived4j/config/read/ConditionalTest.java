package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code @ID} and {@code @^ID} lines, checked with keepalived 2.2.7 and its {@code -i} option. */
class ConditionalTest {

    private static final String LINES = """
            @vm c1
            @other c2
            @^vm c3
            @^other c4
            @vm
            @vm\tc5tab
            @vmx c6
            @ c7
            @^ c8
            x @vm c9
            @vm $Q=defined
            q:$Q
            @vm @vm c12
            """;

    @Test
    void aLineIsUsedOnlyWhenTheIdMatches() {
        // keepalived 2.2.7 -i vm: c1 c4 c5tab c8 x @vm c9 q:defined @vm c12.
        assertThat(ReaderFixture.read(LINES, Path.of(""), "vm").words())
                .containsExactly("c1", "c4", "c5tab", "c8", "x", "@vm", "c9", "q:defined", "@vm", "c12");
    }

    @Test
    void aNegatedLineIsUsedOnlyWhenTheIdDiffers() {
        // keepalived 2.2.7 -i other: c2 c3 c8 x @vm c9 q:$Q.
        assertThat(ReaderFixture.read(LINES, Path.of(""), "other").words())
                .containsExactly("c2", "c3", "c8", "x", "@vm", "c9", "q:$Q");
    }

    @Test
    void withoutAConfigIdEveryConditionFailsAndEveryNegationHolds() {
        assertThat(ReaderFixture.read("@a x\n@^a y\n", Path.of(""), null).words()).containsExactly("y");
    }

    @Test
    void aConditionProducedBySubstitutionIsApplied() {
        // As keepalived.conf(5) documents ("$IF_MAIN priority 240"). keepalived 2.2.7 itself gets
        // this wrong: it moves the rest of the line with a stale length (giving "c10 c10" for
        // id "vm", or the line unchanged for a longer id), so here the documented meaning is used.
        String text = "$IF_MAIN=@main\n$IF_MAIN priority 240\n$IF_NOT=@^main\n$IF_NOT priority 100\n";

        assertThat(ReaderFixture.read(text, Path.of(""), "main").render()).isEqualTo("priority|240\n");
        assertThat(ReaderFixture.read(text, Path.of(""), "backup").render()).isEqualTo("priority|100\n");
    }

    @Test
    void theManualsExample() {
        String text = """
                global_defs {
                    @main   router_id main_router
                    @backup router_id backup_router
                }
                vrrp_instance VRRP {
                    @main    unicast_src_ip 1.2.3.4
                    @backup  unicast_src_ip 1.2.3.5
                    @backup2 unicast_src_ip 1.2.3.6
                    unicast_peer {
                        @^main    1.2.3.4
                        @^backup  1.2.3.5
                        @^backup2 1.2.3.6
                    }
                }
                """;

        assertThat(ReaderFixture.read(text, Path.of(""), "main").render()).isEqualTo("""
                global_defs
                  router_id|main_router
                vrrp_instance|VRRP
                  unicast_src_ip|1.2.3.4
                  unicast_peer
                    1.2.3.5
                    1.2.3.6
                """);
        assertThat(ReaderFixture.read(text, Path.of(""), "other").render()).isEqualTo("""
                global_defs
                vrrp_instance|VRRP
                  unicast_peer
                    1.2.3.4
                    1.2.3.5
                    1.2.3.6
                """);
    }
}
