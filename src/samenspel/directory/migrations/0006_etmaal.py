from django.db import migrations


def laad(apps, schema_editor):
    from samenspel.directory import taxonomieen

    taxonomieen.laad(
        apps.get_model("directory", "Taxonomy"), apps.get_model("directory", "TaxonomyTerm")
    )


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_korte_tekst")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
