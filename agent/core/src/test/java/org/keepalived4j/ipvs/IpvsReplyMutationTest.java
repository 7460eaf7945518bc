package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.HexBytes;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkMessage;
import org.keepalived4j.linux.NetlinkMessages;
import org.keepalived4j.linux.NetlinkReplies;

/**
 * Damaged kernel replies (bit flips, overwritten lengths, truncation) read the way the client
 * reads them — framing and error decoding by the netlink codec, then the IPVS parser — must be
 * rejected as malformed or parsed, never crash the reader with another exception.
 */
class IpvsReplyMutationTest {

    private static final int MUTATIONS = 3000;

    @Test
    void damagedRepliesAreMalformedOrParsedNeverACrash() {
        List<byte[]> golden = List.of(GoldenReplies.serviceDump(5), GoldenReplies.destinationDump(5),
                NetlinkReplies.ipvsFamily(5), GoldenReplies.info(5), GoldenReplies.error(5, 17),
                HexBytes.hex("38000000 0200 0002 05000000 34120000 eaffffff",
                        "14000000 1b00 0500 05000000 00000000 0f010000 0d00 0100 62616420 61747472 00 000000"));
        Random random = new Random(20240611L);
        for (byte[] original : golden) {
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] damaged = mutate(original, random);
                assertThatCode(() -> read(damaged)).as("input %s", HexBytes.hexOf(damaged)).doesNotThrowAnyException();
            }
        }
    }

    private static void read(byte[] datagram) {
        IpvsReplyParser parser = new IpvsReplyParser();
        List<NetlinkMessage> messages = NetlinkMessages.split(ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN));
        for (NetlinkMessage message : messages) {
            if (message.type() == Netlink.NLMSG_ERROR && message.payload().remaining() >= 4) {
                NetlinkMessages.toException("request", message);
                continue;
            }
            try {
                parser.service(message);
            } catch (MalformedReplyException expected) {
                // not a service
            }
            try {
                parser.destination(message, true);
            } catch (MalformedReplyException expected) {
                // not a destination
            }
        }
        try {
            parser.info(messages);
        } catch (MalformedReplyException expected) {
            // not an info reply
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] copy = Arrays.copyOf(original, original.length);
        switch (random.nextInt(4)) {
            case 0:
                copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                return copy;
            case 1: {
                int at = random.nextInt(copy.length - 1);
                copy[at] = (byte) random.nextInt(256);
                copy[at + 1] = (byte) random.nextInt(256);
                return copy;
            }
            case 2:
                return Arrays.copyOf(copy, random.nextInt(copy.length));
            default: {
                int at = random.nextInt(Math.max(1, copy.length - 4)) & ~3;
                int value = random.nextInt();
                for (int b = 0; b < 4 && at + b < copy.length; b++) {
                    copy[at + b] = (byte) (value >>> (8 * b));
                }
                return copy;
            }
        }
    }
}
