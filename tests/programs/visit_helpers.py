"""A factory and form data for the monitoring-visit tests."""

import io
from datetime import date

import factory
from PIL import Image

from programs.models import Visit

from ..factories import UserFactory


class VisitFactory(factory.django.DjangoModelFactory):
    """A visit to `regency` (the province follows it), recorded by a new user."""

    class Meta:
        model = Visit
        skip_postgeneration_save = True

    province = factory.LazyAttribute(lambda o: o.regency.province)
    starts_on = date(2025, 3, 10)
    ends_on = date(2025, 3, 11)
    team = "Tim Perpusnas"
    findings = "Layanan berjalan."
    author = factory.SubFactory(UserFactory)

    @factory.post_generation
    def libraries(self, create, extracted, **kwargs):
        if create and extracted:
            self.libraries.set(extracted)


def visit_data(regency, **changes):
    """POST data of the visit form for `regency`."""
    data = {
        "regency": regency.pk,
        "starts_on": "2025-04-01",
        "ends_on": "2025-04-02",
        "team": "Budi (Perpusnas)\nSiti (Dispersip)",
        "purpose": "Monitoring",
        "findings": "Jam buka tidak teratur.",
        "recommendations": "Tetapkan jam buka.",
        "users_interviewed": "12",
        "non_users_interviewed": "8",
        "survey_summary": "Warga ingin buku pertanian.",
    }
    data.update(changes)
    return data


def jpeg_bytes():
    out = io.BytesIO()
    Image.new("RGB", (30, 20), "blue").save(out, format="JPEG")
    return out.getvalue()
