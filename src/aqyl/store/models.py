"""The register's tables. Coded columns hold classifier codes; the database refuses any other
value (CHECK constraints generated from the classifiers), so nothing unknown is ever stored. The
mobility record's CHECK constraints are generated from its declaration (aqyl.domain.intake.columns)."""

from __future__ import annotations

import operator
from functools import partial, reduce

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.intake.columns import STUDENT, columns, filled_by
from aqyl.domain.report.note import AUTHORED_SECTIONS


def classifier_choices(name: str) -> list[tuple[str, str]]:
    """Choices labelled in the active language; a callable, so labels never reach migrations."""
    lang = (get_language() or "kk")[:2]
    return CLASSIFIERS[name].choices(lang if lang in ("kk", "ru", "en") else "en")


def coded(name: str, *, optional: bool = False, **kwargs) -> models.CharField:
    width = max(len(code) for code in CLASSIFIERS[name].codes)
    field = models.CharField(max_length=width, choices=partial(classifier_choices, name), blank=optional, **kwargs)
    field.classifier = name  # read by the bulk write path's checks (aqyl.store.register)
    return field


def one_of(column: str, name: str, *, optional: bool = False) -> models.CheckConstraint:
    """A CHECK constraint: the column holds one of the named classifier's codes (or '' if optional)."""
    allowed = sorted(CLASSIFIERS[name].codes) + ([""] if optional else [])
    return models.CheckConstraint(condition=Q(**{f"{column}__in": allowed}), name=f"%(class)s_{column}_known")


def record_checks() -> list[models.CheckConstraint]:
    """The mobility record's CHECK constraints from its declaration: every coded column holds its
    classifier's codes ('' allowed unless always required), and a student's row leaves the staff
    columns empty, any other row the student columns (the import checks they are filled)."""
    known = [one_of(c.name, c.classifier, optional=c.required != "always") for c in columns() if c.kind == "code"]
    student = Q(category=STUDENT)

    def empty(names: tuple[str, ...]) -> Q:
        return reduce(operator.and_, (Q(**{name: ""}) for name in names))

    groups = models.CheckConstraint(condition=(student & empty(filled_by("staff"))) | (~student & empty(filled_by("student"))),
                                    name="mobilityrecord_degree_or_level")
    return [*known, groups]


def role_choices() -> list[tuple[str, str]]:
    from aqyl.store.labels import ROLE, choices_of

    return choices_of(ROLE)()


def source_choices() -> list[tuple[str, str]]:
    from aqyl.store.labels import SOURCE, choices_of

    return choices_of(SOURCE)()


def language_choices() -> list[tuple[str, str]]:
    return [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]  # each language by its own name


def decision_choices() -> list[tuple[str, str]]:
    from aqyl.store.labels import DECISION, choices_of

    return choices_of(DECISION)()


