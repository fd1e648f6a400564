from django.db import migrations

BATCH = 5000


def renormalise_names(apps, schema_editor, rows_with=","):
    """Records' names written "Surname, Given" were stored in the order written, commas dropped; records
    checks now compare names in the order spoken (as ``services.records`` writes them). ``rows_with``:
    the names to rewrite are those holding it (a later migration rewrites every name)."""
    from tiaki.engines.identifiers import comparable_identifier

    RecordsFact = apps.get_model("subjects", "RecordsFact")
    rows = RecordsFact.objects.filter(kind__in=("name", "name+dob"), value__contains=rows_with).values_list(
        "pk", "kind", "value", "normalised"
    )
    changed = []
    for pk, kind, value, old in rows.iterator(chunk_size=BATCH):
        if kind == "name+dob":
            name, _, dob = value.partition("|")
            n, d = comparable_identifier("name", name), comparable_identifier("dob", dob)
            normal = f"{n}|{d}" if n and d else ""
        else:
            normal = comparable_identifier("name", value) or ""
        if normal != old:
            changed.append(RecordsFact(pk=pk, normalised=normal))
        if len(changed) >= BATCH:
            RecordsFact.objects.bulk_update(changed, ["normalised"])
            changed = []
    RecordsFact.objects.bulk_update(changed, ["normalised"])


class Migration(migrations.Migration):
    dependencies = [("subjects", "0005_person_label_index")]

    operations = [migrations.RunPython(renormalise_names, migrations.RunPython.noop)]
