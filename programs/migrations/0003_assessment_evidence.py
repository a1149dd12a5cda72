"""Evidence files become their own rows, soft-deletable and restorable from the trash."""

import django.db.models.deletion
import perpus.uploads
from django.conf import settings
from django.db import migrations, models


def move_evidence(apps, schema_editor):
    """Each attached evidence file becomes an AssessmentEvidence row (same stored file)."""
    Item = apps.get_model("programs", "AssessmentItem")
    Evidence = apps.get_model("programs", "AssessmentEvidence")
    Evidence.objects.bulk_create(
        Evidence(
            item_id=item.pk,
            file=item.evidence.name,
            name=item.evidence_name,
            uploaded_by_id=item.assessment.author_id,
        )
        for item in Item.objects.exclude(evidence="").select_related("assessment")
    )


def restore_evidence(apps, schema_editor):
    Item = apps.get_model("programs", "AssessmentItem")
    Evidence = apps.get_model("programs", "AssessmentEvidence")
    for evidence in Evidence.objects.filter(deleted_at__isnull=True).order_by("pk"):
        Item.objects.filter(pk=evidence.item_id).update(evidence=evidence.file.name, evidence_name=evidence.name)


class Migration(migrations.Migration):

    dependencies = [
        ('programs', '0002_default_program_and_ladder'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AssessmentEvidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('deleted_at', models.DateTimeField(blank=True, db_index=True, editable=False, null=True)),
                ('file', models.FileField(upload_to=perpus.uploads.RandomUploadTo('programs/evidence'), verbose_name='file')),
                ('name', models.CharField(blank=True, max_length=200, verbose_name='file name')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                ('deleted_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('item', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='evidence_files', to='programs.assessmentitem', verbose_name='assessed criterion')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'evidence',
                'verbose_name_plural': 'evidence',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.RunPython(move_evidence, restore_evidence),
        migrations.RemoveField(
            model_name='assessmentitem',
            name='evidence',
        ),
        migrations.RemoveField(
            model_name='assessmentitem',
            name='evidence_name',
        ),
    ]