class Hei(models.Model):
    """A Kazakhstani higher-education institution (ЖЖОКБҰ / вуз)."""

    code = models.CharField(max_length=32, unique=True)
    hei_type = coded("hei_type")
    profile = coded("hei_profile", default="multidisciplinary")
    region = coded("region", optional=True)
    name_kk = models.CharField(max_length=300)
    name_ru = models.CharField(max_length=300)
    name_en = models.CharField(max_length=300)
    city_kk = models.CharField(max_length=100, blank=True)
    city_ru = models.CharField(max_length=100, blank=True)
    city_en = models.CharField(max_length=100, blank=True)
    is_active = models.BooleanField(default=True)
    # identifiers (aqyl.domain.heis.check_identifiers): empty when not known
    bin = models.CharField(max_length=12, blank=True)
    schac = models.CharField(max_length=100, blank=True)
    erasmus_code = models.CharField(max_length=32, blank=True)
    pic = models.CharField(max_length=9, blank=True)
    ror = models.CharField(max_length=9, blank=True)
    website = models.CharField(max_length=200, blank=True)
    ministry_code = models.CharField(max_length=32, blank=True)
    # history: active from its first day to the day before active_to (a merger's or closure's date)
    active_from = models.DateField(null=True, blank=True)
    active_to = models.DateField(null=True, blank=True)
    successor = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="predecessors")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("HEI")
        verbose_name_plural = _("HEIs")
        ordering = ["code"]
        constraints = [
            one_of("hei_type", "hei_type"),
            one_of("profile", "hei_profile"),
            one_of("region", "region", optional=True),
            models.UniqueConstraint(fields=["bin"], condition=~Q(bin=""), name="hei_unique_bin"),
            models.UniqueConstraint(fields=["schac"], condition=~Q(schac=""), name="hei_unique_schac"),
            models.UniqueConstraint(fields=["erasmus_code"], condition=~Q(erasmus_code=""), name="hei_unique_erasmus"),
            models.CheckConstraint(condition=Q(active_to__isnull=True) | Q(active_from__isnull=True)
                                   | Q(active_to__gt=models.F("active_from")), name="hei_active_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name_kk}"

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}")


class HeiAlias(models.Model):
    """Another spelling of an HEI's name (as printed in a report, an acronym, an old name)."""

    hei = models.ForeignKey(Hei, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)

    class Meta:
        verbose_name = _("HEI alias")
        verbose_name_plural = _("HEI aliases")
        constraints = [models.UniqueConstraint(fields=["name"], name="hei_alias_unique_name")]

    def __str__(self) -> str:
        return self.name


class Submission(models.Model):
    """One version of an HEI's list of mobilities for one period (an upload, a form, the demo).

    A re-upload adds a version and marks it current; earlier versions stay for comparison.
    """

    hei = models.ForeignKey(Hei, on_delete=models.PROTECT, related_name="submissions")
    period = models.CharField(max_length=8)
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    source = models.CharField(max_length=8, choices=source_choices, default="import")
    file_name = models.CharField(max_length=255, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0, help_text="Rows of the file left out as invalid")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    submitted_by = models.CharField(max_length=150, blank=True, help_text="Who uploaded it: a user, or the OS login of a CLI import")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["period", "hei__code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["hei", "period", "version"], name="submission_unique_version"),
            models.UniqueConstraint(
                fields=["hei", "period"], condition=Q(is_current=True), name="submission_one_current"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hei.code} {self.period} v{self.version}"


# The report's one index: a period's rows of a category grouped by every column the report counts,
# so each report query on SQLite reads the index alone, in order, without sorting. On PostgreSQL
# the index of that name holds (period, submission_id, category) and is the table's only one but
# its key: each index costs every imported million rows about 0.9 s of the server's time, and
# this one serves the report and a submission's rows alike (migrations 0013, 0014). Large files
# are stored in the index's order on both engines (aqyl.store.register).
REPORT_INDEX = ["period", "category", "direction", "hei", "programme", "partner_country", "format", "field", "degree",
                "study_level", "partner_institution"]


class MobilityRecord(models.Model):
    """One mobility: one person going abroad (outgoing) or coming to a Kazakhstani HEI (incoming).

    This table holds the current register only: when a submission is superseded its rows move to
    :class:`ArchivedRecord`. Reports group it directly through one index (``record_report``), on
    SQLite a covering one whose columns are those the report filters and groups by (on PostgreSQL
    see REPORT_INDEX); a pre-counted table cost a second
    copy of every row on varied data and made the import 20× slower (docs/development.md).
    """

    # No foreign-key constraints in the database: the one write path (aqyl.store.register) takes
    # both keys from rows it has just created or read, and Django still cascades and protects.
    # PostgreSQL checked them row by row at commit: 30 s for a million rows.
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, null=True, blank=True, related_name="records",
                                   db_constraint=False)
    record_id = models.CharField(max_length=64, blank=True, help_text="The identifier the HEI's own file gives")
    period = models.CharField(max_length=8)
    direction = coded("direction")
    category = coded("category")
    hei = models.ForeignKey(Hei, on_delete=models.PROTECT, related_name="records", db_index=False, db_constraint=False)
    partner_institution = models.CharField(max_length=300, blank=True)
    partner_country = coded("country")
    programme = coded("programme")
    format = coded("format")
    degree = coded("degree", optional=True)
    study_level = coded("study_level", optional=True)
    field = coded("field")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    funding = coded("funding", optional=True)
    gender = coded("gender", optional=True)
    person_id = models.CharField(max_length=64, blank=True, help_text="Pseudonymous: never a name or an IIN")
    # No time stamp of its own: every row is written with its submission (aqyl.store.register),
    # whose created_at says when; a copy per row was 32 of a row's 177 bytes on SQLite.

    class Meta:
        verbose_name = _("mobility record")
        verbose_name_plural = _("mobility records")
        ordering = ["period", "direction", "id"]
        indexes = [models.Index(fields=REPORT_INDEX, name="record_report")]
        constraints = [
            *record_checks(),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="mobilityrecord_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.direction} {self.hei_id} → {self.partner_country}"


class Flow(models.Model):
    """An annual origin→destination count from one source (UIS, OECD, UN DESA, national, …)."""

    source = models.CharField(max_length=32)
    population = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    origin = models.CharField(max_length=5, help_text="ISO 3166-1 alpha-2, or 'other'")
    destination = models.CharField(max_length=5, help_text="ISO 3166-1 alpha-2, or 'other'")
    count = models.FloatField(help_text="UIS estimates the rest of the world in fractions")
    file_name = models.CharField(max_length=255, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "population", "year", "origin", "destination"], name="flow_unique"),
            models.CheckConstraint(condition=Q(count__gte=0), name="flow_count_not_negative"),
        ]
        indexes = [models.Index(fields=["origin", "year"], name="flow_origin"),
                   models.Index(fields=["destination", "year"], name="flow_destination")]


