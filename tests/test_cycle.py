"""The half-year collection cycle on the web and the command line: a period opened with a
deadline, the review (return with a comment, accept), statuses on the board, history, compare,
restore and the submitted file; reminders by e-mail through the file transport; records search,
sort and export; password reset; every address as every role."""

import csv
import io
import re
from datetime import date

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from tests.test_import_check import csv_text
from tests.test_web import client_for

from aqyl.store import cycle
from aqyl.store import models as m
from aqyl.web.mail import email_settings

pytestmark = [pytest.mark.django_db, pytest.mark.engines]  # engine-specific code: also run on PostgreSQL (scripts/test.sh)


@pytest.fixture
def demo(settings, tmp_path):
    from aqyl.store.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "outbox")
    load_demo()
    users = get_user_model()
    officer = users.objects.get(username="officer")
    officer.email = "officer@almau.example"
    officer.save()
    officer.aqyl_profile.language = "kk"
    officer.aqyl_profile.save()
    other = users.objects.create_user("kaznu", email="office@kaznu.example", password="kaznu-officer")
    m.Profile.objects.create(user=other, role="officer", hei=m.Hei.objects.get(code="KAZNU"), language="ru")
    users.objects.create_user("norole", password="no-role-here")
    return tmp_path / "outbox"


def outbox(folder) -> list[str]:
    """Every message the file transport wrote, decoded."""
    import email
    from email import policy

    texts = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                msg = email.message_from_bytes(chunk.strip(), policy=policy.default)
                texts.append(f"To: {msg['To']}\nSubject: {msg['Subject'].strip()}\n\n{msg.get_content()}")
    return texts


def upload(client, rows, name="almau.csv", confirm=True, **extra):
    sent = io.BytesIO(csv_text(rows).encode())
    sent.name = name
    page = client.post("/upload/", {"file": sent}).content.decode()
    if not confirm:
        return page
    upload_id = page.split('name="confirm" value="')[1].split('"')[0]
    return client.post("/upload/", {"confirm": upload_id, **extra}).content.decode()


def period_rows(n, **kw):
    return [{"period": "2024H1", "start_date": "2024-03-01", "end_date": "2024-03-20", **kw} for _ in range(n)]


