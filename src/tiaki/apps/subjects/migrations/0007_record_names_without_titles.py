from importlib import import_module

from django.db import migrations

spoken_order = import_module("tiaki.apps.subjects.migrations.0006_record_names_in_spoken_order")


def renormalise_names(apps, schema_editor):
    """A title before a records' name ("Dr Mary Brown") was stored as its first word; it is now
    dropped, as records checks drop it. Every name is normalised again."""
    spoken_order.renormalise_names(apps, schema_editor, rows_with="")


class Migration(migrations.Migration):
    dependencies = [("subjects", "0006_record_names_in_spoken_order")]

    operations = [migrations.RunPython(renormalise_names, migrations.RunPython.noop)]
