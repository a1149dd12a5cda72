"""Readable public URLs: slugs for provinces, regencies and libraries, filled from the names.

Library slugs are unique: a name met again gets "-2", "-3"... in primary-key order, so the
oldest library keeps the plain name.
"""

from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    Province = apps.get_model("villages", "Province")
    Regency = apps.get_model("villages", "Regency")
    Library = apps.get_model("villages", "Library")
    for model in (Province, Regency):
        rows = list(model.objects.only("pk", "name"))
        for row in rows:
            row.slug = slugify(row.name)[:100] or slugify(row.pk.replace(".", "-"))
        model.objects.bulk_update(rows, ["slug"], batch_size=1000)
    taken = set()
    rows = list(Library.objects.order_by("pk").only("pk", "name"))
    for row in rows:
        base = slugify(row.name)[:200] or "perpustakaan"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        row.slug = slug
    Library.objects.bulk_update(rows, ["slug"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("villages", "0004_library_and_statistic_version"),
    ]

    operations = [
        # Without an index at first: the unique constraint below brings its own (adding a
        # plain index first makes PostgreSQL's "_like" index twice).
        migrations.AddField(
            model_name="library",
            name="slug",
            field=models.SlugField(
                blank=True, db_index=False, editable=False, max_length=220, verbose_name="URL name"
            ),
        ),
        migrations.AddField(
            model_name="province",
            name="slug",
            field=models.SlugField(blank=True, max_length=100, verbose_name="URL name"),
        ),
        migrations.AddField(
            model_name="regency",
            name="slug",
            field=models.SlugField(blank=True, max_length=100, verbose_name="URL name"),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="library",
            name="slug",
            field=models.SlugField(blank=True, editable=False, max_length=220, unique=True, verbose_name="URL name"),
        ),
    ]
