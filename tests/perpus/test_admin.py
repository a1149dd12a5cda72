"""The Django admin works for every registered model, in Indonesian, with search for places.

The tests loop over `admin.site._registry`, so models registered later by any app are
covered without changes here.
"""

import json

import pytest
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from villages.models import District, Library, Province, Regency, Village

PLACE_MODELS = (Province, Regency, District, Village, Library)

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def model_id(item):
    return item[0]._meta.label


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "root-pass-123")


@pytest.fixture
def admin_browser(client, superuser, library, regency_library, province_library, regency_staff, consultant):
    """A superuser's client over a world with at least one row of the shared models."""
    Group.objects.create(name="Konsultan")
    client.force_login(superuser)
    return client


def url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def assert_indonesian_admin_page(response):
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="id"' in page
    assert "Keluar" in page  # the admin's own "Log out", from Django's Indonesian catalogue


def test_admin_index_lists_every_registered_model(admin_browser):
    response = admin_browser.get(reverse("admin:index"))
    assert_indonesian_admin_page(response)
    page = response.content.decode()
    for model, _ in REGISTERED:
        assert url(model, "changelist") in page, model._meta.label


@pytest.mark.parametrize("model, model_admin", REGISTERED, ids=[model_id(i) for i in REGISTERED])
def test_changelist_renders(admin_browser, model, model_admin, django_assert_max_num_queries):
    # A bounded number of queries whatever the rows: list_select_related does its job.
    with django_assert_max_num_queries(20):
        response = admin_browser.get(url(model, "changelist"))
    assert_indonesian_admin_page(response)
    assert "Pilih" in response.content.decode()  # "Pilih … untuk diubah"


@pytest.mark.parametrize("model, model_admin", REGISTERED, ids=[model_id(i) for i in REGISTERED])
def test_changelist_search_renders(admin_browser, model, model_admin):
    if not model_admin.search_fields:
        pytest.skip("no search on this model")
    assert_indonesian_admin_page(admin_browser.get(url(model, "changelist"), {"q": "Jua"}))


@pytest.mark.parametrize("model, model_admin", REGISTERED, ids=[model_id(i) for i in REGISTERED])
def test_add_form_renders(admin_browser, superuser, model, model_admin):
    request = RequestFactory().get("/")
    request.user = superuser
    if not model_admin.has_add_permission(request):
        pytest.skip("this model cannot be added in the admin")
    response = admin_browser.get(url(model, "add"))
    assert_indonesian_admin_page(response)
    assert "Tambah" in response.content.decode()


@pytest.mark.parametrize("model, model_admin", REGISTERED, ids=[model_id(i) for i in REGISTERED])
def test_change_form_renders_for_an_existing_row(admin_browser, model, model_admin):
    obj = model._default_manager.order_by("pk").first()
    if obj is None:
        pytest.skip("no row of this model in the test world")
    response = admin_browser.get(url(model, "change", obj.pk))
    assert_indonesian_admin_page(response)
    assert "Ubah" in response.content.decode()


def test_the_shared_models_have_rows_to_change(admin_browser):
    """The change-form test above really runs for the models of this foundation."""
    for model in (Province, Regency, District, Village, Library, get_user_model()):
        assert model._default_manager.exists(), model


# Places are chosen by search ------------------------------------------------------


def place_fields(model_admin):
    """Names of the FK/M2M fields of the admin's model that point at a place model."""
    return {
        field.name
        for field in model_admin.model._meta.get_fields()
        if isinstance(field, (models.ForeignKey, models.ManyToManyField))
        and field.related_model in PLACE_MODELS
        and not field.auto_created
        and field.editable
    }


def admins_with_inlines():
    for model, model_admin in REGISTERED:
        yield model._meta.label, model_admin
        for inline in model_admin.inlines:
            yield f"{model._meta.label} inline {inline.__name__}", inline(model, admin.site)


ALL_ADMINS = list(admins_with_inlines())


@pytest.mark.parametrize("label, model_admin", ALL_ADMINS, ids=[label for label, _ in ALL_ADMINS])
def test_places_are_chosen_by_search_never_a_drop_down(label, model_admin):
    searchable = set(model_admin.autocomplete_fields) | set(model_admin.raw_id_fields)
    editable = place_fields(model_admin) - set(model_admin.get_readonly_fields(None))
    if isinstance(model_admin, admin.options.InlineModelAdmin):
        # The inline's link to its parent row is set by the admin, never chosen.
        from django.forms.models import _get_foreign_key

        editable.discard(_get_foreign_key(model_admin.parent_model, model_admin.model, model_admin.fk_name).name)
    missing = editable - searchable
    assert not missing, f"{label}: add {sorted(missing)} to autocomplete_fields"


def test_library_village_uses_the_autocomplete_widget(superuser, rf):
    request = rf.get("/")
    request.user = superuser
    form = admin.site._registry[Library].get_form(request)()
    assert isinstance(form.fields["village"].widget.widget, AutocompleteSelect)
    user_form = admin.site._registry[get_user_model()].get_form(request)()
    assert isinstance(user_form.fields["library"].widget.widget, AutocompleteSelect)
    assert isinstance(user_form.fields["provinces"].widget.widget, AutocompleteSelectMultiple)


def autocomplete(client, app_label, model_name, field_name, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return json.loads(response.content)["results"]


def test_village_autocomplete_finds_juai(admin_browser, juai_village, other_regency_library, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # one page of results, places loaded with it
        results = autocomplete(admin_browser, "villages", "library", "village", "Jua")
    # Many villages share a name: the label says where it is.
    assert results == [{"id": "63.11.01.2001", "text": "Juai — Juai, Kabupaten Balangan · 63.11.01.2001"}]
    # Codes match by prefix: every village of a regency or district.
    assert [r["id"] for r in autocomplete(admin_browser, "villages", "library", "village", "63.08")] == [
        "63.08.01.2001"
    ]
    assert autocomplete(admin_browser, "villages", "library", "village", "08.01") == []


def test_district_autocomplete_names_the_regency(admin_browser, juai_village):
    assert autocomplete(admin_browser, "villages", "village", "district", "Juai") == [
        {"id": "63.11.01", "text": "Juai — Kabupaten Balangan · 63.11.01"}
    ]


def test_admin_site_has_perpus_titles(admin_browser):
    page = admin_browser.get(reverse("admin:index")).content.decode()
    assert "Administrasi Perpus" in page
    assert "Akun, wilayah, dan pengaturan program" in page


def test_user_scope_autocompletes(admin_browser, library):
    assert autocomplete(admin_browser, "perpus", "user", "library", "Juai") == [
        {"id": str(library.pk), "text": "Perpustakaan Desa Juai"}
    ]
    assert autocomplete(admin_browser, "perpus", "user", "regency", "Balangan") == [
        {"id": "63.11", "text": "Kabupaten Balangan"}
    ]
    assert [r["text"] for r in autocomplete(admin_browser, "perpus", "user", "provinces", "Kal")] == [
        "Kalimantan Selatan"
    ]


def test_admin_refuses_a_scope_that_does_not_match_the_role(admin_browser, regency_staff, kalsel):
    """Giving regency staff a province in the admin shows the rule and changes nothing."""
    data = {
        "username": regency_staff.username,
        "email": regency_staff.email,
        "role": "regency_staff",
        "regency": "63.11",
        "province": "63",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
        "is_active": "on",
    }
    response = admin_browser.post(url(get_user_model(), "change", regency_staff.pk), data)
    assert response.status_code == 200
    assert "Hanya untuk peran" in response.content.decode()
    regency_staff.refresh_from_db()
    assert regency_staff.province_id is None
