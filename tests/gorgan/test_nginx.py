"""The shipped nginx configuration (deploy/nginx): what it sends, read from the files, and how
it behaves in front of the application, run with a real nginx when one is installed."""

import http.client
import shlex
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "nginx"
SNIPPETS = "/etc/nginx/snippets/"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# --- Reading the configuration ------------------------------------------------------------


def tokens(text):
    lexer = shlex.shlex(text, posix=True, punctuation_chars=";{}")
    lexer.commenters = "#"
    lexer.escape = ""
    lexer.wordchars += "/.:$^~*\\-=[]()|?!'<>,+@&%"
    return list(lexer)


def parse(text):
    """nginx configuration text as a list of (name, args, children); includes of the shipped
    snippets are read from deploy/nginx."""
    tree, stack, words = [], [], []
    current = tree
    for token in tokens(text):
        if token == ";":
            name, *args = words
            if name == "include" and args[0].startswith(SNIPPETS):
                current.extend(parse((DEPLOY / args[0].removeprefix(SNIPPETS)).read_text()))
            else:
                current.append((name, args, None))
            words = []
        elif token == "{":
            name, *args = words
            block = (name, args, [])
            current.append(block)
            stack.append(current)
            current, words = block[2], []
        elif token == "}":
            current = stack.pop()
        else:
            words.append(token)
    return tree


def locations(tree, inherited=()):
    """{location args: (headers sent, other directives)} with add_header's inheritance rule:
    a block with add_header of its own inherits none."""
    found = {}
    for name, args, children in tree:
        if name != "location":
            continue
        own = [tuple(a) for n, a, _c in children if n == "add_header"]
        headers = own or list(inherited)
        directives = {n: a for n, a, _c in children if children is not None}
        found[" ".join(args)] = ({h[0]: h[1:] for h in headers}, directives)
        found.update(locations(children, headers))
    return found


SHIPPED = locations(parse((DEPLOY / "gorgan-locations.conf").read_text()))
HSTS = "max-age=31536000; includeSubDomains; preload"


def django_headers():
    """What Django puts on its own responses, for the files nginx serves instead."""
    assert settings.SECURE_HSTS_SECONDS == 31_536_000
    return {
        "Strict-Transport-Security": (HSTS, "always"),
        "X-Content-Type-Options": ("nosniff", "always"),
        "Referrer-Policy": (settings.SECURE_REFERRER_POLICY, "always"),
        "Cross-Origin-Resource-Policy": (settings.CROSS_ORIGIN_RESOURCE_POLICY, "always"),
        "Content-Security-Policy": ("default-src 'none'; sandbox", "always"),
    }


@pytest.mark.parametrize("location", ["/static/", "/media/", "~* \\.pdf$"])
def test_files_served_by_nginx_carry_the_headers_django_sends(location):
    headers, _directives = SHIPPED[location]

    assert {name: headers[name] for name in django_headers() if name in headers} == (
        django_headers()
    )


def test_pdf_media_are_downloads_and_agreement_files_are_not_published():
    pdf_headers, _ = SHIPPED["~* \\.pdf$"]
    _, agreements = SHIPPED["^~ /media/agreements/"]

    assert pdf_headers["Content-Disposition"] == ("attachment", "always")
    assert "Content-Disposition" not in SHIPPED["/media/"][0]
    assert agreements["return"] == ["404"]


def test_operations_guide_shows_the_shipped_file_headers():
    guide = (ROOT / "docs" / "operations.md").read_text()
    snippet = (DEPLOY / "gorgan-file-headers.conf").read_text()

    shown = [line for line in snippet.splitlines() if line.startswith("add_header")]

    assert len(shown) == len(django_headers())
    assert [line for line in shown if line not in guide] == []
    assert "location ^~ /media/agreements/" in guide


def test_proxy_buffers_hold_the_headers_of_the_longest_address_the_app_accepts():
    _headers, proxy = SHIPPED["/"]

    # A redirect's Location echoes the address; the rest of the headers stay under 4 KB.
    assert int(proxy["proxy_buffer_size"][0].removesuffix("k")) * 1024 >= (
        settings.MAX_REQUEST_URI_LENGTH + 4096
    )


