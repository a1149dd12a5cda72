"""Factories for library profiles: opening hours, photos, monthly statistics, test images."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import LibraryFactory
from villages.models import LibraryPhoto, LibraryStatistic, OpeningHours


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    library = factory.SubFactory(LibraryFactory)
    weekday = 0
    opens = datetime.time(8, 0)
    closes = datetime.time(14, 0)


class LibraryStatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LibraryStatistic

    library = factory.SubFactory(LibraryFactory)
    month = datetime.date(2024, 5, 1)
    visits_male = 40
    visits_female = 60
    new_members = 5
    total_members = 120
    loans = 80


class LibraryPhotoFactory(factory.django.DjangoModelFactory):
    """A photo without people (public when its library is published), with tiny renditions."""

    class Meta:
        model = LibraryPhoto

    library = factory.SubFactory(LibraryFactory)
    small = factory.django.ImageField(format="JPEG", width=48, height=32, filename="small.jpg")
    large = factory.django.ImageField(format="JPEG", width=96, height=64, filename="large.jpg")
    alt_text = "Ruang baca perpustakaan"
    is_person_photo = False
    consent_recorded = False


def image_bytes(fmt="JPEG", size=(64, 48), color=(200, 30, 30), mode="RGB", **save_kwargs) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, format=fmt, **save_kwargs)
    return out.getvalue()


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg_with_gps(size=(2400, 1200), orientation=None) -> bytes:
    """A JPEG carrying EXIF with GPS coordinates (and, if given, an orientation tag)."""
    image = Image.new("RGB", size, (10, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    gps = {1: "S", 2: (2.0, 18.0, 20.0), 3: "E", 4: (115.0, 23.0, 50.0)}
    exif[0x8825] = gps
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()