def test_the_cycle_open_submit_return_resubmit_accept(demo):
    analyst, officer = client_for("analyst"), client_for("officer")
    # An officer may not open a period; the analyst does, and a bad deadline is explained.
    assert officer.post("/submissions/open", {"period": "2024H1", "deadline": "2027-01-15"}).status_code == 403
    page = analyst.post("/submissions/open", {"period": "2024H1", "deadline": "15/01/2027"}, follow=True).content.decode()
    assert "«15/01/2027» — күн емес. Мерзімді ЖЖЖЖ-АА-КК түрінде жазыңыз" in page
    page = analyst.post("/submissions/open", {"period": "2024H1", "deadline": "2027-01-15"}, follow=True).content.decode()
    assert "2024H1 кезеңі ашылды, тапсыру мерзімі — 2027-01-15." in page
    assert "2024H1 кезеңі: тапсыру мерзімі — 2027-01-15." in page
    total = m.Hei.objects.filter(is_active=True).count()
    assert f"Тапсырды: 0 / {total}; қабылданды: 0; қайтарылды: 0." in page

    # A file with one bad row: nothing is stored unless the officer stores the valid rows only.
    page = upload(officer, period_rows(3) + period_rows(1, partner_country="Атлантида"), confirm=False)
    assert "Тек дұрыс жолдарды сақтау (3); қате 1 жол сақталмайды" in page
    upload_id = page.split('name="confirm" value="')[1].split('"')[0]
    page = officer.post("/upload/", {"confirm": upload_id, "accept_valid": "1"}).content.decode()
    first = m.Submission.objects.get(hei__code="ALMAU", period="2024H1", is_current=True)
    assert (first.version, first.row_count, first.rejected_count) == (1, 3, 1)
    # Fixed and resubmitted: version 2, awaiting review.
    upload(officer, period_rows(4), name="almau-fixed.csv")
    line = cycle.status_of(m.Hei.objects.get(code="ALMAU"), "2024H1")
    assert (line.status, line.current.version, line.current.row_count) == ("submitted", 2, 4)

    # Returning needs a comment; with one the officer sees it on the upload page and by e-mail.
    page = analyst.post("/submissions/2024H1/ALMAU/review", {"version": "2", "return": "1", "comment": " "},
                        follow=True).content.decode()
    assert "Есепті түзетуге қайтарғанда не түзету керектігін түсініктемеде жазыңыз." in page
    assert officer.post("/submissions/2024H1/ALMAU/review", {"version": "2", "accept": "1"}).status_code == 403
    page = analyst.post("/submissions/2024H1/ALMAU/review", {"version": "2", "return": "1",
                                                             "comment": "Серіктес ұйымдардың атауын толық жазыңыз."},
                        follow=True).content.decode()
    assert "ALMAU 2024H1 есебі (2-нұсқа) түзетуге қайтарылды." in page
    assert "Түзетуге қайтарылды" in page and "Серіктес ұйымдардың атауын толық жазыңыз." in page
    page = officer.get("/upload/").content.decode()
    assert "2024H1 кезеңінің есебі түзетуге қайтарылды (analyst," in page
    assert "Серіктес ұйымдардың атауын толық жазыңыз." in page
    [notice] = outbox(demo)
    assert "To: officer@almau.example" in notice and "түзетуге қайтарылды" in notice
    assert "Талдаушы analyst Алматы Менеджмент Университеті (ALMAU) 2024H1 кезеңінің есебін (2-нұсқа)" in notice

    # Resubmitted (version 3, unreviewed again), then accepted.
    upload(officer, period_rows(5, partner_institution="University of Tartu, Estonia"), name="almau-v3.csv")
    assert cycle.status_of(m.Hei.objects.get(code="ALMAU"), "2024H1").status == "submitted"
    assert "2024H1 кезеңінің есебі түзетуге" not in officer.get("/upload/").content.decode()
    # A review of a stale version is refused.
    page = analyst.post("/submissions/2024H1/ALMAU/review", {"version": "2", "accept": "1"}, follow=True).content.decode()
    assert "2-нұсқа енді ағымдағы емес" in page
    analyst.post("/submissions/2024H1/ALMAU/review", {"version": "3", "accept": "1"})
    line = cycle.status_of(m.Hei.objects.get(code="ALMAU"), "2024H1")
    assert (line.status, line.current.version, line.review.reviewer_name) == ("accepted", 3, "analyst")
    actions = list(m.AuditEntry.objects.filter(target="ALMAU 2024H1").order_by("id").values_list("action", flat=True))
    assert actions == ["submission.store", "submission.store", "submission.return", "submission.store", "submission.accept"]
    returned = m.AuditEntry.objects.get(action="submission.return")
    assert returned.before == {"version": 2, "status": "submitted"}
    assert returned.after == {"version": 2, "status": "returned", "comment": "Серіктес ұйымдардың атауын толық жазыңыз."}
    assert m.AuditEntry.objects.filter(action="period.open", target="2024H1").count() == 1

    # The board: name, type, region, status, version, rows; filtered by status.
    board = analyst.get("/submissions/?period=2024H1&status=accepted").content.decode()
    assert "Алматы Менеджмент Университеті" in board and ">Қабылданды<" in board and board.count('data-hei="') == 1
    assert f"Тапсырды: 1 / {total}; қабылданды: 1; қайтарылды: 0." in board
    assert officer.get("/submissions/?period=2024H1").content.decode().count('data-hei="') == 1  # their own only

    # History: three versions, the file of each, compare, restore (as a new version, audited).
    detail = officer.get("/submissions/2024H1/ALMAU/").content.decode()
    for v in (1, 2, 3):
        assert f"/submissions/2024H1/ALMAU/{v}/file" in detail
    file_v2 = officer.get("/submissions/2024H1/ALMAU/2/file")
    assert b"".join(file_v2.streaming_content).decode().count("\n") == 5  # header and the four rows
    assert client_for("kaznu", "kaznu-officer").get("/submissions/2024H1/ALMAU/2/file").status_code == 404
    compared = officer.get("/submissions/2024H1/ALMAU/?compare=2").content.decode()
    assert "Жолдар: 4 → 5" in compared and "Қосылған жазбалар: R5" in compared
    assert client_for("analyst").post("/submissions/2024H1/ALMAU/2/restore").status_code == 403
    page = officer.post("/submissions/2024H1/ALMAU/2/restore", follow=True).content.decode()
    assert "2-нұсқа қалпына келтірілді: енді 4-нұсқа (4 жол)." in page
    assert cycle.status_of(m.Hei.objects.get(code="ALMAU"), "2024H1").status == "submitted"


def test_reminders_reach_officers_of_heis_that_have_not_submitted(demo):
    cycle.open_period("2024H1", date(2027, 1, 15))
    analyst = client_for("analyst")
    upload(client_for("officer"), period_rows(2))  # ALMAU has submitted; KAZNU has not
    page = analyst.post("/submissions/remind", {"period": "2024H1"}, follow=True).content.decode()
    unreached = [r.hei.code for r in cycle.due("2024H1") if r.hei.code != "KAZNU"]  # no officer with an address
    assert len(unreached) == m.Hei.objects.filter(is_active=True).count() - 2
    assert "Еске салу жіберілді: 1 ЖОО, 1 хат." in page
    assert (f"Хат жіберілмеген ЖОО: {len(unreached)}. Олардың қызметкерлерінің э-пошта мекенжайы жоқ "
            f"(мекенжайды әкімші қосады): {', '.join(unreached)}.") in page
    assert m.AuditEntry.objects.filter(action="reminder.unreached").count() == len(unreached)
    [message] = outbox(demo)
    assert "To: office@kaznu.example" in message
    assert "Subject: Aqyl: сдайте отчёт за 2024H1 до 2027-01-15" in message  # the officer's language, Russian
    assert "ещё не сдал отчёт об академической мобильности за 2024H1. Срок сдачи — 2027-01-15." in message
    entry = m.AuditEntry.objects.get(action="reminder.send", target="KAZNU 2024H1")
    assert entry.after == {"to": ["office@kaznu.example"], "sent": 1, "kind": "reminder_due", "status": "not_submitted"}
    assert m.AuditEntry.objects.filter(action="reminder.send").count() == 1
    from django.utils import translation

    from aqyl.store.labels import action_text

    for lang, sent_text, none_text in (
            ("kk", "Еске салу жіберілді (хат саны: 1)", "Еске салу жіберілмеді: э-пошта мекенжайы жоқ"),
            ("ru", "Напоминание отправлено (писем: 1)", "Напоминание не отправлено: нет адреса э-почты"),
            ("en", "Reminder sent (messages: 1)", "Reminder not sent: no e-mail address")):
        with translation.override(lang):
            assert action_text("reminder.send", entry.after) == sent_text
            assert action_text("reminder.unreached", {"sent": 0}) == none_text
    # Once the deadline has passed the wording says so.
    cycle.remind("2024H1", today=date(2027, 1, 16))
    sent = outbox(demo)  # the file transport names files by time and an object id: order them by content
    assert len(sent) == 2 and sum("Срок сдачи отчёта за 2024H1 истёк 2027-01-15" in x for x in sent) == 1
    assert client_for("officer").post("/submissions/remind", {"period": "2024H1"}).status_code == 403
    # The daily timer: a week before, the day before, then daily after the deadline.
    assert cycle.due_today(date(2027, 1, 8)) == ["2024H1"] and cycle.due_today(date(2027, 1, 10)) == []
    assert cycle.due_today(date(2027, 1, 14)) == ["2024H1"] and cycle.due_today(date(2027, 1, 20)) == ["2024H1"]


