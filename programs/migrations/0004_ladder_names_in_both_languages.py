"""The ladder's names and descriptions in both languages of the interface.

Until now the default ladder's English names were shown through the translation
catalogue, so the admin (and the edit forms) showed and edited English text under
Indonesian. Now `name`/`description` hold the Indonesian text and `name_en`/
`description_en` the English; the default ladder's texts are converted here.
Names the admin typed are kept as they are (Indonesian), with no English yet.
"""


from django.db import migrations, models


#: The default ladder's English texts (migration 0002) and their Indonesian translation.
DEFAULT_TEXTS = {
    'Rintisan': 'Rintisan',
    'Starting: a manager, regular opening hours and a place; the manager trained in SPP-TIK with a work plan.': 'Rintisan: ada pengelola, jam buka teratur dan tempat; pengelola telah ikut Bimtek SPP-TIK dan memiliki rencana kerja.',
    'Has a library manager': 'Memiliki pengelola perpustakaan',
    'Open at least 3 days a week': 'Buka paling sedikit 3 hari seminggu',
    'Regular opening hours confirmed': 'Jam buka teratur sudah dikonfirmasi',
    'Has a place (floor area recorded)': 'Memiliki tempat (luas lantai tercatat)',
    'Manager trained in SPP-TIK': 'Pengelola telah ikut Bimtek SPP-TIK',
    'Has a follow-up work plan (RTL)': 'Memiliki rencana tindak lanjut (RTL)',
    'Berkembang': 'Berkembang',
    'Developing: computers and internet in service, community activities every month, monthly visits recorded.': 'Berkembang: komputer dan internet berfungsi, kegiatan pelibatan masyarakat setiap bulan, kunjungan bulanan tercatat.',
    'At least one computer in service': 'Paling sedikit satu komputer berfungsi',
    'Internet in service': 'Internet berfungsi',
    'Community activities every month (last 3 months)': 'Kegiatan pelibatan masyarakat setiap bulan (3 bulan terakhir)',
    'Monthly statistics recorded (last 3 months)': 'Statistik bulanan tercatat (3 bulan terakhir)',
    'Maju': 'Maju',
    'Advanced: partnerships, village support, activities with measurable outputs and the national standard minimums.': 'Maju: kemitraan, dukungan desa, kegiatan dengan hasil terukur, dan standar minimum nasional.',
    'At least one active partnership': 'Paling sedikit satu kemitraan aktif',
    'Support from the village (regulation or Dana Desa)': 'Dukungan desa (peraturan atau Dana Desa)',
    'Community activities produce products': 'Kegiatan masyarakat menghasilkan produk',
    'At least 1,000 titles': 'Paling sedikit 1.000 judul',
    'At least 56 m² of floor area': 'Luas lantai paling sedikit 56 m²',
    'Open at least 6 hours a day': 'Buka paling sedikit 6 jam sehari',
    'At least 2 staff': 'Paling sedikit 2 tenaga perpustakaan',
    'Inklusi sosial': 'Inklusi sosial',
    'Social-inclusion library: sustained engagement over 12 months, documented impact, accredited, helps another village replicate.': 'Perpustakaan berbasis inklusi sosial: pelibatan berkelanjutan selama 12 bulan, dampak terdokumentasi, terakreditasi, membantu desa lain mereplikasi.',
    'Community activities in each of the last 12 months': 'Kegiatan pelibatan masyarakat setiap bulan selama 12 bulan terakhir',
    'At least 300 participants in the last 12 months': 'Paling sedikit 300 peserta dalam 12 bulan terakhir',
    'At least one impact story documented': 'Paling sedikit satu cerita perubahan terdokumentasi',
    'Accredited': 'Terakreditasi',
    'Helps another village replicate': 'Membantu desa lain mereplikasi',
}


def to_both_languages(apps, schema_editor):
    for model_name in ("Stage", "Criterion"):
        model = apps.get_model("programs", model_name)
        changed = []
        for row in model.objects.all():
            if row.name in DEFAULT_TEXTS:
                row.name_en, row.name = row.name, DEFAULT_TEXTS[row.name]
            if row.description in DEFAULT_TEXTS:
                row.description_en, row.description = row.description, DEFAULT_TEXTS[row.description]
            changed.append(row)
        model.objects.bulk_update(changed, ["name", "name_en", "description", "description_en"])


def back_to_english(apps, schema_editor):
    for model_name in ("Stage", "Criterion"):
        model = apps.get_model("programs", model_name)
        for row in model.objects.exclude(name_en=""):
            row.name = row.name_en
            if row.description_en:
                row.description = row.description_en
            row.save(update_fields=["name", "description"])


class Migration(migrations.Migration):

    dependencies = [
        ('programs', '0003_assessment_evidence'),
    ]

    operations = [
        migrations.AddField(
            model_name='criterion',
            name='description_en',
            field=models.TextField(blank=True, verbose_name='description (English)'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='name_en',
            field=models.CharField(blank=True, help_text='Shown in English; empty: the Indonesian name.', max_length=200, verbose_name='name (English)'),
        ),
        migrations.AddField(
            model_name='stage',
            name='description_en',
            field=models.TextField(blank=True, verbose_name='description (English)'),
        ),
        migrations.AddField(
            model_name='stage',
            name='name_en',
            field=models.CharField(blank=True, help_text='Shown in English; empty: the Indonesian name.', max_length=100, verbose_name='name (English)'),
        ),
        migrations.AlterField(
            model_name='criterion',
            name='description',
            field=models.TextField(blank=True, verbose_name='description (Indonesian)'),
        ),
        migrations.AlterField(
            model_name='criterion',
            name='name',
            field=models.CharField(max_length=200, verbose_name='name (Indonesian)'),
        ),
        migrations.AlterField(
            model_name='stage',
            name='description',
            field=models.TextField(blank=True, verbose_name='description (Indonesian)'),
        ),
        migrations.AlterField(
            model_name='stage',
            name='name',
            field=models.CharField(max_length=100, verbose_name='name (Indonesian)'),
        ),
        migrations.RunPython(to_both_languages, back_to_english),
    ]
