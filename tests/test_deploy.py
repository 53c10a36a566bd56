"""The manual's production set-up (docs/web.md, Production), run as written: gunicorn on loopback with AQYL_PUBLIC_URL set,
Debian's nginx in front with deploy/nginx/aqyl.conf and a throwaway self-signed certificate, and
Chromium signing in through it. scripts/test.sh installs nginx and openssl, so CI runs this."""

import json
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MANUAL = (REPO / "docs" / "web.md").read_text("utf-8")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHROMIUM = Path("/usr/bin/chromium")
BIN = Path(sys.executable).parent
needed = [p for p in (NGINX, "/usr/bin/openssl", str(CHROMIUM)) if not Path(p).exists()]
# On a developer's machine without them the test is skipped; in CI (scripts/test.sh installs them) it must run.
pytestmark = pytest.mark.skipif(bool(needed) and not os.environ.get("CI"), reason=f"not installed: {needed}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_lines() -> list[str]:
    block = MANUAL.split("\n## Production\n", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line for line in block.strip().splitlines() if line and not line.startswith("#")]


def readme_command(prefix: str, port: int) -> list[str]:
    """The manual's command starting with ``prefix``, run from this test's virtualenv and port."""
    [line] = [x for x in production_lines() if f".venv/bin/{prefix}" in x]
    words = shlex.split(line.replace("127.0.0.1:8000", f"127.0.0.1:{port}"))
    env_words = [w for w in words if re.fullmatch(r"[A-Z_]+=.*", w)]
    words = words[len(env_words):]
    return [str(BIN / words[0].removeprefix(".venv/bin/")), *words[1:]]


def wait_for(url: str, context=None, seconds: float = 60) -> int:
    """The status of ``url`` once something answers it (a 502 means nginx is up, gunicorn not yet)."""
    deadline = time.time() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, context=context, timeout=5) as r:
                status = r.status
        except urllib.error.HTTPError as error:
            status = error.code
        except (TimeoutError, urllib.error.URLError, ConnectionError):
            status = None
        if (status is not None and status != 502) or time.time() > deadline:
            return status
        time.sleep(0.3)


@pytest.fixture
def deployment(tmp_path):
    https_port, http_port, app_port = free_port(), free_port(), free_port()
    public = f"https://localhost:{https_port}"
    exported = dict(re.findall(r"\b(AQYL_[A-Z_]+)=(\S+)", "\n".join(x for x in production_lines() if x.startswith("export"))))
    assert set(exported) == {"AQYL_PUBLIC_URL", "AQYL_TRUSTED_PROXIES", "AQYL_DATA_DIR", "AQYL_DATABASE_URL",
                             "AQYL_SECRET_KEY"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("AQYL_") and k != "DJANGO_SETTINGS_MODULE"} | exported | {
        "AQYL_PUBLIC_URL": public, "AQYL_DATA_DIR": str(tmp_path / "data"),
        "AQYL_DATABASE_URL": f"sqlite:///{tmp_path / 'aqyl.sqlite3'}", "AQYL_SECRET_KEY": "t" * 60,
        "PYTHONPATH": str(REPO / "src"), "DJANGO_SUPERUSER_PASSWORD": "admin-password-1"}
    run = lambda cmd: subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, timeout=300)  # noqa: E731
    run(readme_command("aqyl db", app_port))
    run(readme_command("django-admin createsuperuser", app_port))
    run([str(BIN / "aqyl"), "demo"])  # something for the dashboard to draw (and the demo's users)

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    site = (REPO / "deploy/nginx/aqyl.conf").read_text()
    for old, new in (("https://aqyl.example.kz$request_uri", public + "$request_uri"), ("aqyl.example.kz", "localhost"), ("listen 443 ", f"listen 127.0.0.1:{https_port} "),
                     ("listen 80;", f"listen 127.0.0.1:{http_port};"), ("127.0.0.1:8000", f"127.0.0.1:{app_port}"),
                     ("/etc/ssl/certs/localhost.pem", str(cert)), ("/etc/ssl/private/localhost.key", str(key))):
        assert old in site, old
        site = site.replace(old, new)
    (tmp_path / "aqyl.conf").write_text(site)
    temp = {name: tmp_path / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    (tmp_path / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off; worker_processes 1; pid {tmp_path}/nginx.pid; error_log {tmp_path}/nginx-error.log;\n"
        + "events {}\nhttp {\n"
        + f"  access_log {tmp_path}/nginx-access.log;\n"
        + "".join(f"  {n}_temp_path {p};\n" for n, p in temp.items()).replace("body_temp", "client_body_temp")
        + f"  include {tmp_path}/aqyl.conf;\n}}\n")

    with (tmp_path / "gunicorn.log").open("w") as log:  # the child keeps its own copy of the descriptor
        gunicorn = subprocess.Popen(readme_command("gunicorn", app_port), env=env, stdout=subprocess.DEVNULL, stderr=log)
    with (tmp_path / "nginx.log").open("w") as log:
        nginx = subprocess.Popen([NGINX, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)], stderr=log)
    insecure = ssl.create_default_context()
    insecure.check_hostname, insecure.verify_mode = False, ssl.CERT_NONE
    try:
        assert wait_for(f"{public}/healthz", insecure) == 200, (tmp_path / "gunicorn.log").read_text()
        yield {"public": public, "http": f"http://127.0.0.1:{http_port}", "app": f"http://127.0.0.1:{app_port}",
               "context": insecure, "env": env, "tmp": tmp_path}
    finally:
        for process in (nginx, gunicorn):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "message"), [
    ("kk", "Сұрау мекенжайы тым ұзын: іздеу мәтіні немесе сүзгілер тым көп. Оларды қысқартып, қайталап көріңіз."),
    ("en", "The address of the request is too long: the search text or the filters are too long. "
           "Shorten them and try again."),
])
def test_a_long_address_through_nginx_gets_the_applications_page(deployment, lang, message):
    """No nginx 502 (a sign-in redirect's Location over the proxy buffer) and no English "URI Too
    Long" from gunicorn or nginx: the application's own page, in the cookie's language."""
    from urllib.parse import quote

    public, context = deployment["public"], deployment["context"]

    def get(path: str) -> tuple[int, str, str]:
        request = urllib.request.Request(public + path, headers={"Cookie": f"aqyl_lang={lang}"})
        try:
            with urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context)).open(
                    request, timeout=30) as r:
                return r.status, r.headers.get("Location", ""), r.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()

    assert get("/records/?q=" + quote("Қ" * 300))[:2] == (302, "/login/?next=/records/")
    for letters in (400, 800):  # over the application's limit, over gunicorn's
        status, _, page = get("/records/?q=" + quote("Қ" * letters))
        assert status == 414 and f'<p class="error" role="alert">{message}</p>' in page, letters
    # Over nginx's header buffer: no header (no cookie) was read, so the page is in Kazakh, the default.
    status, _, page = get("/records/?q=" + quote("Қ" * 3000))
    assert status == 414 and '<p class="error" role="alert">Сұрау мекенжайы тым ұзын:' in page


