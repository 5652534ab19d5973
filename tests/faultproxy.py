"""A TCP proxy that can pass, refuse, delay or black-hole connections to a service.

Runs in the calling process on threads, so tests and the fault drill need nothing else. Every
blocking call has a timeout and ``stop()`` closes every socket, so a test that forgets to
restore a fault still ends.

Modes, switched at any time with ``set_mode()``; existing connections follow the switch:

- ``pass``: bytes flow both ways;
- ``refuse``: nothing listens on the port (connections are refused) and open connections are
  closed, as when the service has stopped;
- ``delay``: each chunk is held ``delay`` seconds before it is forwarded (a slow network);
- ``blackhole``: connections are accepted and bytes are held, never forwarded, as when the
  service's host stops answering without closing anything. Passing again releases them.
"""

import contextlib
import socket
import threading
import time

PASS, REFUSE, DELAY, BLACKHOLE = "pass", "refuse", "delay", "blackhole"
POLL_SECONDS = 0.05
# How long a connection waits for bytes before checking whether the proxy was stopped.
IO_TIMEOUT_SECONDS = 1.0


class FaultProxy:
    def __init__(self, target_host, target_port, *, host="127.0.0.1", port=0, delay=1.0):
        self.target = (target_host, int(target_port))
        self.host = host
        self.port = port
        self.delay = delay
        self.mode = PASS
        self.changed = threading.Condition()
        self.listener = None
        self.sockets = set()
        self.lock = threading.Lock()
        self.running = False
        self.connections_accepted = 0

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def address(self):
        return f"{self.host}:{self.port}"

    def start(self):
        self.running = True
        self._listen()
        return self

    def stop(self):
        self.running = False
        self._close_listener()
        self._close_all()
        with self.changed:
            self.changed.notify_all()

    def set_mode(self, mode, delay=None):
        """Switch to ``mode`` (``pass``, ``refuse``, ``delay`` or ``blackhole``)."""
        if delay is not None:
            self.delay = delay
        with self.changed:
            self.mode = mode
            self.changed.notify_all()
        if mode == REFUSE:
            self._close_listener()
            self._close_all()
        elif self.listener is None and self.running:
            self._listen()

    def _listen(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(64)
        listener.settimeout(POLL_SECONDS)
        self.port = listener.getsockname()[1]
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _close_listener(self):
        listener, self.listener = self.listener, None
        if listener is not None:
            listener.close()

    def _accept(self, listener):
        while self.running and self.listener is listener:
            try:
                client, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections_accepted += 1
            client.settimeout(IO_TIMEOUT_SECONDS)
            self._track(client)
            threading.Thread(target=self._connect, args=(client,), daemon=True).start()

    def _connect(self, client):
        if not self._wait_while_blackholed():
            self._close(client)
            return
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            self._close(client)
            return
        upstream.settimeout(IO_TIMEOUT_SECONDS)
        self._track(upstream)
        threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
        self._pipe(upstream, client)

    def _wait_while_blackholed(self):
        """Hold on while black-holed; False once the proxy stops or refuses."""
        with self.changed:
            while self.running and self.mode == BLACKHOLE:
                self.changed.wait(POLL_SECONDS)
            return self.running and self.mode != REFUSE

    def _pipe(self, source, destination):
        try:
            while self.running:
                try:
                    chunk = source.recv(65536)
                except TimeoutError:
                    continue
                if not chunk:
                    break
                if not self._wait_while_blackholed():
                    break
                if self.mode == DELAY:
                    time.sleep(self.delay)
                destination.sendall(chunk)
        except OSError:
            pass
        finally:
            self._close(source)
            self._close(destination)

    def _close_all(self):
        with self.lock:
            open_sockets = list(self.sockets)
        for sock in open_sockets:
            self._close(sock)

    def _track(self, sock):
        with self.lock:
            self.sockets.add(sock)

    def _close(self, sock):
        with self.lock:
            self.sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
