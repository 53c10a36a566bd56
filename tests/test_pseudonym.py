"""Keyed pseudonyms of the IIN: the same person links across HEIs' files; without the key no IIN is
recovered even by brute force over a (reduced) IIN space, while with the key it is — so the key is
what protects; the web upload pseudonymises before anything is stored and the database holds no IIN."""

import base64
import hashlib
import json
import random

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from tests.test_import_check import HEADER, csv_text

from aqyl.app.pseudonymise import pseudonymise_file
from aqyl.domain.pseudonym import (
    Key,
    PseudonymError,
    iin_checksum_ok,
    is_pseudonym,
    key_from_text,
    key_to_text,
    new_key,
    pseudonym,
    rekey_map,
)
from aqyl.importers.readers import read_table


def valid_iins(prefixes, serials=range(10_000)) -> list[str]:
    """Every valid IIN with these 7-digit prefixes (birth date + century/sex digit) and 4-digit serials."""
    out = []
    for prefix in prefixes:
        for s in serials:
            body = f"{prefix}{s:04d}"
            for check in "0123456789":
                if iin_checksum_ok(body + check):
                    out.append(body + check)
                    break
    return out


KEY = Key("2026a", bytes(range(32)))
IIN_A, IIN_B = valid_iins(["8501153"], range(1, 3))  # born 15.01.1985, male


def test_iin_check_digit_and_spelling():
    assert iin_checksum_ok(IIN_A) and not iin_checksum_ok(IIN_A[:11] + str((int(IIN_A[11]) + 1) % 10))
    assert pseudonym(IIN_A, KEY) == pseudonym(f"{IIN_A[:6]} {IIN_A[6:]}", KEY) == pseudonym(IIN_A[:6] + "-" + IIN_A[6:], KEY)
    born_2005 = valid_iins(["0503206"], [7])[0]  # Excel drops the leading zero of a number
    assert pseudonym(born_2005[1:], KEY) == pseudonym(born_2005, KEY)
    p = pseudonym(IIN_A, KEY)
    assert is_pseudonym(p) and p.startswith("p1:2026a:") and len(p) == 41 and len(p) <= 64
    assert pseudonym(IIN_B, KEY) != p and pseudonym(IIN_A, Key("2026b", bytes(range(32)))) != p
    with pytest.raises(PseudonymError) as bad:
        pseudonym("850115300012", KEY)
    assert bad.value.message("ru") == ("«850115300012» не является ИИН: ИИН состоит из 12 цифр, последняя — контрольная. "
                                       "Сверьте ИИН с документом.")
    assert "ЖСН емес" in bad.value.message("kk")


def test_key_file_round_trip_and_bad_files():
    key = new_key("2026a")
    text = key_to_text(key)
    assert key_from_text(text) == key and json.loads(text)["key_id"] == "2026a"
    assert base64.b64encode(key.secret).decode() not in repr(key)
    with pytest.raises(PseudonymError) as e:
        key_from_text("not json", file="k.json")
    assert e.value.message("en").startswith("“k.json” is not a pseudonymisation key (not JSON)")
    with pytest.raises(PseudonymError) as e:
        new_key("Bad Id!")
    assert "2026a" in e.value.message("kk")


def test_rotation_maps_old_pseudonyms_to_new():
    old, new = new_key("2025a"), new_key("2026a")
    mapping = rekey_map([IIN_A, IIN_B], old, new)
    assert mapping == {pseudonym(IIN_A, old): pseudonym(IIN_A, new), pseudonym(IIN_B, old): pseudonym(IIN_B, new)}


