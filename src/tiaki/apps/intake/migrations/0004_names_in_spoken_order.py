from django.db import migrations

BATCH = 5000


def renormalise_names(apps, schema_editor, rows_with=","):
    """Names written "Surname, Given" were stored in the order written, commas dropped ("brown mary");
    search and records checks now compare them in the order spoken ("mary brown"). ``rows_with``: the
    names to rewrite are those holding it (a later migration rewrites every name)."""
    from tiaki.engines.identifiers import comparable_identifier

    Identifier = apps.get_model("intake", "Identifier")
    rows = Identifier.objects.filter(kind="name", value__contains=rows_with).values_list(
        "pk", "value", "normalised"
    )
    changed = []
    for pk, value, old in rows.iterator(chunk_size=BATCH):
        normal = (comparable_identifier("name", value) or "")[:500]
        if normal != old:
            changed.append(Identifier(pk=pk, normalised=normal))
        if len(changed) >= BATCH:
            Identifier.objects.bulk_update(changed, ["normalised"])
            changed = []
    Identifier.objects.bulk_update(changed, ["normalised"])


class Migration(migrations.Migration):
    dependencies = [("intake", "0003_cybertip_details")]

    operations = [migrations.RunPython(renormalise_names, migrations.RunPython.noop)]