def test_email_transport_from_its_url(tmp_path):
    assert email_settings("file:///var/lib/aqyl/outbox", tmp_path) == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": "/var/lib/aqyl/outbox"}
    smtp = email_settings("smtp://aqyl%40edu.kz:p%40ss@mail.edu.kz:2525", tmp_path)
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_HOST_USER"], smtp["EMAIL_HOST_PASSWORD"]) == (
        "mail.edu.kz", 2525, "aqyl@edu.kz", "p@ss")
    assert smtp["EMAIL_USE_TLS"] and not smtp["EMAIL_USE_SSL"]
    assert email_settings("smtps://mail.edu.kz", tmp_path)["EMAIL_PORT"] == 465
    assert not email_settings("smtp://relay:25?tls=0", tmp_path)["EMAIL_USE_TLS"]
    assert email_settings("", tmp_path)["EMAIL_FILE_PATH"] == str(tmp_path / "outbox")
    with pytest.raises(ValueError, match="smtp://, smtps:// or file://"):
        email_settings("http://x", tmp_path)


def test_records_search_sort_and_export_with_labels_codes_and_safe_cells(demo):
    officer = client_for("officer")
    upload(officer, [*period_rows(2), {**period_rows(1)[0], "record_id": "EVIL"}])
    # The importer refuses a formula; a register filled before that check (or by hand) may hold one.
    m.MobilityRecord.objects.filter(record_id="EVIL").update(partner_institution='=HYPERLINK("http://x")')
    analyst = client_for("analyst")
    page = analyst.get("/records/?q=EVIL").content.decode()
    assert "Табылды: 1" in page and "Алматы Менеджмент Университеті" in page
    assert "Табылды: 3" in analyst.get("/records/?period=2024H1&hei=ALMAU").content.decode()
    almau_type = m.Hei.objects.get(code="ALMAU").hei_type
    other_type = next(t for t in m.Hei.objects.values_list("hei_type", flat=True) if t != almau_type)
    assert "Табылды: 3" in analyst.get(f"/records/?period=2024H1&hei_type={almau_type}").content.decode()
    assert "Сүзгілерге сай жазба жоқ." in analyst.get(f"/records/?period=2024H1&hei_type={other_type}").content.decode()
    rows_2023 = m.MobilityRecord.objects.filter(period="2023H1", programme="erasmus_plus").count()
    assert f"Табылды: {rows_2023}" in analyst.get("/records/?period=2023H1&programme=erasmus_plus").content.decode()
    # Sorting: by partner, descending.
    page = analyst.get("/records/?period=2024H1&sort=-partner").content.decode()
    assert page.index("University of Tartu") < page.index("=HYPERLINK")

    response = analyst.get("/records/?period=2024H1&hei=ALMAU&format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="aqyl-records-2024H1-ALMAU.csv"'
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    head = table[0]
    assert head[:6] == ["Жазба идентификаторы", "Кезең", "Ұтқырлық бағыты", "Ұтқырлық бағыты (код)",
                        "Қатысушы санаты", "Қатысушы санаты (код)"]
    assert "Қазақстандық ЖОО (код)" in head and "ЖОО атауы" in head
    assert len(table) == 4
    evil = next(r for r in table if r[0] == "EVIL")
    assert evil[head.index("Шетелдік серіктес ұйым")] == "'=HYPERLINK(\"http://x\")"
    assert evil[head.index("Серіктес ел")] == "Эстония" and evil[head.index("Серіктес ел (код)")] == "EE"
    # XLSX: the same rows, every cell a string, in Russian when the page is Russian.
    analyst.post("/language/", {"lang": "ru", "next": "/records/"})
    response = analyst.get("/records/?period=2024H1&hei=ALMAU&format=xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][2:4] == ["Направление мобильности", "Направление мобильности (код)"]
    assert len(values) == 4 and all(c.data_type == "s" for row in sheet.iter_rows(min_row=2) for c in row if c.value)
    # An officer's export holds their HEI only, whatever they ask for.
    officer_rows = list(csv.reader(io.StringIO(officer.get("/records/?hei=KAZNU&format=csv").content.decode("utf-8-sig"))))
    assert len(officer_rows) == 1
    everything = list(csv.reader(io.StringIO(officer.get("/records/?format=csv").content.decode("utf-8-sig"))))
    assert len(everything) - 1 == m.MobilityRecord.objects.filter(hei__code="ALMAU").count()


def test_password_reset_by_email_in_the_users_language(demo):
    anonymous = Client()
    page = anonymous.post("/account/reset/", {"email": "office@kaznu.example"}, follow=True).content.decode()
    assert "Бұл мекенжай тіркелген болса" in page
    [message] = outbox(demo)
    assert "Subject: Aqyl: восстановление пароля" in message and "kaznu" in message
    link = next(line for line in message.splitlines() if "/account/reset/" in line).strip()
    path = link.split("testserver", 1)[1]
    form = anonymous.get(path, follow=True)
    assert "Жаңа құпиясөз" in form.content.decode()
    page = anonymous.post(form.redirect_chain[-1][0], {"new_password1": "a-new-long-pass", "new_password2": "a-new-long-pass"},
                          follow=True).content.decode()
    assert "Жаңа құпиясөз сақталды." in page
    client_for("kaznu", "a-new-long-pass")
    assert "Сілтеме жарамсыз немесе ескірген." in anonymous.get(path, follow=True).content.decode()
    # Changing one's own password.
    officer = client_for("officer")
    page = officer.post("/account/password/", {"old_password": "aqyl-demo", "new_password1": "officer-new-pass",
                                               "new_password2": "officer-new-pass"}, follow=True).content.decode()
    assert "Құпиясөз өзгертілді." in page
    client_for("officer", "officer-new-pass")


def test_menus_offer_only_what_the_role_may_use(demo):
    analyst = client_for("analyst").get("/dashboard/").content.decode()
    assert 'href="/upload/"' not in analyst and 'href="/admin/"' not in analyst and 'href="/records/"' in analyst
    officer = client_for("officer").get("/dashboard/").content.decode()
    assert 'href="/upload/"' in officer and 'href="/admin/"' not in officer
    admin = client_for("admin").get("/dashboard/").content.decode()
    assert 'href="/upload/"' in admin and 'href="/admin/"' in admin


@pytest.mark.slow
def test_cli_user_add_and_remind(aqyl, tmp_path):
    import subprocess
    import sys

    env_run = aqyl
    assert env_run("hei", "list", "--json").returncode == 0  # the database exists
    outbox_dir = tmp_path / "mail"

    def run(*args, stdin=""):
        import os

        env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {
            "AQYL_DATA_DIR": str(tmp_path / "d"), "AQYL_EMAIL_URL": f"file://{outbox_dir}"}
        return subprocess.run([sys.executable, "-m", "aqyl.cli", *args], input=stdin, capture_output=True, text=True,
                              env=env, timeout=300)

    made = run("user", "add", "asel", "--role", "officer", "--hei", "ALMAU", "--email", "asel@almau.example",
               "--language", "ru", "--lang", "en", stdin="long-enough-pass\n")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "User “asel” created: role: HEI officer, ALMAU."
    kk = run("user", "add", "dana", "--role", "analyst", "--lang", "kk", stdin="long-enough-pass\n")
    assert kk.stdout.strip() == "«dana» пайдаланушысы жасалды: рөлі — талдаушы."
    ru = run("user", "add", "ivan", "--role", "admin", "--lang", "ru", stdin="long-enough-pass\n")
    assert ru.stdout.strip() == "Пользователь «ivan» создан: роль — администратор."
    assert "An HEI officer needs an HEI: give --hei." in run("user", "add", "x", "--role", "officer", "--lang", "en").stderr
    assert "already exists" in run("user", "add", "asel", "--role", "analyst", "--lang", "en", stdin="long-enough-pass\n").stderr
    weak = run("user", "add", "short", "--role", "analyst", "--lang", "en", stdin="abc\n")
    assert weak.returncode == 2 and "The password was refused" in weak.stderr
    assert "Collection for 2024H1 is not open." in run("remind", "--period", "2024H1", "--lang", "en").stderr
    assert run("period", "open", "2024H1", "--deadline", "2027-01-15", "--lang", "en").stdout.startswith(
        "2024H1 is open; the deadline is 2027-01-15.")
    dry = run("remind", "--period", "2024H1", "--dry-run", "--lang", "en")
    assert "ALMAU" in dry.stdout and "asel@almau.example" in dry.stdout and not outbox_dir.exists()
    sent = run("remind", "--period", "2024H1", "--lang", "en")
    assert sent.returncode == 0 and "Reminders sent: 1 HEIs, 1 messages." in sent.stdout
    said = re.search(r"No message went to (\d+) HEIs: their officers have no e-mail address \(an administrator "
                     r"adds it\): ([^.]+)\.", " ".join(sent.stdout.split()))
    heis = said.group(2).split(", ")
    assert int(said.group(1)) == len(heis) > 1 and "ALMAU" not in heis and "KAZNU" in heis
    [mail_file] = list(outbox_dir.glob("*.log"))
    assert "asel@almau.example" in mail_file.read_text() and mail is not None


# --- every address as every role ---------------------------------------------------------------
ROLES = ("anonymous", "norole", "officer", "analyst", "admin")
LOGIN, POST_ONLY = "login", 405


def _expect(anonymous, norole, officer, analyst, admin):
    return dict(zip(ROLES, (anonymous, norole, officer, analyst, admin), strict=True))


def test_every_address_as_every_role_answers_with_the_applications_pages(demo):
    from django.urls import URLResolver, get_resolver

    own = m.MobilityRecord.objects.filter(hei__code="ALMAU").first().pk
    theirs = m.MobilityRecord.objects.filter(hei__code="KAZNU").first().pk
    table = {
        "/": _expect(LOGIN, 403, 302, 302, 302),
        "/login/": _expect(200, 302, 302, 302, 302),
        "/logout/": _expect(POST_ONLY, POST_ONLY, POST_ONLY, POST_ONLY, POST_ONLY),
        "/dashboard/": _expect(LOGIN, 403, 200, 200, 200),
        "/upload/": _expect(LOGIN, 403, 200, 403, 200),
        "/upload/0123abcd/errors.xlsx": _expect(LOGIN, 404, 404, 404, 404),
        "/template.xlsx": _expect(LOGIN, 403, 200, 200, 200),
        "/records/": _expect(LOGIN, 403, 200, 200, 200),
        "/records/?format=csv": _expect(LOGIN, 403, 200, 200, 200),
        "/records/new/": _expect(LOGIN, 403, 200, 403, 200),
        f"/records/{own}/edit/": _expect(LOGIN, 404, 200, 403, 200),
        f"/records/{theirs}/edit/": _expect(LOGIN, 404, 404, 403, 200),
        "/submissions/": _expect(LOGIN, 403, 200, 200, 200),
        "/submissions/open": _expect(LOGIN, POST_ONLY, POST_ONLY, POST_ONLY, POST_ONLY),
        "/submissions/remind": _expect(LOGIN, POST_ONLY, POST_ONLY, POST_ONLY, POST_ONLY),
        "/submissions/2023H1/ALMAU/": _expect(LOGIN, 403, 200, 200, 200),
        "/submissions/2023H1/KAZNU/": _expect(LOGIN, 403, 404, 200, 200),
        "/submissions/2023/ALMAU/": _expect(LOGIN, 403, 404, 404, 404),
        "/submissions/2023H1/ALMAU/review": _expect(LOGIN, POST_ONLY, POST_ONLY, POST_ONLY, POST_ONLY),
        "/submissions/2023H1/ALMAU/1/restore": _expect(LOGIN, POST_ONLY, POST_ONLY, POST_ONLY, POST_ONLY),
        "/submissions/2023H1/ALMAU/1/file": _expect(LOGIN, 403, 404, 404, 404),  # the demo kept no file
        "/account/": _expect(LOGIN, 200, 200, 200, 200),
        "/account/2fa/": _expect(LOGIN, 200, 200, 200, 200),
        "/login/verify/": _expect(LOGIN, 302, 302, 302, 302),  # no second factor set up: on to the page
        "/healthz": _expect(200, 200, 200, 200, 200),
        "/errors/414": _expect(414, 414, 414, 414, 414),  # nginx sends an over-long address here
        "/account/password/": _expect(LOGIN, 200, 200, 200, 200),
        "/account/reset/": _expect(200, 200, 200, 200, 200),
        "/account/reset/MQ/bad-token/": _expect(200, 200, 200, 200, 200),
        "/reports/": _expect(LOGIN, 403, 200, 200, 200),
        "/reports/download": _expect(LOGIN, POST_ONLY, POST_ONLY, POST_ONLY, POST_ONLY),
        "/reports/texts/": _expect(LOGIN, POST_ONLY, POST_ONLY, POST_ONLY, POST_ONLY),
        "/reports/texts/history": _expect(LOGIN, 403, 403, 404, 404),
        "/open/": _expect(200, 200, 200, 200, 200),
        "/open/publish/": _expect(LOGIN, 403, 403, 200, 200),
        "/open/999/package.zip": _expect(404, 404, 404, 404, 404),
        "/open/999/x.csv": _expect(404, 404, 404, 404, 404),
        "/no/such/page/": _expect(404, 404, 404, 404, 404),
        "/admin/": _expect(302, 403, 403, 403, 200),
        "/admin/aqyl/mobilityrecord/": _expect(302, 403, 403, 403, 200),
        "/admin/aqyl/auditentry/": _expect(302, 403, 403, 403, 200),
        "/admin/auth/user/add/": _expect(302, 403, 403, 403, 200),
    }
    # Every page address of the application is in the table (the API answers JSON and the research
    # pages are walked the same way by tests/test_research_web.py).
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if not str(p.pattern).startswith(("admin/", "api/")):
                    yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif not (prefix + str(p.pattern)).startswith(("api/", "language/", "migration/", "surveys/", "interviews/")):
                yield "/" + prefix + str(p.pattern)
    listed = {url.split("?")[0] for url in table}
    patterns = set(walk(get_resolver().url_patterns))
    for pattern in patterns:
        head = pattern.split("<")[0]
        assert any(url.startswith(head) for url in listed), pattern
    clients = {"anonymous": Client(), "norole": client_for("norole", "no-role-here"), "officer": client_for("officer"),
               "analyst": client_for("analyst"), "admin": client_for("admin")}
    for url, wanted in table.items():
        for role, status in wanted.items():
            response = clients[role].get(url)
            got = response.status_code
            if status == LOGIN:
                assert got == 302 and response["Location"].startswith("/login/"), (url, role, got)
                continue
            assert got == status, (url, role, got)
            body = b"" if getattr(response, "streaming", False) else response.content
            if response.get("Content-Type", "").startswith("text/html") and body:
                page = body.decode()
                assert "Django" not in page and "Даңғо" not in page, (url, role)
                assert '<header class="top">' in page or 'id="site-name"' in page, (url, role)  # ours or the admin's
            if got == 405:
                assert body == b"", (url, role)  # Django's bare 405 carries no page (see the report)


@pytest.mark.django_db(transaction=True)  # the worker closes its connection after each task, as in production
def test_uploads_are_checked_and_stored_by_the_worker_off_the_request(demo, settings):
    from django_tasks_db.management.commands.db_worker import Worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def work():
        Worker(queue_names=["default"], interval=0.1, batch=True, backend_name="default", startup_delay=False,
               max_tasks=None, worker_id="test", excluded_queue_names=[]).run()

    officer = client_for("officer")
    sent = io.BytesIO(csv_text(period_rows(3) + period_rows(1, end_date="2023-01-01")).encode())
    sent.name = "almau-big.csv"
    response = officer.post("/upload/", {"file": sent})
    assert response.status_code == 302
    page_url = response["Location"]
    upload_id = page_url.strip("/").split("/")[-1]
    page = officer.get(page_url).content.decode()
    assert "Файл кезекте тұр…" in page and 'id="progress"' in page
    assert officer.get(f"/upload/{upload_id}/state.json").json() == {
        "stage": "queued", "done": 0, "total": 0, "finished": False, "text": "Файл кезекте тұр…"}
    assert client_for("admin").get(f"/upload/{upload_id}/state.json").status_code == 404  # another session's upload
    work()
    assert officer.get(f"/upload/{upload_id}/state.json").json()["finished"] is True
    page = officer.get(page_url).content.decode()
    assert "ештеңе сақталмады" in page and "Тек дұрыс жолдарды сақтау (3); қате 1 жол сақталмайды" in page
    # The store is queued too; the rows land only when the worker has run.
    response = officer.post("/upload/", {"confirm": upload_id, "accept_valid": "1"})
    assert response.status_code == 302 and not m.Submission.objects.filter(period="2024H1").exists()
    assert officer.post("/upload/", {"confirm": upload_id, "accept_valid": "1"}).status_code == 404  # not twice
    work()
    page = officer.get(page_url).content.decode()
    stored = m.Submission.objects.get(hei__code="ALMAU", period="2024H1")
    assert (stored.row_count, stored.rejected_count, stored.submitted_by) == (3, 1, "officer")
    assert "ALMAU 2024H1 — 1-нұсқа, 3 жол" in " ".join(page.split())
    assert m.AuditEntry.objects.filter(action="submission.store", target="ALMAU 2024H1", username="officer").count() == 1
    # The errors workbook, in the page's language.
    officer.post("/language/", {"lang": "ru", "next": "/"})
    assert "ALMAU 2024H1 — версия 1, строк: 3" in " ".join(officer.get(page_url).content.decode().split())
    officer.cookies["aqyl_lang"] = "en"
    assert "ALMAU 2024H1 — version 1, 3 rows" in " ".join(officer.get(page_url).content.decode().split())
    officer.cookies["aqyl_lang"] = "ru"
    workbook = officer.get(f"/upload/{upload_id}/errors.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(b"".join(workbook.streaming_content)))
    problems = book.worksheets[-1]
    assert [c.value for c in problems[1]] == ["Файл", "Ячейка", "Столбец", "Значение", "Важность", "Что сделать"]
    assert problems.cell(2, 5).value == "ошибка"


def test_reports_page_has_every_filter_of_the_cli_and_language_names(demo):
    analyst = client_for("analyst")
    page = analyst.get("/reports/").content.decode()
    for text in ('<option value="kk" selected>Қазақша</option>', '<option value="ru" >Русский</option>',
                 'name="compare"', 'name="hei_type" multiple', 'name="region" multiple', 'name="programme" multiple'):
        assert text in page, text
    # The note for national HEIs only, compared with 2022H1: its figures are theirs only.
    import json as _json

    from aqyl.store.report_data import ReportFilter, report_data

    response = analyst.post("/reports/download", {"period": "2023H1", "compare": "2022H1", "category": "faculty",
                                                  "lang": "en", "format": "json", "hei_type": ["national"]})
    note = _json.loads(response.content)
    expected = report_data("2023H1", "2022H1", ReportFilter(category="faculty", hei_types=("national",)))
    assert note["meta"]["filters"]["hei_types"] == ["national"]
    assert note["periods"]["2023H1"]["both"]["total"] == expected["periods"]["2023H1"]["both"]["total"]
    assert note["meta"]["compare"] == "2022H1"
    assert analyst.post("/reports/download", {"period": "2023H1", "format": "json", "region": "atlantis"}).status_code == 404
    # An officer's note is their HEI's whatever they send, and the page offers no HEI filters.
    officer = client_for("officer")
    assert 'name="hei_type"' not in officer.get("/reports/").content.decode()


def test_removing_a_record_says_removed_and_dates_are_typed_as_the_help_says(demo):
    officer = client_for("officer")
    record = m.MobilityRecord.objects.filter(hei__code="ALMAU", period="2023H1").first()
    form = officer.get(f"/records/{record.pk}/edit/").content.decode()
    assert 'name="start_date" type="text" inputmode="numeric"' in form and 'placeholder="2023-02-15"' in form
    current = m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True)
    page = officer.post(f"/records/{record.pk}/edit/", {"remove": "1", "version": str(current.version)},
                        follow=True).content.decode()
    assert f"Жазба жойылды: ALMAU 2023H1, енді {current.version + 1}-нұсқа." in page and "Сақталды" not in page


def test_api_token_listed_created_shown_once_and_revoked_by_its_owner(demo):
    from rest_framework.authtoken.models import Token

    analyst = client_for("analyst")
    assert "Сізде токен жоқ." in analyst.get("/account/").content.decode()
    page = analyst.post("/account/", {"create": "1"}).content.decode()
    key = Token.objects.get(user__username="analyst").key
    assert f'<code id="new-key" class="key">{key}</code>' in page and "ол қайта көрсетілмейді" in page
    again = analyst.get("/account/").content.decode()
    assert key not in again and f"Токен {key[:4]}…: жасалған" in again and "жарамды" in again
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/submissions?period=2023H1").status_code == 200
    page = analyst.post("/account/", {"revoke": "1"}, follow=True).content.decode()
    assert "Токен кері қайтарылды." in page and not Token.objects.filter(user__username="analyst").exists()
    assert api.get("/api/submissions?period=2023H1").status_code == 401
    assert [e.action for e in m.AuditEntry.objects.filter(action__startswith="token.").order_by("id")] == [
        "token.create", "token.revoke"]
    assert Client().get("/account/").status_code == 302


@pytest.mark.parametrize(("lang", "said"), [
    ("kk", "Шешім туралы хат KAZNU қызметкерлеріне жіберілмеді: kaznu пайдаланушысының э-пошта мекенжайы жоқ. "
           "Оларға шешімді өзіңіз хабарлаңыз; мекенжайды әкімші қосады."),
    ("ru", "Письмо о решении сотрудникам KAZNU не отправлено: у пользователя kaznu нет адреса э-почты. "
           "Сообщите им о решении сами; адрес добавляет администратор."),
    ("en", "The notice of the decision did not go to the officers of KAZNU: kaznu has no e-mail address. "
           "Tell them of the decision yourself; an administrator adds the address."),
])
def test_returning_a_submission_nobody_can_be_told_of_says_whom_and_why(demo, lang, said):
    import html

    users = get_user_model()
    kaznu = users.objects.get(username="kaznu")
    kaznu.email = ""
    kaznu.save()
    cycle.open_period("2024H1", date(2027, 1, 15))
    upload(client_for("kaznu", "kaznu-officer"), [{**r, "hei": "KAZNU"} for r in period_rows(2)])
    analyst = client_for("analyst")
    analyst.cookies["aqyl_lang"] = lang
    version = str(m.Submission.objects.get(hei__code="KAZNU", period="2024H1", is_current=True).version)
    page = analyst.post("/submissions/2024H1/KAZNU/review", {"version": version, "return": "1", "comment": "Түзетіңіз."},
                        follow=True).content.decode()
    assert html.escape(said) in page
    assert outbox(demo) == []


@pytest.mark.parametrize(("lang", "cell", "page_text"), [
    ("kk", "файл жоқ (пішінде енгізілді)", "Бұл нұсқаның файлы жоқ: ол жазба пішінінде енгізілді."),
    ("ru", "файла нет (введено в форме)", "У этой версии нет файла: она введена в форме записи."),
    ("en", "no file (entered in the form)", "This version has no file: it was entered in the record form."),
])
def test_a_version_saved_in_the_form_has_no_file_and_no_rejected_rows(demo, lang, cell, page_text):
    from aqyl.app.edits import record_values

    cycle.open_period("2024H1", date(2027, 1, 15))
    officer = client_for("officer")
    page = upload(officer, period_rows(3) + period_rows(1, partner_country="Атлантида"), confirm=False)
    upload_id = page.split('name="confirm" value="')[1].split('"')[0]
    officer.post("/upload/", {"confirm": upload_id, "accept_valid": "1"})
    first = m.Submission.objects.get(hei__code="ALMAU", period="2024H1", is_current=True)
    assert (first.version, first.rejected_count, first.file_name) == (1, 1, "almau.csv")
    own = m.MobilityRecord.objects.filter(submission=first).order_by("id").first()
    saved = officer.post(f"/records/{own.id}/edit/", record_values(own) | {
        "save": "1", "version": first.version, "partner_institution": "Aalto University"})
    assert saved.status_code == 302
    second = m.Submission.objects.get(hei__code="ALMAU", period="2024H1", is_current=True)
    assert (second.version, second.source, second.file_name, second.rejected_count) == (2, "form", "", 0)
    officer.cookies["aqyl_lang"] = lang
    history = officer.get("/submissions/2024H1/ALMAU/").content.decode()
    assert history.count(f'<span class="muted">{cell}</span>') == 1
    assert "</span>, " + {"kk": "2-нұсқа", "ru": "версия 2", "en": "version 2"}[lang] + "</p>" in history
    assert '<a href="/submissions/2024H1/ALMAU/1/file">almau.csv</a>' in history
    missing = officer.get("/submissions/2024H1/ALMAU/2/file")
    assert missing.status_code == 404 and f'<p class="error" role="alert">{page_text}</p>' in missing.content.decode()


@pytest.mark.parametrize(("lang", "said"), [
    ("kk", "2025H1 кезеңі бойынша деректер жинау ашылмаған, сондықтан ештеңе сақталмады. Ашық кезеңдер: 2024H1. "
           "Басқа кезеңді министрліктің талдаушысы ашады."),
    ("ru", "Сбор данных за 2025H1 не открыт, поэтому ничего не сохранено. Открытые периоды: 2024H1. "
           "Другой период открывает аналитик министерства."),
    ("en", "Collection for 2025H1 is not open, so nothing was stored. Open periods: 2024H1. "
           "The ministry&#x27;s analyst opens another period."),
])
def test_an_upload_for_a_period_not_open_is_refused_with_the_open_ones(demo, lang, said):
    cycle.open_period("2024H1", date(2027, 1, 15))
    officer = client_for("officer")
    officer.cookies["aqyl_lang"] = lang
    rows = [{"period": "2025H1", "start_date": "2025-03-01", "end_date": "2025-03-20"}] * 2
    page = upload(officer, rows, confirm=False)
    assert said in page and 'name="confirm"' not in page
    totals = re.search(r'<table class="numbers">.*?</table>', page, re.S).group(0)
    assert re.findall(r"<td[^>]*>(\d+)</td>", totals) == ["2", "0", "2", "0"]  # rows, valid, rejected, warnings
    assert not m.Submission.objects.filter(period="2025H1").exists()
    upload(officer, period_rows(2))  # the open period goes in
    assert m.Submission.objects.filter(hei__code="ALMAU", period="2024H1").exists()


def test_another_heis_rows_refuse_the_file_and_the_totals_say_so(demo):
    officer = client_for("officer")
    page = upload(officer, [{"hei": "KAZNU"}, {"hei": "ALMAU"}, {}], confirm=False)
    assert ("Файлда басқа ЖОО-ның жолдары бар (KAZNU). Тек өз ЖОО-ңыздың (ALMAU) деректерін жүктей аласыз; "
            "ештеңе сақталмады.") in page
    totals = re.search(r'<table class="numbers">.*?</table>', page, re.S).group(0)
    assert re.findall(r"<td[^>]*>(\d+)</td>", totals) == ["3", "0", "3", "0"]


@pytest.mark.parametrize(("user", "lang", "hint"), [
    ("officer", "kk", "Өңдеу 60 секунд бойы басталмады: серверде өңдеу қызметі іске қосылмаған болуы мүмкін. "
                      "Бетті жаппай-ақ күте тұрыңыз немесе жүйе әкімшісіне хабарласыңыз."),
    ("officer", "ru", "Обработка не началась за 60 с: возможно, на сервере не запущена служба обработки. "
                      "Подождите, не закрывая страницу, или обратитесь к администратору системы."),
    ("admin", "en", "Processing has not started for 60 s: “aqyl worker” may not be running on the server. "
                    "Start it; the queued files are then processed."),
])
def test_an_upload_waiting_for_a_worker_says_so_after_thirty_seconds(demo, settings, user, lang, hint):
    import time

    from aqyl.app import uploads

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # no worker runs here
    client = client_for(user)
    client.cookies["aqyl_lang"] = lang
    sent = io.BytesIO(csv_text(period_rows(2)).encode())
    sent.name = "almau.csv"
    page_url = client.post("/upload/", {"file": sent})["Location"]
    upload_id = page_url.strip("/").split("/")[-1]
    queued = {"kk": "Файл кезекте тұр…", "ru": "Файл в очереди…", "en": "The file is queued…"}[lang]
    assert client.get(f"/upload/{upload_id}/state.json").json()["text"] == queued  # not yet
    uploads.write_state(upload_id, uploads.read_state(upload_id) | {"at": time.time() - 60.4})
    assert client.get(f"/upload/{upload_id}/state.json").json()["text"] == f"{queued} {hint}"
    assert hint.split(":")[0] in client.get(page_url).content.decode()  # the page drawn before polling says it too


def test_a_mail_server_that_refuses_is_said_on_the_board_and_in_the_log(demo, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 5  # nothing listens there
    cycle.open_period("2024H1", date(2027, 1, 15))
    analyst = client_for("analyst")
    analyst.cookies["aqyl_lang"] = "ru"
    page = analyst.post("/submissions/remind", {"period": "2024H1"}, follow=True).content.decode()
    assert page.count("Почтовый сервер не принял писем: 2 (ALMAU, KAZNU). Повторите позже или обратитесь к администратору.") == 1
    assert "Напоминания отправлены: вузов — 0, писем — 0." in page
    assert set(m.AuditEntry.objects.filter(action="reminder.failed").values_list("target", flat=True)) == \
        {"ALMAU 2024H1", "KAZNU 2024H1"}
