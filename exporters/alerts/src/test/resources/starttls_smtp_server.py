"""A real SMTP server for the tests: aiosmtpd (Debian's python3-aiosmtpd) with STARTTLS
required before AUTH and before mail, one user, and each message written to OUT_DIR as
N.eml with a first line "X-Test-Session: user=USER tls=yes|no".

usage: starttls_smtp_server.py PORT CERT KEY USER PASSWORD OUT_DIR
Prints "ready" once it listens; stops on SIGTERM.
"""
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, cert, key, user, password, out_dir = sys.argv[1:7]
count = 0


class Store:
    async def handle_DATA(self, server, session, envelope):
        global count
        count += 1
        login = session.auth_data if isinstance(session.auth_data, str) else "-"
        tls = "yes" if session.ssl is not None else "no"
        path = os.path.join(out_dir, "%d.eml" % count)
        with open(path + ".tmp", "wb") as f:
            f.write(("X-Test-Session: user=%s tls=%s\r\n" % (login, tls)).encode())
            f.write(envelope.original_content)
        os.rename(path + ".tmp", path)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
        and auth_data.password.decode() == password
    if not ok:
        return AuthResult(success=False, handled=False)  # smtp_AUTH answers 535
    return AuthResult(success=True, auth_data=auth_data.login.decode())


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Store(), hostname="127.0.0.1", port=int(port), tls_context=context,
                        require_starttls=True, authenticator=authenticate, auth_require_tls=True,
                        auth_required=True)
controller.start()
print("ready", flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
stop.wait()
controller.stop()