class ArchivedRecord(models.Model):
    """A row of a superseded submission, kept as JSON so that versions can be compared or restored."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="archived_records")
    data = models.JSONField()

    class Meta:
        indexes = [models.Index(fields=["submission"], name="archived_submission")]


class Profile(models.Model):
    """A user's role: an HEI officer sees only their HEI; an analyst reads everything; an admin manages."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="aqyl_profile")
    role = models.CharField(max_length=8, choices=role_choices)
    hei = models.ForeignKey(Hei, null=True, blank=True, on_delete=models.PROTECT, related_name="officers")
    language = models.CharField(max_length=2, choices=language_choices, default="kk")

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=["officer", "analyst", "admin"]), name="profile_role_known"),
            models.CheckConstraint(condition=~Q(role="officer") | Q(hei__isnull=False), name="profile_officer_has_hei"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class CohortUpload(models.Model):
    """One version of a scholarship programme's list of fellows (a Bolashak cohort, say).

    A re-upload of the programme adds a version and makes it current; earlier versions keep their
    members, so nothing is lost and versions can be compared."""

    cohort = models.CharField(max_length=100)
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    file_name = models.CharField(max_length=255, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    submitted_by = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cohort", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "version"], name="cohortupload_unique_version"),
            models.UniqueConstraint(fields=["cohort"], condition=Q(is_current=True), name="cohortupload_one_current"),
        ]

    def __str__(self) -> str:
        return f"{self.cohort} v{self.version}"


class CohortMember(models.Model):
    """A fellow followed after departure: studies, return, work-off obligation, employment."""

    upload = models.ForeignKey(CohortUpload, on_delete=models.CASCADE, related_name="members")
    person_id = models.CharField(max_length=64, help_text="Pseudonymous: never a name or an IIN")
    departure_year = models.PositiveSmallIntegerField()
    host_country = coded("country")
    study_level = coded("study_level", optional=True)
    field = coded("field", optional=True)
    graduation_year = models.PositiveSmallIntegerField(null=True, blank=True)
    return_year = models.PositiveSmallIntegerField(null=True, blank=True)
    return_planned = models.BooleanField(null=True, blank=True)
    obligation_years = models.PositiveSmallIntegerField(null=True, blank=True)
    obligation_status = coded("obligation", optional=True)
    residence_country = coded("country", optional=True)
    employment = coded("employment", optional=True)
    job_matches_qualification = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["upload", "person_id"]
        constraints = [
            models.UniqueConstraint(fields=["upload", "person_id"], name="cohortmember_once_per_upload"),
            one_of("host_country", "country"),
            one_of("study_level", "study_level", optional=True),
            one_of("field", "field", optional=True),
            one_of("obligation_status", "obligation", optional=True),
            one_of("residence_country", "country", optional=True),
            one_of("employment", "employment", optional=True),
            models.CheckConstraint(condition=Q(return_year__isnull=True) | Q(return_year__gte=models.F("departure_year")),
                                   name="cohortmember_return_after_departure"),
        ]


class AuditEntry(models.Model):
    """Who changed what, when, with the state before and after (JSON; None for a creation or a deletion)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150, blank=True, help_text="Kept when the user is deleted")
    action = models.CharField(max_length=64)
    target = models.CharField(max_length=200)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.target}"


class Interview(models.Model):
    """A transcript of a research interview, in any of the three languages, with the attributes its
    codes are counted by (gender, funding, destination, …)."""

    code = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=2)
    attributes = models.JSONField(default=dict)
    transcript = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)


class CodedSegment(models.Model):
    """A passage of a transcript marked with a code of the codebook."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="segments")
    code = models.CharField(max_length=64, db_index=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    note = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["interview", "code", "start", "end"], name="segment_unique")]

    @property
    def quote(self) -> str:
        return self.interview.transcript[self.start:self.end]