def test_the_same_iin_through_two_heis_files_gets_the_same_pseudonym(tmp_path, aqyl):
    key_file = tmp_path / "ministry.key"
    made = aqyl("key", "new", str(key_file), "--id", "2026a", "--lang", "en")
    assert made.returncode == 0, made.stderr
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    header = ["iin", *[h for h in HEADER if h != "person_id"]]
    almau = tmp_path / "almau.csv"
    almau.write_text(csv_text([{"iin": IIN_A}, {"iin": IIN_B}], header), encoding="utf-8")
    kaznu = tmp_path / "kaznu.csv"
    kaznu.write_text(csv_text([{"iin": f"{IIN_A[:6]} {IIN_A[6:]}", "hei": "KAZNU", "period": "2024H1",
                                "start_date": "2024-03-01", "end_date": "2024-03-20"}], header), encoding="utf-8")
    done = aqyl("pseudonymise", str(almau), "--key-file", str(key_file), "--lang", "ru")
    assert done.returncode == 0, done.stderr
    out_almau = tmp_path / "almau-pseudonymised.csv"
    said = f"{out_almau}: ИИН, заменённых псевдонимами: 2; строк: 2. Столбец ИИН удалён."
    assert said.replace(" ", "") in "".join(done.stdout.split())  # rich wraps long lines
    # The other HEI pseudonymises in-process, into an XLSX: the same person, the same key.
    key = key_from_text(key_file.read_text())
    xlsx_source = tmp_path / "kaznu.xlsx"
    from aqyl.render.rows import write_table

    t = read_table(kaznu, lambda row: 1)
    write_table(xlsx_source, t.headers, [list(r[:-1]) for r in t.frame.rows()], "xlsx")
    outcome = pseudonymise_file(xlsx_source, tmp_path / "kaznu-p.xlsx", key)
    assert outcome.replaced == 1 and not outcome.problems
    a, k = read_table(out_almau), read_table(tmp_path / "kaznu-p.xlsx")
    ids_a = a.frame[f"c{a.headers.index('person_id')}"].to_list()
    ids_k = k.frame[f"c{k.headers.index('person_id')}"].to_list()
    assert ids_a[0] == ids_k[0] == pseudonym(IIN_A, key) and ids_a[1] == pseudonym(IIN_B, key) != ids_a[0]
    assert "iin" not in a.headers and IIN_A not in out_almau.read_text("utf-8-sig")
    # A typo in an IIN refuses the file with the cell to fix, and nothing is written.
    typo = tmp_path / "typo.csv"
    typo.write_text(csv_text([{"iin": IIN_A}, {"iin": IIN_A[:11] + str((int(IIN_A[11]) + 1) % 10)}], header))
    refused = aqyl("pseudonymise", str(typo), "--key-file", str(key_file), "--lang", "en")
    refusal = "".join(refused.stderr.split())
    assert refused.returncode == 1 and "A3:“" in refusal and "isnotanIIN" in refusal
    assert not (tmp_path / "typo-pseudonymised.csv").exists()
    wrong_key = aqyl("pseudonymise", str(almau), "--key-file", str(almau), "--lang", "kk")
    assert wrong_key.returncode == 2 and "псевдонимдеукілтіемес" in "".join(wrong_key.stderr.split())


def test_brute_force_over_a_reduced_iin_space_needs_the_key():
    """10^5 candidate IINs (ten birth dates × every serial). The stored pseudonyms give nothing to a
    dictionary of plain hashes or of HMACs under guessed keys; with the key, every person falls out."""
    secret = Key("2026a", random.Random(7).randbytes(32))
    space = valid_iins([f"9{m:02d}0{d}1{s}" for m, d, s in [(1, 1, 3), (2, 2, 4), (3, 3, 3), (4, 4, 4), (5, 5, 3),
                                                           (6, 6, 4), (7, 7, 3), (8, 8, 4), (9, 9, 3), (10, 1, 4)]])
    assert len(space) > 90_000
    people = random.Random(1).sample(space, 25)
    stored = {pseudonym(i, secret).rsplit(":", 1)[1] for i in people}

    def tag(mac: bytes) -> str:
        return base64.b32encode(mac[:20]).decode().lower()

    plain = {tag(hashlib.sha256(f"aqyl-iin:{i}".encode()).digest()) for i in space}
    plain |= {tag(hashlib.sha256(i.encode()).digest()) for i in space}
    guessed = [Key("2026a", b"\0" * 32), Key("2026a", b"2026a" * 7), new_key("2026a")]
    guesses = {pseudonym(i, k).rsplit(":", 1)[1] for k in guessed for i in space}
    assert not stored & plain and not stored & guesses
    with_key = {pseudonym(i, secret).rsplit(":", 1)[1]: i for i in space}
    assert sorted(with_key[s] for s in stored) == sorted(people)
    # Had the scheme been a plain hash, the same dictionary would have recovered everyone.
    unkeyed = {tag(hashlib.sha256(f"aqyl-iin:{i}".encode()).digest()) for i in people}
    assert unkeyed <= plain


