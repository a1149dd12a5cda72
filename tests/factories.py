"""Factories for the shared models: regions, libraries and users.

Regions use real codes and get-or-create, so two factories asking for
Kabupaten Balangan share one row.
"""

import factory
from django.contrib.auth import get_user_model

from perpus.scopes import Role
from villages.models import District, Library, LibraryLevel, Province, Regency, Village


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = "63"
    name = "Kalimantan Selatan"
    time_zone = "Asia/Makassar"


class RegencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regency
        django_get_or_create = ("code",)

    code = "63.11"
    name = "Kabupaten Balangan"
    province = factory.LazyAttribute(lambda o: ProvinceFactory(code=o.code[:2]))
    kind = factory.LazyAttribute(lambda o: Regency.kind_for_code(o.code))


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    code = "63.11.01"
    name = "Juai"
    regency = factory.LazyAttribute(lambda o: RegencyFactory(code=o.code[:5]))


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Village
        django_get_or_create = ("code",)

    code = "63.11.01.2001"
    name = "Juai"
    district = factory.LazyAttribute(lambda o: DistrictFactory(code=o.code[:8]))
    regency = factory.LazyAttribute(lambda o: o.district.regency)
    province = factory.LazyAttribute(lambda o: o.district.regency.province)
    kind = factory.LazyAttribute(lambda o: Village.kind_for_code(o.code))


class LibraryFactory(factory.django.DjangoModelFactory):
    """A village library; pass `village=` to place it elsewhere."""

    class Meta:
        model = Library

    level = LibraryLevel.VILLAGE
    village = factory.SubFactory(VillageFactory)
    regency = factory.LazyAttribute(lambda o: o.village.regency if o.village else None)
    province = factory.LazyAttribute(
        lambda o: o.village.province if o.village else o.regency.province if o.regency else ProvinceFactory()
    )
    name = factory.Sequence(lambda n: f"Perpustakaan Desa {n}")
    npp = ""


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Faker("first_name", locale="id_ID")
    role = ""
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def assigned_provinces(self, create, extracted, **kwargs):
        if create and extracted:
            self.provinces.set(extracted)
        if create:
            self.save()


def make_user(role, **kwargs):
    """Create a user with `role` and the scope fields in `kwargs`."""
    return UserFactory(role=role, **kwargs)


__all__ = [
    "DistrictFactory",
    "LibraryFactory",
    "ProvinceFactory",
    "RegencyFactory",
    "Role",
    "UserFactory",
    "VillageFactory",
    "make_user",
]


def national_admin():
    """An unsaved program admin for a test's own calls of the services (their scope check
    reads the role only: no row, no query)."""
    return get_user_model()(username="test-setup", role=Role.ADMIN)