# --- Running it in front of the application ------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def nginx(live_server, tmp_path, settings):
    """The shipped configuration in a scratch folder, in front of the live test server."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    port = free_port()
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "site.css").write_text("body { margin: 0; }\n")
    (tmp_path / "snippets").mkdir()
    for name in ("gorgan-http.conf", "gorgan-locations.conf", "gorgan-file-headers.conf"):
        text = (DEPLOY / name).read_text()
        text = text.replace("/var/cache/nginx/gorgan", str(tmp_path / "cache"))
        text = text.replace("server 127.0.0.1:8000;", f"server {live_server.url[7:]};")
        text = text.replace("GORGAN_ROOT/staticfiles/", f"{static}/")
        text = text.replace("GORGAN_ROOT/media/", f"{settings.MEDIA_ROOT}/")
        text = text.replace(SNIPPETS, f"{tmp_path}/snippets/")
        # Plain HTTP on a test port: pass the port on, and tell the app the scheme production has.
        text = text.replace("Host $host;", "Host $http_host;")
        text = text.replace("X-Forwarded-Proto $scheme;", "X-Forwarded-Proto https;")
        (tmp_path / "snippets" / name).write_text(text)
    temp = tmp_path / "temp"
    temp.mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"""
        daemon off;
        master_process off;
        pid {tmp_path}/nginx.pid;
        error_log {tmp_path}/error.log warn;
        events {{ worker_connections 64; }}
        http {{
            include /etc/nginx/mime.types;
            access_log off;
            client_body_temp_path {temp}/body;
            proxy_temp_path {temp}/proxy;
            fastcgi_temp_path {temp}/fastcgi;
            uwsgi_temp_path {temp}/uwsgi;
            scgi_temp_path {temp}/scgi;
            include {tmp_path}/snippets/gorgan-http.conf;
            server {{
                listen 127.0.0.1:{port};
                include {tmp_path}/snippets/gorgan-locations.conf;
            }}
        }}
        """
    )
    command = [NGINX, "-c", f"{tmp_path}/nginx.conf", "-p", f"{tmp_path}/", "-e", "stderr"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        for _attempt in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"nginx did not start: {process.stderr.read()}")
                time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # A 3,000-character address without its final slash: the app redirects (the Location
        # echoes it), then the page is not found.
        ("/fa/news/" + "%D8%B4" * 500, 301),
        ("/fa/news/" + "%D8%B4" * 500 + "/", 404),
        ("/fa/news/?before=" + "9" * 3000, 404),
        ("/fa/news/" + "x" * 5000, 414),
    ],
    ids=["redirect", "not-found", "long-query", "over-the-limit"],
)
def test_long_addresses_get_the_apps_answer_through_nginx(nginx, path, expected):
    status, headers, _body = get(nginx, path)

    assert status == expected
    if status == 301:
        assert headers["Location"] == path + "/"
        assert get(nginx, headers["Location"])[0] == 404


@pytest.mark.django_db(transaction=True)
def test_files_through_nginx_carry_the_documented_headers(nginx):
    photo = settings.MEDIA_ROOT / "releases" / "photo.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (settings.MEDIA_ROOT / "releases" / "budget.pdf").write_bytes(b"%PDF-1.7\n")
    agreement = settings.MEDIA_ROOT / "agreements" / "signed.pdf"
    agreement.parent.mkdir(parents=True, exist_ok=True)
    agreement.write_bytes(b"%PDF-1.7\n")
    expected = {name: value for name, (value, _always) in django_headers().items()}

    for path in ("/static/css/site.css", "/media/releases/photo.jpg", "/media/releases/budget.pdf"):
        status, headers, _body = get(nginx, path)
        assert status == 200, path
        assert {name: headers.get(name) for name in expected} == expected, path
    assert get(nginx, "/media/releases/budget.pdf")[1]["Content-Disposition"] == "attachment"
    assert "Content-Disposition" not in get(nginx, "/media/releases/photo.jpg")[1]
    assert get(nginx, "/media/agreements/signed.pdf")[0] == 404


@pytest.mark.django_db(transaction=True)
def test_a_body_over_the_limit_gets_the_apps_translated_page_through_nginx(nginx):
    connection = http.client.HTTPConnection("127.0.0.1", nginx, timeout=20)
    try:
        # nginx refuses on the announced length alone, before any of the body is sent.
        connection.putrequest("POST", "/fa/")
        connection.putheader("Content-Type", "application/octet-stream")
        connection.putheader("Content-Length", str(26 * 1024 * 1024))
        connection.endheaders()
        response = connection.getresponse()
        status, body = response.status, response.read().decode()
    finally:
        connection.close()

    assert status == 413
    assert '<html lang="fa" dir="rtl">' in body
    assert "۲۵٫۰" in body or "۲۵.۰" in body
