import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="StageJob",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "stage",
                    models.CharField(
                        choices=[
                            ("media", "media: link, hash, match, group"),
                            ("resolve", "resolve accounts to persons"),
                            ("locate", "locate events and persons"),
                            ("triage", "triage persons"),
                            ("refer", "write referral packages"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("running", "running"), ("done", "done"), ("failed", "failed")],
                        default="running",
                        max_length=20,
                    ),
                ),
                ("phase", models.CharField(blank=True, default="", max_length=200)),
                ("done", models.PositiveBigIntegerField(default=0)),
                ("total", models.PositiveBigIntegerField(null=True)),
                ("message", models.TextField(blank=True, default="")),
                ("started_by", models.CharField(max_length=150)),
                ("started_at", models.DateTimeField(auto_now_add=True)),
                ("finished_at", models.DateTimeField(null=True)),
                (
                    "operation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="jobs",
                        to="operations.operation",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["operation", "stage", "-started_at"], name="job_latest")],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("status", "running")),
                        fields=("operation",),
                        name="job_one_running",
                    )
                ],
            },
        ),
    ]
