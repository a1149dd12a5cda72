"""Factories for partnerships, support, products and impact stories.

They write rows directly (no history), with the scope fields copied from the
library; pass `status=ReviewStatus.VERIFIED` for a verified record.
"""

import datetime

import factory

from activities.models import (
    BudgetSource,
    ImpactStory,
    PartnerType,
    Partnership,
    Product,
    ProductCategory,
    SupportKind,
    SupportRecord,
)
from tests.factories import LibraryFactory, UserFactory


class RecordFactory(factory.django.DjangoModelFactory):
    library = factory.SubFactory(LibraryFactory)
    province = factory.LazyAttribute(lambda o: o.library.province)
    regency = factory.LazyAttribute(lambda o: o.library.regency)
    created_by = factory.SubFactory(UserFactory)

    class Meta:
        abstract = True


class PartnershipFactory(RecordFactory):
    class Meta:
        model = Partnership

    title = "Nota kesepakatan layanan perpustakaan keliling"
    partner_name = factory.Sequence(lambda n: f"SD Negeri Paringin {n}")
    partner_type = PartnerType.SCHOOL
    signed_on = datetime.date(2022, 4, 22)
    signed_at = "Paringin"


class SupportFactory(RecordFactory):
    class Meta:
        model = SupportRecord

    kind = SupportKind.BUDGET
    title = "Alokasi Dana Desa untuk perpustakaan"
    year = 2022
    budget_source = BudgetSource.DANA_DESA
    amount = 25_000_000


class ProductFactory(RecordFactory):
    class Meta:
        model = Product

    name = factory.Sequence(lambda n: f"Keripik pisang {n}")
    group_name = "Kelompok PKK"
    category = ProductCategory.FOOD
    price = 15000
    reported_on = datetime.date(2020, 12, 3)


class StoryFactory(RecordFactory):
    class Meta:
        model = ImpactStory

    title = factory.Sequence(lambda n: f"Cerita perubahan {n}")
    person_name = factory.Sequence(lambda n: f"Siti Rahasia {n}")
    person_description = "Ibu rumah tangga"
    story = "Belajar membuat kue dari buku resep perpustakaan."
    happened_on = datetime.date(2022, 9, 15)


FACTORIES = {
    "partnership": PartnershipFactory,
    "support": SupportFactory,
    "product": ProductFactory,
    "story": StoryFactory,
}


def valid_post(key: str, library, **changes) -> dict:
    """Form data that creates a valid record of type `key` for `library`."""
    data = {
        "partnership": {
            "library": library.pk,
            "kind": "mou",
            "title": "Nota kesepakatan layanan perpustakaan keliling",
            "signed_on": "2022-04-22",
            "signed_at": "Paringin",
            "valid_until": "",
            "partner_name": "SD Negeri Paringin 1",
            "partner_type": "school",
            "scope": "Layanan perpustakaan keliling.",
        },
        "support": {
            "library": library.pk,
            "kind": "budget",
            "year": "2022",
            "title": "Alokasi Dana Desa",
            "regulation_type": "",
            "number": "",
            "issued_on": "",
            "budget_source": "dana_desa",
            "amount": "25000000",
            "notes": "",
        },
        "product": {
            "library": library.pk,
            "name": "Batik tulis",
            "group_name": "Kelompok Batik",
            "category": "fashion",
            "description": "",
            "price": "175000",
            "sales_url": "",
            "reported_on": "2020-12-03",
            "income": "",
            "income_period": "",
            "income_year": "",
        },
        "story": {
            "library": library.pk,
            "title": "Dari buku resep ke usaha kue",
            "person_name": "Rusmini",
            "person_description": "Ibu rumah tangga",
            "happened_on": "2022-09-15",
            "story": "Ia kini menjual kue setiap pekan.",
            "consent_date": "",
        },
    }[key]
    data.update(changes)
    return data


#: A field of each type that a test edits, with the new value.
EDITED_FIELD = {
    "partnership": ("title", "Judul baru"),
    "support": ("title", "Judul baru"),
    "product": ("name", "Nama baru"),
    "story": ("title", "Judul baru"),
}


def form_data_of(key: str, record, **changes) -> dict:
    """The edit form's data for `record` as loaded (with its version)."""
    data = valid_post(key, record.library, version=str(record.version))
    name, _value = EDITED_FIELD[key]
    data[name] = getattr(record, name)
    data.update(changes)
    return data
