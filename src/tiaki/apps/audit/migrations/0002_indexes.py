from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["operation", "action"], name="audit_operation_action"),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["actor"], name="audit_actor"),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["target"], name="audit_target"),
        ),
    ]
