"""Upload one large picture through the admin and watch the memory of the processes involved.

Run by bench/upload.sh with the production environment set; arguments: the server's address
(host:port), the web worker's pid, the task worker's pid (or 0), a session key of a superuser.
Prints one line per measurement.
"""

import http.client
import os
import re
import sys
import threading
import time
import uuid
from io import BytesIO

import django
from PIL import Image

SIZE = (7716, 5144)  # 39.7 megapixels


def memory(pid):
    """(RSS, peak RSS) of ``pid`` in MB."""
    with open(f"/proc/{pid}/status") as status:
        values = dict(line.split(":", 1) for line in status)
    return tuple(int(values[key].split()[0]) // 1024 for key in ("VmRSS", "VmHWM"))


def big_png():
    buffer = BytesIO()
    Image.new("RGB", SIZE, (40, 110, 60)).save(buffer, "PNG", compress_level=9)
    return buffer.getvalue()


class Session:
    def __init__(self, address, session_key):
        self.address = address
        self.cookies = {"sessionid": session_key, "django_language": "en"}

    def request(self, method, path, body=None, headers=None):
        host, port = self.address.split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=120)
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        headers = {
            "Host": self.address,
            "X-Forwarded-Proto": "https",
            "Cookie": cookie,
            **(headers or {}),
        }
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, content


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        parts.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    for name, (filename, data, content_type) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def main():
    address, web_pid, task_pid, session_key = sys.argv[1], *map(int, sys.argv[2:4]), sys.argv[4]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gorgan.settings.prod")
    django.setup()
    from newsroom.models import Image as LibraryImage

    data = big_png()
    session = Session(address, session_key)
    add_path = "/admin/newsroom/image/add/?language=fa"
    status, form = session.request("GET", add_path)
    assert status == 200, status
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1).decode()
    body, content_type = multipart(
        {"csrfmiddlewaretoken": token, "alt_text": "نقشه", "caption": "", "credit": ""},
        {"file": ("plan.png", data, "image/png")},
    )
    LibraryImage.objects.all().delete()
    print(f"picture: {SIZE[0]}×{SIZE[1]} PNG, {len(data) // 1024} KB")
    print(f"web worker before: {memory(web_pid)[0]} MB")
    if task_pid:
        print(f"task worker before: {memory(task_pid)[0]} MB")

    started = time.monotonic()
    status, _content = session.request(
        "POST",
        add_path,
        body,
        {
            "Content-Type": content_type,
            "Origin": f"https://{address}",
            "Referer": f"https://{address}{add_path}",
        },
    )
    request_seconds = time.monotonic() - started
    assert status == 302, f"upload answered {status}"
    print(f"upload request: {request_seconds:.2f} s (status {status})")
    time.sleep(1)
    rss, peak = memory(web_pid)
    print(f"web worker after: {rss} MB (peak {peak} MB)")

    deadline = time.monotonic() + 120
    while not LibraryImage.objects.exclude(rendition_widths=[]).exists():
        if time.monotonic() > deadline:
            sys.exit("renditions not made within 120 s: is the task worker running?")
        threading.Event().wait(0.2)
    print(f"renditions ready: {time.monotonic() - started:.2f} s after the upload started")
    if task_pid:
        time.sleep(1)
        rss, peak = memory(task_pid)
        print(f"task worker after: {rss} MB (peak {peak} MB)")


if __name__ == "__main__":
    main()
