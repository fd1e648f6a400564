from importlib import import_module

from django.db import migrations

spoken_order = import_module("tiaki.apps.intake.migrations.0004_names_in_spoken_order")


def renormalise_names(apps, schema_editor):
    """A title before a name ("Dr Mary Brown") was stored as its first word; it is now dropped, as
    search and records checks drop it. Every name is normalised again."""
    spoken_order.renormalise_names(apps, schema_editor, rows_with="")


class Migration(migrations.Migration):
    dependencies = [("intake", "0004_names_in_spoken_order")]

    operations = [migrations.RunPython(renormalise_names, migrations.RunPython.noop)]
