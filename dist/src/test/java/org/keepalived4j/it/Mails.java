package org.keepalived4j.it;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mail as a client that drops repeated Message-IDs sees it: alert mail is delivered at least
 * once, and a mail the server took while the sender gave up waiting for its answer comes again
 * with the same Message-ID.
 */
final class Mails {

    /** One part of a mail. */
    interface Part {
        String of(MimeMessage m) throws MessagingException;
    }

    private Mails() {
    }

    /** The mails whose Message-ID is not in {@code seen}, each Message-ID once, in the order received. */
    static List<MimeMessage> fresh(MimeMessage[] received, Set<String> seen) {
        List<MimeMessage> out = new ArrayList<>();
        Set<String> ids = new HashSet<>(seen);
        for (MimeMessage m : received) {
            if (ids.add(part(m, MimeMessage::getMessageID))) {
                out.add(m);
            }
        }
        return out;
    }

    /** This part of each mail, in order. */
    static List<String> each(List<MimeMessage> mails, Part part) {
        return mails.stream().map(m -> part(m, part)).toList();
    }

    private static String part(MimeMessage m, Part part) {
        try {
            return part.of(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
