"""Unknown stays unknown: cost, referral and sector may now be "not said".

Before, a listing defaulted to "not free", "no referral needed" and an organisation to
"informeel", and pages showed those defaults as facts. The data migration keeps every answer
that was really given and forgets the defaults:

* `gratis` False was the default and no form asks it (pages showed "vraag het na"): unknown.
* `zonder_indicatie` True was the default and the registration form does not ask it either:
  unknown, except for the demo, whose data file states it for every listing. False was always
  somebody's answer and stays. A True ticked in the admin cannot be told from the default and
  becomes unknown too: better a missing line than a claim nobody made.
* `sector`: the registration form asks it, so registrations keep theirs. An import that gave
  none got "informeel" by default, so an imported "informeel" becomes unknown (formeel and
  hybride were always said by the source). Importing the source again restores a real answer.
* The registration's "wanneer en waar" text also becomes the HSDS description of the opening
  times read from it, so an export carries the owner's own words (with the "waar") too.
"""

from django.db import migrations, models

DEMO = "samenspel-demo"


def vergeet_standaarden(apps, schema_editor):
    Service = apps.get_model("directory", "Service")
    Organization = apps.get_model("directory", "Organization")
    Schedule = apps.get_model("directory", "Schedule")
    Service.objects.filter(gratis=False).update(gratis=None)
    Service.objects.filter(zonder_indicatie=True).exclude(bron=DEMO).update(
        zonder_indicatie=None
    )
    Organization.objects.filter(sector="informeel").exclude(bron__in=["", DEMO]).update(
        sector=""
    )
    eigen = Service.objects.filter(bron="").exclude(tijden_omschrijving="")
    for pk, tekst in eigen.values_list("pk", "tijden_omschrijving").iterator():
        Schedule.objects.filter(service_id=pk, description="").update(description=tekst)


def terug_naar_standaarden(apps, schema_editor):
    Service = apps.get_model("directory", "Service")
    Organization = apps.get_model("directory", "Organization")
    Service.objects.filter(gratis=None).update(gratis=False)
    Service.objects.filter(zonder_indicatie=None).update(zonder_indicatie=True)
    Organization.objects.filter(sector="").update(sector="informeel")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_hsds_volledig"),
    ]

    operations = [
        migrations.AlterField(
            model_name="organization",
            name="sector",
            field=models.CharField(
                blank=True,
                choices=[
                    ("formeel", "formeel"),
                    ("informeel", "informeel"),
                    ("hybride", "hybride"),
                ],
                default="",
                max_length=10,
                verbose_name="sector",
            ),
        ),
        migrations.AlterField(
            model_name="service",
            name="gratis",
            field=models.BooleanField(
                blank=True, default=None, null=True, verbose_name="gratis"
            ),
        ),
        migrations.AlterField(
            model_name="service",
            name="zonder_indicatie",
            field=models.BooleanField(
                blank=True,
                default=None,
                null=True,
                verbose_name="geen indicatie of verwijzing nodig",
            ),
        ),
        migrations.RunPython(vergeet_standaarden, terug_naar_standaarden),
    ]
