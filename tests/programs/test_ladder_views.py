"""Editing the ladder: program admin only, with validation of measures and windows."""

from decimal import Decimal

import pytest
from django.urls import reverse

from programs.models import Criterion, CriterionKind, Stage

pytestmark = pytest.mark.django_db


def criterion_data(stage, **changes):
    data = {
        "stage": stage.pk,
        "order": 5,
        "name": "Many points",
        "description": "",
        "kind": CriterionKind.COMPUTED,
        "measure": "points",
        "threshold": "20",
        "window_months": "",
    }
    data.update(changes)
    return data


def test_ladder_page_lists_default_stages(login, regency_staff, monkeypatch):
    from programs.measures import MEASURES

    monkeypatch.delitem(MEASURES, "spptik_trained")
    response = login(regency_staff).get(reverse("programs:ladder"))
    assert [s.name for s in response.context["stages"]] == ["Rintisan", "Berkembang", "Maju", "Inklusi sosial"]
    assert response.context["can_edit"] is False
    assert "data not yet recorded" in response.content.decode() or "belum" in response.content.decode()


def test_admin_adds_computed_criterion(login, program_admin, ladder):
    response = login(program_admin).post(reverse("programs:criterion_create"), criterion_data(ladder["A"]))
    assert response.status_code == 302
    criterion = Criterion.objects.get(name="Many points")
    assert (criterion.measure, criterion.threshold, criterion.window_months) == ("points", Decimal("20"), None)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"measure": "nothing_registered"}, "measure"),
        ({"measure": ""}, "measure"),
        ({"threshold": ""}, "threshold"),
        ({"measure": "events", "window_months": ""}, "window_months"),
        ({"measure": "points", "window_months": "3"}, "window_months"),
    ],
)
def test_invalid_computed_criterion_is_refused(login, program_admin, ladder, changes, field):
    response = login(program_admin).post(reverse("programs:criterion_create"), criterion_data(ladder["A"], **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Criterion.objects.filter(name="Many points").exists()


def test_attested_criterion_drops_measure_fields(login, program_admin, ladder):
    login(program_admin).post(
        reverse("programs:criterion_create"),
        criterion_data(ladder["C"], kind=CriterionKind.ATTESTED, name="Helps replicate"),
    )
    criterion = Criterion.objects.get(name="Helps replicate")
    assert (criterion.measure, criterion.threshold) == ("", None)


def test_default_criterion_with_unregistered_measure_stays_editable(login, program_admin):
    criterion = Criterion.objects.get(measure="active_partnerships")
    data = criterion_data(criterion.stage, measure="active_partnerships", threshold="2", name=criterion.name)
    response = login(program_admin).post(reverse("programs:criterion_update", args=[criterion.pk]), data)
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert criterion.threshold == 2


def test_admin_edits_reorders_and_deletes_stages(login, program_admin):
    client = login(program_admin)
    client.post(reverse("programs:stage_create"), {"order": 5, "name": "Mandiri", "description": ""})
    stage = Stage.objects.get(name="Mandiri")
    client.post(reverse("programs:stage_update", args=[stage.pk]), {"order": 0, "name": "Mandiri", "description": ""})
    assert Stage.objects.order_by("order").first().name == "Mandiri"
    assert client.get(reverse("programs:stage_delete", args=[stage.pk])).status_code == 200
    client.post(reverse("programs:stage_delete", args=[stage.pk]))
    assert not Stage.objects.filter(name="Mandiri").exists()


def test_only_admin_edits_ladder(login, consultant, client):
    stage = Stage.objects.first()
    for url in (
        reverse("programs:stage_create"),
        reverse("programs:stage_update", args=[stage.pk]),
        reverse("programs:criterion_create"),
    ):
        assert login(consultant).get(url).status_code == 403
    assert login(consultant).post(reverse("programs:stage_delete", args=[stage.pk])).status_code == 403
    assert Stage.objects.filter(pk=stage.pk).exists()
    client.logout()
    assert client.get(reverse("programs:stage_create")).status_code == 302
    assert client.get(reverse("programs:ladder")).status_code == 302


def test_recompute_all_is_post_only_and_admin_only(login, program_admin, consultant, library):
    url = reverse("programs:ladder_recompute")
    assert login(program_admin).get(url).status_code == 405
    assert login(consultant).post(url).status_code == 403
    assert login(program_admin).post(url).status_code == 302
    assert library.progress.computed_at is not None
