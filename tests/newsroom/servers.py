"""Real local servers for the tests of what the newsroom sends: an SMTP server that keeps
the messages it receives, and an HTTP server that answers the Bot API methods used
(``sendMessage``, ``sendPhoto``) and can be told to fail or to be slow."""

import json
import socket
import threading
import time
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """aiosmtpd handler: every message received, parsed, with its envelope recipients."""

    def __init__(self):
        self.messages = []
        self.refuse = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for recipients, message in self.messages if address in recipients]


class SMTPServer:
    def __init__(self):
        self.inbox = Inbox()
        # aiosmtpd's controller checks that it answers on the port it was given, so the
        # free port is looked up first.
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=free_port())

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    @property
    def port(self):
        return self.controller.port


class BotAPI(ThreadingHTTPServer):
    """The Bot API methods the newsroom calls. ``fail`` (an HTTP status) or ``delay``
    (seconds) per bot token let a test make one channel break while others work."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), BotAPIHandler)
        self.calls = []
        self.fail = {}
        self.delay = {}
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def posts_to(self, chat_id):
        return [call for call in self.calls if call["payload"].get("chat_id") == chat_id]


class BotAPIHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        _empty, bot, method = self.path.split("/", 2)
        token = bot.removeprefix("bot")
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        time.sleep(self.server.delay.get(token, 0))
        status = self.server.fail.get(token)
        if method not in {"sendMessage", "sendPhoto"}:
            status = 404
        if status:
            body = {"ok": False, "error_code": status, "description": "Bad Request: chat not found"}
        else:
            self.server.calls.append({"method": method, "token": token, "payload": payload})
            body = {"ok": True, "result": {"message_id": len(self.server.calls)}}
        data = json.dumps(body).encode()
        try:
            self.send_response(status or 200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a timeout test)
