package org.keepalived4j.exporter.prometheus;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** HTTP basic authentication against one configured user, compared in constant time. */
final class PasswordAuthenticator extends BasicAuthenticator {

    private final byte[] user;
    private final byte[] password;

    PasswordAuthenticator(String realm, String user, String password) {
        super(realm, StandardCharsets.UTF_8);
        this.user = user.getBytes(StandardCharsets.UTF_8);
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean checkCredentials(String givenUser, String givenPassword) {
        boolean userOk = MessageDigest.isEqual(user, givenUser.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
        return userOk & passwordOk;
    }
}