# --- the web upload: pseudonymised before anything is stored --------------------------------------
@pytest.fixture
def site(settings, tmp_path):
    from aqyl.store.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    return tmp_path


def _upload(client, path):
    with path.open("rb") as f:
        return client.post("/upload/", {"file": f})


def scan_database_for(needles: list[str]) -> list[str]:
    """Every text value of every table of the test database that contains one of the needles."""
    from django.db import connection

    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for value in row:
                    text = bytes(value).decode("utf-8", "replace") if isinstance(value, (bytes, memoryview)) else str(value)
                    found += [f"{table}: {n}" for n in needles if n in text]
    return found


@pytest.mark.django_db
def test_web_upload_stores_pseudonyms_and_the_database_holds_no_iin(site, monkeypatch):
    key_file = site / "server.key"
    key_file.write_text(key_to_text(KEY))
    header = ["ИИН", *[h for h in HEADER if h != "person_id"]]
    upload = site / "almau.csv"
    upload.write_text(csv_text([{"ИИН": IIN_A}, {"ИИН": IIN_B}], header), encoding="utf-8")
    officer = Client()
    assert officer.post("/login/", {"username": "officer", "password": "aqyl-demo"}).status_code == 302

    # Without the server's key the file is refused and nothing of it is kept.
    monkeypatch.delenv("AQYL_PSEUDONYM_KEY_FILE", raising=False)
    officer.cookies["aqyl_lang"] = "ru"
    refused = _upload(officer, upload).content.decode()
    assert ("В файле есть ИИН, поэтому он не сохранён. Ячейки с ИИН: A2, A3 (всего 2). На сервере ещё не установлен "
            "ключ, которым ИИН заменяются псевдонимами. Обратитесь к аналитику министерства или администратору системы "
            "либо удалите ИИН из файла и загрузите его снова.") in refused
    assert "aqyl pseudonymise" not in refused
    assert not any(p.is_file() for p in (site / "media").rglob("*"))

    monkeypatch.setenv("AQYL_PSEUDONYM_KEY_FILE", str(key_file))
    checked = _upload(officer, upload)
    upload_id = list(officer.session["uploads"])[-1]
    assert checked.status_code == 200
    stored = officer.post("/upload/", {"confirm": upload_id})
    assert stored.status_code == 200
    from aqyl.store import models as m

    ids = set(m.MobilityRecord.objects.filter(hei__code="ALMAU", period="2023H1").values_list("person_id", flat=True))
    assert ids == {pseudonym(IIN_A, KEY), pseudonym(IIN_B, KEY)}
    assert scan_database_for([IIN_A, IIN_B]) == []
    kept = [p for p in (site / "media").rglob("*") if p.is_file()]
    assert kept and not any(IIN_A.encode() in p.read_bytes() or IIN_B.encode() in p.read_bytes() for p in kept)
    # The importer still refuses an IIN given as person_id where no key turns it into a pseudonym.
    monkeypatch.delenv("AQYL_PSEUDONYM_KEY_FILE")
    raw = site / "raw.csv"
    raw.write_text(csv_text([{"person_id": IIN_A}]), encoding="utf-8")
    column = next(i for i, h in enumerate(HEADER) if h == "person_id")
    officer.cookies["aqyl_lang"] = "kk"
    assert (f"Файлда ЖСН бар, сондықтан ол сақталмады. ЖСН тұрған ұяшықтар: {chr(ord('A') + column)}2 (барлығы 1). "
            "Серверде ЖСН-ді бүркеншік атқа ауыстыратын кілт әлі орнатылмаған. Министрліктің талдаушысына немесе жүйе "
            "әкімшісіне хабарласыңыз не файлдан ЖСН-ді өшіріп, оны қайта жүктеңіз.") in _upload(officer, raw).content.decode()
    officer.cookies["aqyl_lang"] = "en"
    assert ("The file holds IINs, so it was not stored. Cells with an IIN: "
            f"{chr(ord('A') + column)}2 (1 in all).") in _upload(officer, raw).content.decode()
    assert scan_database_for([IIN_A, IIN_B]) == []


@pytest.mark.django_db
def test_database_scan_finds_a_planted_iin(site):
    from aqyl.store import models as m

    m.AuditEntry.objects.create(username="x", action="test", target=IIN_A)
    assert scan_database_for([IIN_A]) == [f"aqyl_auditentry: {IIN_A}"]
    assert get_user_model().objects.exists()
