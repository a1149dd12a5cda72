"""The write guard: a test fails when a view, form, admin page or command writes a model
people change without going through its service.

Every change people make has one service function (`perpus.writes.service`), whatever the
channel. While a request is handled (the test client, the live server of the browser tests)
or a management command runs, the guard listens to every save, delete and many-to-many
change of the models in `GUARDED`; one made outside every service is a violation, and the
test fails at its end naming the model, the channel and the code that wrote. Factories and
a test's own setup, outside requests and commands, write freely.

Bulk writes (`QuerySet.update`, `bulk_create`, `bulk_update`) send no signal; the static
test `tests/perpus/test_write_paths.py` finds them in the channels' code instead.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.handlers.base import BaseHandler
from django.core.management import BaseCommand
from django.db.models.signals import m2m_changed, pre_delete, pre_save

from perpus.followups import services as followups
from perpus.writes import current_service

ROOT = Path(__file__).resolve().parents[1]

#: Model → the services that are its only way in.
GUARDED: dict[str, tuple[str, ...]] = {
    "villages.Province": ("villages.services.regions.region_save", "villages.services.regions.region_delete"),
    "villages.Regency": ("villages.services.regions.region_save", "villages.services.regions.region_delete"),
    "villages.District": ("villages.services.regions.region_save", "villages.services.regions.region_delete"),
    "villages.Village": ("villages.services.regions.region_save", "villages.services.regions.region_delete"),
    "villages.Library": ("villages.services.libraries.library_save", "villages.services.libraries.library_delete"),
    "villages.OpeningHours": (
        "villages.services.libraries.library_save",
        "villages.services.libraries.opening_hours_save",
        "villages.services.libraries.opening_hours_delete",
    ),
    "villages.LibraryPhoto": (
        "villages.services.photos.library_photo_add",
        "villages.services.photos.library_photo_update",
        "villages.services.photos.library_photo_delete",
        "villages.services.photos.library_photo_restore",
    ),
    "villages.LibraryStatistic": (
        "villages.services.statistics.library_statistic_save",
        "villages.services.statistics.library_statistic_delete",
    ),
    **{
        f"activities.{model}": (
            "activities.services.records.record_create",
            "activities.services.records.record_save",
            "activities.services.records.record_delete",
            "activities.services.records.record_restore",
            "activities.services.records.record_revert",
            "activities.services.workflow.record_submit",
            "activities.services.workflow.record_check",
            "activities.services.workflow.record_verify",
            "activities.services.workflow.record_return",
            "activities.services.workflow.record_bulk_verify",
        )
        for model in ("Activity", "Partnership", "SupportRecord", "Product", "ImpactStory", "RecordEvent")
    },
    **{
        f"activities.{model}": (
            "activities.services.activities.activity_photo_add",
            "activities.services.activities.activity_document_add",
            "activities.services.activities.attachment_update",
            "activities.services.activities.attachment_delete",
            "activities.services.activities.attachment_restore",
        )
        for model in ("ActivityPhoto", "ActivityDocument")
    },
    "programs.Program": ("programs.services.programs.program_save", "programs.services.programs.program_delete"),
    "programs.Participation": (
        "programs.services.cohorts.participation_save",
        "programs.services.cohorts.participation_delete",
    ),
    **{
        f"programs.{model}": (
            "programs.services.assessments.assessment_create",
            "programs.services.assessments.assessment_update",
            "programs.services.assessments.assessment_delete",
            "programs.services.assessments.evidence_delete",
            "programs.services.assessments.evidence_restore",
        )
        for model in ("Assessment", "AssessmentItem", "AssessmentEvidence")
    },
    "programs.Visit": (
        "programs.services.visits.visit_create",
        "programs.services.visits.visit_update",
        "programs.services.visits.visit_delete",
        "programs.services.visits.visit_restore",
    ),
    "programs.Stage": (
        "programs.services.ladder.stage_save",
        "programs.services.ladder.ladder_delete",
        "programs.services.ladder.ladder_delete_many",
    ),
    "programs.Criterion": (
        "programs.services.ladder.criterion_save",
        "programs.services.ladder.ladder_delete",
        "programs.services.ladder.ladder_delete_many",
    ),
    "perpus.User": (
        "perpus.people.services.accept_invitation",
        "perpus.people.services.change_access",
        "perpus.people.services.set_active",
        "perpus.people.services.update_own_account",
        "perpus.people.services.account_admin_save",
    ),
    **{
        f"perpus.{model}": (
            "perpus.people.services.invite",
            "perpus.people.services.resend_invitation",
            "perpus.people.services.withdraw_invitation",
            "perpus.people.services.accept_invitation",
        )
        for model in ("Invitation", "AccountEvent")
    },
}


#: Commands that load data in bulk and are not changes people make; none is checked.
EXEMPT_COMMANDS = {
    # Demo data for a first run and the browser journeys: written as a whole, notifies nobody.
    "seed_demo": "demo data, written in bulk by its loader",
    # National-scale data for `make bench`: bulk inserts, no history by design.
    "seed_scale": "benchmark data, written in bulk by its loader",
    # The official region list: bulk inserts and updates; records `due("regions", everything=True)`.
    "import_regions": "the official region list, loaded in bulk",
}

#: The fields of a person's credentials, written by Django's own sign-in and password views
#: (and the admin's password form): no service of Perpus, no history by design.
CREDENTIALS = frozenset({"password", "last_login"})

_channel: ContextVar[str | None] = ContextVar("write_guard_channel", default=None)


@dataclass
class Violation:
    model: str
    action: str
    channel: str
    writer: str
    frames: list[str]

    def __str__(self):
        lines = [f"{self.model} {self.action} outside its service during {self.channel}",
                 f"  written by {self.writer}"]
        lines += [f"  via {frame}" for frame in self.frames]
        return "\n".join(lines)


def _where(filename: str, lineno: int, name: str) -> str:
    path = Path(filename)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else Path(*path.parts[-3:])
    return f"{shown}:{lineno} {name}"


def _stack() -> tuple[str, list[str]]:
    """(the code that wrote, the project's frames on the way there); no query."""
    frames = []
    frame = sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        if Path(code.co_filename).name != "write_guard.py":
            frames.append((code.co_filename, frame.f_lineno, code.co_qualname))
        frame = frame.f_back
    # Innermost first: the first frame outside Django's ORM and signals is the writer.
    writer = next(
        (
            _where(*f)
            for f in frames
            if not {"db", "dispatch"} & set(Path(f[0]).parts) or "django" not in Path(f[0]).parts
        ),
        "?",
    )
    project = [f for f in frames if Path(f[0]).is_relative_to(ROOT) and ".venv" not in Path(f[0]).parts]
    return writer, [_where(*f) for f in project[:4]]


def _only_credentials(instance) -> bool:
    """Whether a saved account differs from its row only in its credentials (one query)."""
    if instance.pk is None:
        return False
    row = type(instance)._default_manager.filter(pk=instance.pk).first()
    if row is None:
        return False
    changed = {
        f.attname
        for f in instance._meta.concrete_fields
        if f.value_from_object(instance) != f.value_from_object(row)
    }
    return changed <= CREDENTIALS


class WriteGuard:
    """Records the violations of one test (`violations`); `install` starts listening."""

    def __init__(self):
        self.violations: list[Violation] = []
        self.models = {apps.get_model(label) for label in GUARDED}

    def install(self, monkeypatch) -> None:
        handle = BaseHandler.get_response
        execute = BaseCommand.execute

        def get_response(handler, request):
            with channel(f"the request {request.method} {request.path}"):
                return handle(handler, request)

        def run_command(command, *args, **options):
            name = type(command).__module__.rsplit(".", 1)[-1]
            with channel(None if name in EXEMPT_COMMANDS else f"the command {name}"):
                return execute(command, *args, **options)

        monkeypatch.setattr(BaseHandler, "get_response", get_response)
        monkeypatch.setattr(BaseCommand, "execute", run_command)
        pre_save.connect(self._saved, dispatch_uid="write_guard_save")
        pre_delete.connect(self._deleted, dispatch_uid="write_guard_delete")
        m2m_changed.connect(self._m2m, dispatch_uid="write_guard_m2m")

    def uninstall(self) -> None:
        pre_save.disconnect(dispatch_uid="write_guard_save")
        pre_delete.disconnect(dispatch_uid="write_guard_delete")
        m2m_changed.disconnect(dispatch_uid="write_guard_m2m")

    def _check(self, model, action: str, instance=None) -> None:
        if model not in self.models:
            return
        where = _channel.get()
        if where is None or current_service() is not None or followups.running():
            return
        label = model._meta.label
        if label == "perpus.User" and _only_credentials(instance):
            return
        writer, frames = _stack()
        self.violations.append(Violation(label, action, where, writer, frames))

    def _saved(self, sender, instance, raw=False, update_fields=None, **kwargs):
        if raw:  # loaddata
            return
        if update_fields is not None and set(update_fields) <= CREDENTIALS:
            return
        self._check(sender, "saved", instance)

    def _deleted(self, sender, instance, **kwargs):
        self._check(sender, "deleted", instance)

    def _m2m(self, sender, instance, action, reverse, model, **kwargs):
        if action.startswith("pre_"):
            # The relation belongs to the model that declares the field.
            owner = model if reverse else type(instance)
            self._check(owner, f"{action[4:]} ({sender._meta.model_name})")

    def report(self) -> str:
        """The violations, one paragraph each (no query)."""
        shown = "\n".join(str(v) for v in self.violations[:10])
        more = len(self.violations) - 10
        return (
            "Writes outside the services (call the model's service from the view, form, admin "
            "or command: tests/write_guard.py, GUARDED):\n" + shown + (f"\n…and {more} more" if more > 0 else "")
        )


@contextmanager
def channel(name: str | None):
    """Inside it, writes are checked as coming from channel `name` (None: not checked)."""
    token = _channel.set(name)
    try:
        yield
    finally:
        _channel.reset(token)