@pytest.mark.slow
def test_sign_in_through_nginx_and_gunicorn_in_chromium(deployment):
    from playwright.sync_api import sync_playwright

    public = deployment["public"]
    # Plain HTTP: sent to HTTPS by nginx; gunicorn's /healthz answers a load balancer directly.
    with pytest.raises(urllib.error.HTTPError) as moved:
        urllib.request.build_opener(NoRedirect).open(deployment["http"] + "/login/", timeout=10)
    assert moved.value.code == 301 and moved.value.headers["Location"] == public + "/login/"  # the port kept
    direct = urllib.request.Request(deployment["app"] + "/healthz", headers={"Host": "localhost"})
    with urllib.request.urlopen(direct, timeout=10) as direct:
        assert json.load(direct) == {"status": "ok", "database": "ok"}

    violations = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(ignore_https_errors=True, viewport={"width": 1300, "height": 900})
        page = context.new_page()
        page.set_default_timeout(120_000)  # the suite shares two cores: a slow page is not a broken one
        page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        first = page.goto(public + "/login/")
        h = first.all_headers()
        assert h["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
        assert h["content-security-policy"].startswith("default-src 'self'; script-src 'self';")
        assert h["server"] == "nginx" and "x-powered-by" not in h
        assert re.fullmatch(r"[0-9a-f]{32}", h["x-request-id"])  # nginx's $request_id, passed through
        page.fill("input[name=username]", "analyst")
        page.fill("input[name=password]", "aqyl-demo")
        page.click("button.primary")
        page.wait_for_url("**/dashboard/")
        assert "Басқару тақтасы" in page.inner_text("header")
        page.wait_for_selector("#by_country svg", timeout=30000)  # the charts' scripts ran under the CSP
        assert "Өзбекстан" in page.inner_text("#by_country") and not errors
        cookies = {c["name"]: c for c in context.cookies()}
        assert cookies["sessionid"]["secure"] and cookies["sessionid"]["httpOnly"]
        assert cookies["csrftoken"]["secure"]
        page.click("form.lang button[value=ru]")  # the language switch is a POST form
        page.wait_for_url("**/dashboard/")
        assert "Панель" in page.inner_text("header")
        for path in ("/records/?period=1e9&page=-1&country=%00", "/records/new/?version=abc&period=1900H1",
                     "/submissions/?period=9999999999H1", "/reports/?x=" + "y" * 3000, "/upload/?confirm=..%2F",
                     "/api/aggregates?period=1900H1", "/api/records?limit=1e9", "/account/2fa/?next=//evil"):
            assert page.request.get(public + path).status < 500, path
        browser.close()
    assert not violations, violations
    log = deployment["tmp"] / "data" / "logs" / "aqyl.log"
    assert log.exists()


def test_healthz_is_503_when_the_database_is_down(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("AQYL_") and k != "DJANGO_SETTINGS_MODULE"} | {
        "AQYL_DATA_DIR": str(tmp_path), "AQYL_DATABASE_URL": f"postgresql://nobody@127.0.0.1:{free_port()}/none",
        "PYTHONPATH": str(REPO / "src")}
    gunicorn = subprocess.Popen(readme_command("gunicorn", port), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    try:
        assert wait_for(f"http://127.0.0.1:{port}/healthz") == 503
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=20)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