class Release(models.Model):
    """An open-data release of a half-year: aggregates after disclosure control, as published.

    Only what is stored here reaches the public view; the register itself never does."""

    METHODS = [("suppress", "suppress"), ("round5", "round5")]

    period = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_by_name = models.CharField(max_length=150, blank=True, help_text="Who published it (kept when the user goes)")
    method = models.CharField(max_length=8, choices=METHODS, default="suppress")
    threshold = models.PositiveSmallIntegerField(default=5)
    summary = models.JSONField(default=dict, help_text="Per table: cells, suppressed (primary, secondary), totals")
    is_public = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(method__in=["suppress", "round5"]), name="release_method_known")]

    def __str__(self) -> str:
        return f"{self.period} #{self.pk} ({self.method})"


class ReleaseFile(models.Model):
    """A file of a release (CSV, datapackage.json, XLSX, methodology note), kept byte for byte."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=120)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["release", "name"]
        constraints = [models.UniqueConstraint(fields=["release", "name"], name="releasefile_unique_name")]


class NoteText(models.Model):
    """One version of a section of the analytical note that an analyst writes ("what exchange gives
    HEIs", "recommendations"), for one report series: a category and a kind of period (the first
    half-years, the second half-years, …). A version applies from its period on until a later one
    replaces it; every save adds a row, so earlier versions stay as they were written."""

    SERIES = [("H1", "H1"), ("H2", "H2"), ("AY", "academic year"), ("Y", "year")]
    SECTIONS = [(s, s) for s in AUTHORED_SECTIONS]
    LANGUAGES = [("kk", "kk"), ("ru", "ru"), ("en", "en")]

    category = coded("category")
    series = models.CharField(max_length=2, choices=SERIES)
    section = models.CharField(max_length=32, choices=SECTIONS)
    language = models.CharField(max_length=2, choices=LANGUAGES)
    valid_from = models.CharField(max_length=8, help_text="The period code from which this version applies")
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    author_name = models.CharField(max_length=150, blank=True,
                                   help_text="Kept when the user is deleted; cli:LOGIN from the command line")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["category", "series", "section", "language", "-valid_from", "-created_at", "-id"]
        indexes = [models.Index(fields=["category", "series", "language", "section", "valid_from"], name="notetext_lookup")]
        constraints = [
            one_of("category", "category"),
            models.CheckConstraint(condition=Q(series__in=["H1", "H2", "AY", "Y"]), name="notetext_series_known"),
            models.CheckConstraint(condition=Q(section__in=list(AUTHORED_SECTIONS)), name="notetext_section_known"),
            models.CheckConstraint(condition=Q(language__in=["kk", "ru", "en"]), name="notetext_language_known"),
            models.CheckConstraint(condition=~Q(text=""), name="notetext_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.series} {self.section} {self.language} from {self.valid_from}"

    def save(self, *args, **kwargs):
        if self.pk is not None:  # a version is never rewritten: a change is a new row
            raise ValueError("a NoteText version is never changed; save a new one")
        super().save(*args, **kwargs)


class CollectionPeriod(models.Model):
    """A half-year the ministry collects submissions for, opened by an analyst with a deadline."""

    period = models.CharField(max_length=8, unique=True)
    deadline = models.DateField()
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    opened_by_name = models.CharField(max_length=150, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("collection period")
        verbose_name_plural = _("collection periods")
        ordering = ["-period"]

    def __str__(self) -> str:
        return f"{self.period} (≤ {self.deadline})"


class SubmissionReview(models.Model):
    """The analyst's decision on one version of a submission: accepted, or returned for correction
    with a comment. A version's newest review is its status; a new upload starts unreviewed."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(max_length=8, choices=decision_choices)
    comment = models.TextField(blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    reviewer_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(decision__in=["accepted", "returned"]), name="review_decision_known"),
            models.CheckConstraint(condition=~Q(decision="returned") | ~Q(comment=""), name="review_returned_has_comment"),
        ]

    def __str__(self) -> str:
        return f"{self.submission} {self.decision}"


class AnalysisRun(models.Model):
    """A long computation (a gravity fit, a batch of forecasts, a large flows import) run by a
    background worker: its inputs, hashed into ``key`` with the state of the data they read, its
    progress and its result, kept and reused until the inputs change."""

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=32)
    params = models.JSONField(default=dict)
    task_id = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, default="queued")  # queued, running, done, failed
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.JSONField(null=True, blank=True)
    error = models.JSONField(null=True, blank=True)  # {"key": message key, "kk"/"ru"/"en": its text}
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
