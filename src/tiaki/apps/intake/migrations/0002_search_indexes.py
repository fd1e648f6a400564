from django.db import migrations, models

BATCH = 5000


def fill_normalised(apps, schema_editor):
    """Identifiers ingested before the column existed get their normalised form, as ingest writes it."""
    from tiaki.engines.identifiers import KINDS, normalise_identifier

    Identifier = apps.get_model("intake", "Identifier")
    rows = Identifier.objects.filter(normalised="").values_list(
        "pk", "kind", "value", "account__stated_country"
    )
    changed = []
    for pk, kind, value, country in rows.iterator(chunk_size=BATCH):
        normal = normalise_identifier(kind, value, country or None) if kind in KINDS else None
        if normal:
            changed.append(Identifier(pk=pk, normalised=normal[:500]))
        if len(changed) >= BATCH:
            Identifier.objects.bulk_update(changed, ["normalised"])
            changed = []
    Identifier.objects.bulk_update(changed, ["normalised"])


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_initial"),
        ("operations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="identifier",
            name="normalised",
            field=models.CharField(blank=True, default="", max_length=500),
        ),
        migrations.AddIndex(
            model_name="account",
            index=models.Index(fields=["operation", "account_id"], name="account_op_id"),
        ),
        migrations.AddIndex(
            model_name="account",
            index=models.Index(fields=["operation", "username"], name="account_op_username"),
        ),
        migrations.AddIndex(
            model_name="identifier",
            index=models.Index(fields=["normalised"], name="identifier_normalised"),
        ),
        migrations.AddIndex(
            model_name="ipevent",
            index=models.Index(fields=["ip"], name="ipevent_ip"),
        ),
        migrations.RunPython(fill_normalised, migrations.RunPython.noop),
    ]
