package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VrrpAuthTest {

    @Test
    void padsShortPasswordsWithZeros() {
        assertThat(VrrpAuth.simplePassword("abc")).containsExactly('a', 'b', 'c', 0, 0, 0, 0, 0);
        assertThat(VrrpAuth.simplePassword("")).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void cutsPasswordsAfterEightBytesLikeKeepalived() {
        assertThat(VrrpAuth.simplePassword("0123456789")).containsExactly('0', '1', '2', '3', '4', '5', '6', '7');
    }

    @Test
    void comparesWholeArrays() {
        assertThat(VrrpAuth.constantTimeEquals(new byte[] {1, 2, 3}, new byte[] {1, 2, 3})).isTrue();
        assertThat(VrrpAuth.constantTimeEquals(new byte[] {1, 2, 3}, new byte[] {1, 2, 4})).isFalse();
        assertThat(VrrpAuth.constantTimeEquals(new byte[] {9, 2, 3}, new byte[] {1, 2, 3})).isFalse();
        assertThat(VrrpAuth.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 2, 3})).isFalse();
    }
}
