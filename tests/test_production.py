"""Production hardening: `check --deploy` clean from one variable, security headers and a CSP with
no inline script, the application's own error pages (logged, with a request id), no 500 on any
page whatever its parameters, state changes only by POST, expiring and revocable tokens, login
limits per address (the proxy's forwarded address only when trusted), TOTP, upload retention,
/healthz, and backup → restore → the same report."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from tests.test_web import client_for, demo  # noqa: F401  (the fixture)

from aqyl.domain.wording.interface import ui
from aqyl.store import models as m

pytestmark = pytest.mark.django_db
SRC = str(Path(__file__).resolve().parents[1] / "src")


def _check_deploy(tmp_path, **env) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("AQYL_")}
    return subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                          capture_output=True, text=True, timeout=120,
                          env=base | {"DJANGO_SETTINGS_MODULE": "aqyl.web.settings", "PYTHONPATH": SRC,
                                      "AQYL_DATA_DIR": str(tmp_path)} | env)


def test_one_public_url_makes_check_deploy_clean(tmp_path):
    plain = _check_deploy(tmp_path)
    assert plain.returncode != 0
    assert {"security.W004", "security.W008", "security.W012", "security.W016"} <= set(
        re.findall(r"security\.W\d+", plain.stderr + plain.stdout))
    public = _check_deploy(tmp_path, AQYL_PUBLIC_URL="https://aqyl.example.kz")
    assert public.returncode == 0, public.stderr + public.stdout
    assert "no issues" in public.stdout


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def test_security_headers_and_no_inline_script_on_any_page(demo):  # noqa: F811
    client = client_for("admin")
    pk = m.MobilityRecord.objects.filter(hei__code="KAZNU").first().pk
    for path in ["/login/", "/dashboard/", "/upload/", "/records/", "/records/new/", f"/records/{pk}/edit/",
                 "/submissions/", "/reports/", "/account/2fa/", "/nowhere/"]:
        response = client.get(path)
        assert response.status_code in (200, 302, 404), path
        h = response.headers
        assert h["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self';"), path
        assert "unsafe-inline" not in h["Content-Security-Policy"].split("script-src", 1)[1].split(";")[0]
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
        assert h["X-Content-Type-Options"] == "nosniff" and h["X-Frame-Options"] == "DENY"
        assert h["Referrer-Policy"] == "same-origin" and h["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in h["Permissions-Policy"] and re.fullmatch(r"[0-9a-f]{16}", h["X-Request-ID"])
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html))
        assert not INLINE_HANDLER.search(html), (path, INLINE_HANDLER.search(html))


def test_an_unhandled_error_is_logged_with_the_id_the_page_shows(demo, monkeypatch, settings):  # noqa: F811
    import aqyl.web.views.dashboard

    def broken():
        raise RuntimeError("the register is on fire")

    monkeypatch.setattr(aqyl.web.views.dashboard, "periods", broken)
    client = client_for("analyst")
    client.raise_request_exception = False
    client.cookies["aqyl_lang"] = "ru"
    response = client.get("/dashboard/")
    assert response.status_code == 500
    html = response.content.decode()
    rid = response.headers["X-Request-ID"]
    assert ui("server_error", "ru") in html and f"Обращаясь к администратору, назовите этот номер: {rid}" in html
    log = Path(settings.LOGGING["handlers"]["file"]["filename"]).read_text("utf-8")
    line = next(x for x in log.splitlines() if f"[{rid}]" in x)
    assert "ERROR" in line and "/dashboard/" in line
    assert "RuntimeError: the register is on fire" in log.split(line, 1)[1]


def test_the_inputs_that_raised_500_get_a_message(demo):  # noqa: F811
    from aqyl.app.edits import record_values

    officer = client_for("officer")
    record = m.MobilityRecord.objects.filter(hei=m.Profile.objects.get(user__username="officer").hei).first()
    values = {k: v for k, v in record_values(record).items() if v is not None}
    edit = officer.post(f"/records/{record.pk}/edit/", values | {"version": "abc", "save": "1"})
    assert edit.status_code == 400 and ui("edit_conflict", "kk") in edit.content.decode()
    new = officer.post("/records/new/", values | {"period": record.period, "version": "1e9", "save": "1"})
    assert new.status_code == 400 and ui("edit_conflict", "kk") in new.content.decode()
    report = client_for("analyst").post("/reports/download", {"period": "1900H1", "format": "json"})
    assert report.status_code == 400 and "1899H1" in report.content.decode()
    token = Client().post("/api/token", {"username": "analyst", "password": "aqyl-demo"}).json()["token"]
    api = Client(HTTP_AUTHORIZATION=f"Token {token}").post("/api/report", {"period": "1900H1", "format": "json"})
    assert api.status_code == 400 and "1899H1" in api.json()["error"]["message"] and api.json()["error"]["field"] == "period"


def test_django_english_error_pages_are_replaced(demo):  # noqa: F811
    client = client_for("officer")
    client.cookies["aqyl_lang"] = "ru"
    big = client.post("/records/new/", {"partner_institution": "x" * (11 * 1024 * 1024)})
    assert big.status_code == 400
    assert ui("bad_request", "ru") in big.content.decode() and "Bad Request" not in big.content.decode()
    strict = Client(enforce_csrf_checks=True)
    refused = strict.post("/login/", {"username": "analyst", "password": "aqyl-demo"})
    assert refused.status_code == 403 and ui("csrf_failed", "kk") in refused.content.decode()
    nul = client.get("/records/", {"country": "K\x00Z"})
    assert nul.status_code == 400 and ui("bad_request", "ru") in nul.content.decode()
    missing = client.get("/no/such/page/")
    assert missing.status_code == 404 and ui("not_found", "ru") in missing.content.decode()


def test_the_language_switch_changes_nothing_by_get(demo):  # noqa: F811
    client = client_for("analyst")
    before = m.AuditEntry.objects.count()
    assert client.get("/language/?lang=ru&next=/dashboard/").status_code == 405
    assert m.Profile.objects.get(user__username="analyst").language != "ru"
    assert "aqyl_lang" not in client.cookies and m.AuditEntry.objects.count() == before


# --- no page answers 500, whatever its parameters, for any role ----------------------------------
FILTERS = ["period", "compare", "direction", "category", "country", "hei", "page", "format", "lang", "next"]
FORM = ["save", "remove", "version", "hei", "period", "record_id", "direction", "category", "partner_country",
        "programme", "start_date", "end_date"]
VALUES = st.one_of(
    st.sampled_from(["", "abc", "1e9", "-1", "0", "1", "2023H1", "1900H1", "2200H2", "2022/23", "9" * 40, "KAZNU",
                     "ALMAU", "outgoing", "incoming", "student", "faculty", "KZ", "pdf", "json", "ru", "//evil.example",
                     "/x", "H3 2023", "2023-13-40", "' OR 1=1 --", "<script>", "٣", "𝟚𝟘𝟚𝟛H1", "a\x00b"]),
    st.text(max_size=30),
)


def params(names: list[str]):
    # Mostly the page's own parameter names (a random name is just ignored), each with odd values.
    return st.dictionaries(st.sampled_from(names) | st.text(min_size=1, max_size=8), VALUES, max_size=8)


@pytest.fixture
def roles(demo):  # noqa: F811
    clients = {"anonymous": Client()} | {name: client_for(name) for name in ("officer", "analyst", "admin")}
    for client in clients.values():
        client.raise_request_exception = True  # a 500 fails the test with its traceback
    record = m.MobilityRecord.objects.filter(hei=m.Profile.objects.get(user__username="officer").hei).first()
    edit = f"/records/{record.pk}/edit/"
    get_pages = {p: FILTERS for p in ["/", "/login/", "/dashboard/", "/upload/", "/records/", "/records/new/", edit,
                                      "/submissions/", "/reports/", "/template.xlsx", "/healthz", "/account/2fa/",
                                      "/login/verify/", "/upload/0123/errors.xlsx", "/api/aggregates", "/api/records",
                                      "/api/submissions"]}
    post_pages = {"/records/new/": FORM, edit: FORM, "/reports/download": FILTERS, "/language/": ["lang", "next"],
                  "/upload/": ["confirm"], "/account/2fa/": ["otp", "off", "next"], "/login/verify/": ["otp", "next"],
                  "/api/token": ["username", "password", "otp"]}
    return clients, get_pages, post_pages


@pytest.mark.slow
def test_no_page_answers_500_to_any_query(roles):
    clients, get_pages, post_pages = roles

    @hsettings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data(), role=st.sampled_from(sorted(clients)), page=st.sampled_from(sorted(get_pages)))
    def get(data, role, page):
        query = data.draw(params(get_pages[page]))
        assert clients[role].get(page, query).status_code < 500, (role, page, query)

    @hsettings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data(), role=st.sampled_from(sorted(clients)), page=st.sampled_from(sorted(post_pages)))
    def post(data, role, page):
        form = data.draw(params(post_pages[page]))
        assert clients[role].post(page, form).status_code < 500, (role, page, form)

    get()
    post()


# --- tokens and login limits ---------------------------------------------------------------------
def test_tokens_expire_and_their_owner_revokes_them(demo, settings):  # noqa: F811
    from rest_framework.authtoken.models import Token

    issued = Client().post("/api/token", {"username": "analyst", "password": "aqyl-demo"}).json()
    assert set(issued) == {"token", "expires"}
    api = Client(HTTP_AUTHORIZATION=f"Token {issued['token']}")
    assert api.get("/api/submissions?current=true").status_code == 200
    assert api.delete("/api/token").status_code == 204
    assert api.get("/api/submissions").status_code == 401
    assert m.AuditEntry.objects.filter(action="token.revoke", username="analyst").exists()

    again = Client().post("/api/token", {"username": "analyst", "password": "aqyl-demo"}).json()["token"]
    assert again != issued["token"]
    Token.objects.filter(key=again).update(created=Token.objects.get(key=again).created.replace(year=2000))
    old = Client(HTTP_AUTHORIZATION=f"Token {again}", HTTP_COOKIE="aqyl_lang=en").get("/api/submissions")
    assert old.status_code == 401
    assert old.json()["error"] == {"type": "token_expired", "field": None,
                                   "message": "The token has expired (after 30 days). Get a new one from /api/token."}
    assert not Token.objects.filter(key=again).exists()


def test_the_token_endpoint_is_limited_as_the_login_page(demo):  # noqa: F811
    client = Client()
    for _ in range(4):
        assert client.post("/api/token", {"username": "analyst", "password": "wrong"}).status_code == 400
    fifth = client.post("/api/token", {"username": "analyst", "password": "wrong"})
    assert fifth.status_code == 429 and "15 минуттан кейін" in fifth.json()["error"]["message"]
    assert client.post("/api/token", {"username": "analyst", "password": "aqyl-demo"}).status_code == 429
    assert client.post("/login/", {"username": "analyst", "password": "aqyl-demo"}).status_code == 429


def test_a_new_user_name_each_time_is_limited_per_address(demo, settings):  # noqa: F811
    settings.AQYL_ADDRESS_FAILURES = 6
    client = Client()
    for i in range(6):  # a forged X-Forwarded-For changes nothing: no proxy is trusted
        client.post("/login/", {"username": f"guess{i}", "password": "x"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{i}")
    locked = client.post("/login/", {"username": "analyst", "password": "aqyl-demo"}, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert locked.status_code == 429


def test_behind_a_trusted_proxy_each_client_address_counts_alone(demo, settings):  # noqa: F811
    settings.AQYL_ADDRESS_FAILURES = 6
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    client = Client()
    for i in range(6):
        client.post("/login/", {"username": f"guess{i}", "password": "x"}, HTTP_X_FORWARDED_FOR="198.51.100.7")
    other = client.post("/login/", {"username": "analyst", "password": "aqyl-demo"},
                        HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.9")  # client, then a forged hop... the
    assert other.status_code == 302  # proxy appended 198.51.100.9: that is the client, and it is not locked
    same = Client().post("/login/", {"username": "officer", "password": "aqyl-demo"},
                         HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert same.status_code == 429


# --- second factor ---------------------------------------------------------------------------------
def _code(device, ahead: int = 0) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time() + ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def test_totp_set_up_with_a_local_qr_code_then_asked_at_sign_in(demo):  # noqa: F811
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = client_for("analyst")
    client.cookies["aqyl_lang"] = "ru"
    page = client.get("/account/2fa/").content.decode()
    assert "<svg" in page and "Отсканируйте QR-код" in page and "http" not in page.split("<svg", 1)[1].split("</svg>")[0][200:]
    device = TOTPDevice.objects.get(user__username="analyst", confirmed=False)
    wrong = client.post("/account/2fa/", {"otp": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 400 and ui("otp_wrong", "ru") in wrong.content.decode()
    time.sleep(1.1)  # django-otp's throttle: a second try waits 1 s after one failure, 2 s after two…
    done = client.post("/account/2fa/", {"otp": _code(device)}, follow=True)
    assert ui("otp_on", "ru") in done.content.decode()
    assert m.AuditEntry.objects.filter(action="otp.on", username="analyst").exists()

    fresh = Client()
    fresh.post("/login/", {"username": "analyst", "password": "aqyl-demo"})
    asked = fresh.get("/dashboard/")
    assert asked.status_code == 302 and asked["Location"] == "/login/verify/?next=%2Fdashboard%2F"
    assert fresh.get("/api/submissions").status_code == 302
    assert fresh.post("/login/verify/?next=/dashboard/", {"otp": "12"}).status_code == 400
    time.sleep(1.1)
    device.refresh_from_db()
    passed = fresh.post("/login/verify/", {"otp": _code(device, ahead=1), "next": "/dashboard/"})
    assert passed["Location"] == "/dashboard/" and fresh.get("/dashboard/").status_code == 200

    TOTPDevice.objects.filter(pk=device.pk).update(tolerance=2)  # a third code within this minute
    no_code = Client().post("/api/token", {"username": "analyst", "password": "aqyl-demo"})
    assert no_code.status_code == 400 and no_code.json()["error"]["field"] == "otp"
    device.refresh_from_db()
    assert Client().post("/api/token", {"username": "analyst", "password": "aqyl-demo",
                                        "otp": _code(device, ahead=2)}).status_code == 200
    off = client.post("/account/2fa/", {"off": "1"}, follow=True)
    assert ui("otp_off", "ru") in off.content.decode()
    assert not TOTPDevice.objects.filter(user__username="analyst", confirmed=True).exists()
    assert m.AuditEntry.objects.filter(action="otp.off", username="analyst").exists()


def test_administrators_must_set_up_totp_when_required(demo, settings):  # noqa: F811
    settings.AQYL_REQUIRE_2FA_FOR_ADMINS = True
    admin = client_for("admin")
    sent = admin.get("/records/")
    assert sent.status_code == 302 and sent["Location"].startswith("/account/2fa/?next=")
    page = admin.get(sent["Location"]).content.decode()
    assert ui("otp_required", "kk") in page and ui("otp_turn_off", "kk") not in page
    assert admin.get("/admin/").status_code == 302
    assert client_for("analyst").get("/records/").status_code == 200  # not an administrator


# --- uploads kept only as long as needed ---------------------------------------------------------
def test_unstored_uploads_are_removed_after_the_retention_time(tmp_path):
    from aqyl.store.retention import mark_stored, remove_unstored

    root = tmp_path / "uploads"
    for name in ("old", "old-stored", "new"):
        (root / name).mkdir(parents=True)
        (root / name / "file.xlsx").write_bytes(b"x")
    mark_stored(root / "old-stored", [{"hei": "KAZNU", "period": "2023H1", "version": 2}])
    day_ago = time.time() - 25 * 3600
    for name in ("old", "old-stored"):
        for p in (root / name, *(root / name).iterdir()):
            os.utime(p, (day_ago, day_ago))
    assert remove_unstored(root, 24) == ["old"]
    assert sorted(p.name for p in root.iterdir()) == ["new", "old-stored"]


def test_an_expired_upload_cannot_be_stored(demo, settings):  # noqa: F811
    import io

    from tests.test_import_check import csv_text

    client = client_for("officer")
    sent = io.BytesIO(csv_text([{}, {"record_id": "R2"}]).encode())
    sent.name = "almau.csv"
    checked = client.post("/upload/", {"file": sent})
    upload_id = re.search(r'name="confirm" value="([0-9a-f]+)"', checked.content.decode())
    assert upload_id, checked.content.decode()[:2000]
    folder = Path(settings.MEDIA_ROOT) / "uploads" / upload_id[1]
    long_ago = time.time() - 48 * 3600
    for p in (folder, *folder.iterdir()):
        os.utime(p, (long_ago, long_ago))
    late = client.post("/upload/", {"confirm": upload_id[1]})
    assert not folder.exists()
    assert ui("upload_expired", "kk", hours="24") in late.content.decode()


def test_healthz_answers_without_signing_in(demo):  # noqa: F811
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}


# --- backup and restore --------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_backup_then_restore_gives_the_same_report(tmp_path, engine, request):
    pg = request.getfixturevalue("postgres_database") if engine == "postgresql" else None
    env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {"AQYL_DATA_DIR": str(tmp_path / "d"),
                                                                             "PYTHONPATH": SRC}
    if pg:
        env["AQYL_DATABASE_URL"] = pg

    def aqyl(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-m", "aqyl.cli", *args, "--lang", "en"], capture_output=True,
                              text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    def report(out: str) -> dict:
        aqyl("report", "--period", "2023H1", "--format", "json", "--out", str(tmp_path / out))
        return json.loads((tmp_path / out / "aqyl-report-2023H1-faculty.json").read_text("utf-8"))

    aqyl("demo")
    before = report("r1")
    if not pg:  # a backup written over the database in use destroyed it ("Backup written")
        db = tmp_path / "d" / "aqyl.sqlite3"
        over = subprocess.run([sys.executable, "-m", "aqyl.cli", "backup", str(db), "--lang", "en"], capture_output=True,
                              text=True, env=env, timeout=120)
        assert (over.returncode, " ".join(over.stderr.split())) == (
            2, f"✗ “{db}” is Aqyl's database itself: writing over it would destroy the data. Give another name."), over
        assert report("r0") == before
    written = aqyl("backup", str(tmp_path / "aqyl.backup"))
    assert "Backup written:" in written.stdout and ("postgresql" if pg else "sqlite") in written.stdout
    damage = ("from aqyl.store.bootstrap import setup; setup(); from aqyl.store import models as m; "
              "m.MobilityRecord.objects.filter(period='2023H1', hei__code='KAZNU').delete()")
    subprocess.run([sys.executable, "-c", damage], env=env, check=True, timeout=120)
    assert report("r2") != before
    refused = subprocess.run([sys.executable, "-m", "aqyl.cli", "restore-db", str(tmp_path / "aqyl.backup"),
                              "--lang", "en"], capture_output=True, text=True, env=env, timeout=120)
    assert refused.returncode == 2 and "Add --yes to go on." in " ".join(refused.stderr.split())
    restored = aqyl("restore-db", str(tmp_path / "aqyl.backup"), "--yes")
    assert "was restored from" in " ".join(restored.stdout.split())
    assert report("r3") == before
    other = tmp_path / "not-a-backup.txt"
    other.write_text("hello")
    bad = subprocess.run([sys.executable, "-m", "aqyl.cli", "restore-db", str(other), "--yes", "--lang", "en"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "is not a backup of an Aqyl database" in " ".join(bad.stderr.split())


# --- reproducible installs -----------------------------------------------------------------------
def test_the_lock_pins_every_dependency_with_hashes():
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    lock = (root / "requirements" / "lock.txt").read_text("utf-8")
    pinned = {canonicalize_name(name): version for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", lock, re.M)}
    for line in project["dependencies"] + project["optional-dependencies"]["dev"]:
        wanted = Requirement(line)
        name = canonicalize_name(wanted.name)
        # After adding a package to pyproject.toml, regenerate the lock (docs/development.md).
        assert name in pinned, f"{name} is not in requirements/lock.txt"
        assert wanted.specifier.contains(pinned[name], prereleases=True), (name, pinned[name], str(wanted.specifier))
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", lock.split("\n", 6)[-1])
    assert all("--hash=sha256:" in b for b in blocks if "==" in b)
