import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("subjects", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PersonCase",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("new", "new"),
                            ("in-progress", "in progress"),
                            ("referred", "referred"),
                            ("closed", "closed"),
                        ],
                        default="new",
                        max_length=20,
                    ),
                ),
                ("updated_by", models.CharField(max_length=150)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
        ),
        migrations.AddIndex(
            model_name="triageassessment",
            index=models.Index(fields=["current", "rank"], name="assessment_current_rank"),
        ),
        migrations.AddField(
            model_name="personcase",
            name="assignee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="personcase",
            name="person",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE, related_name="case", to="subjects.person"
            ),
        ),
        migrations.AddIndex(
            model_name="personcase",
            index=models.Index(fields=["status"], name="case_status"),
        ),
    ]
