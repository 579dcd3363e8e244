
import django.core.validators
import django.db.models.deletion
import letters.images
import letters.models
from django.db import migrations, models


CITY_HALL = "City Hall\nKamal Chunchie Way\nLondon E16 1ZE"
CITY_HALL_ONE_LINE = "City Hall, Kamal Chunchie Way, London E16 1ZE"
CONTACT = "Tel: 020 7983 4000 · www.london.gov.uk"

# The three bodies whose letters the tracker holds (the seeds' letterheads); admins add more.
BODIES = [
    {
        "name": "MOPAC and the DMPC",
        "letterhead": "MAYOR OF LONDON\nOFFICE FOR POLICING AND CRIME",
        "address": CITY_HALL,
        "return_address": f"MOPAC, {CITY_HALL_ONE_LINE}",
        "contact": CONTACT,
    },
    {
        "name": "Mayor of London",
        "letterhead": "MAYOR OF LONDON",
        "address": CITY_HALL,
        "return_address": f"Mayor of London, {CITY_HALL_ONE_LINE}",
        "contact": CONTACT,
    },
    {
        "name": "London Assembly Police and Crime Committee",
        "letterhead": "LONDON ASSEMBLY\nPOLICE AND CRIME COMMITTEE",
        "address": CITY_HALL,
        "return_address": f"London Assembly, {CITY_HALL_ONE_LINE}",
        "contact": CONTACT,
    },
]


def create_bodies_and_point_letters_at_mopac(apps, schema_editor):
    SendingBody = apps.get_model("letters", "SendingBody")
    Letter = apps.get_model("letters", "Letter")
    for values in BODIES:
        SendingBody.objects.get_or_create(name=values["name"], defaults=values)
    mopac = SendingBody.objects.get(name=BODIES[0]["name"])
    Letter.objects.filter(sending_body__isnull=True).update(sending_body=mopac)


class Migration(migrations.Migration):

    dependencies = [
        ('letters', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SendingBody',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, unique=True)),
                ('letterhead', models.TextField(help_text='One line each, printed at the top right: MAYOR OF LONDON, then OFFICE FOR POLICING AND CRIME')),
                ('address', models.TextField(blank=True, help_text='Postal address, one line each')),
                ('return_address', models.CharField(blank=True, help_text='One line above the addressee: City Hall, ...', max_length=300)),
                ('contact', models.CharField(blank=True, help_text='Telephone, email or web address, on one line', max_length=300)),
                ('logo', models.ImageField(blank=True, help_text='PNG or JPEG, up to 1 MB, printed at the top left. No crown.', upload_to='letterheads/', validators=[django.core.validators.FileExtensionValidator(['png', 'jpg', 'jpeg']), letters.images.validate_print_image])),
            ],
            options={
                'verbose_name_plural': 'sending bodies',
                'ordering': ['name'],
            },
        ),
        migrations.AddField(
            model_name='historicalletter',
            name='annex_lists_meeting_actions',
            field=models.BooleanField(default=True, help_text="Untick for a letter that does not enclose its meeting's actions", verbose_name="Annex A lists its meeting's actions"),
        ),
        migrations.AddField(
            model_name='historicalletter',
            name='signature',
            field=models.TextField(blank=True, help_text="The signatory's signature, PNG or JPEG up to 1 MB; else a space to sign", max_length=100, validators=[django.core.validators.FileExtensionValidator(['png', 'jpg', 'jpeg']), letters.images.validate_print_image]),
        ),
        migrations.AddField(
            model_name='letter',
            name='annex_lists_meeting_actions',
            field=models.BooleanField(default=True, help_text="Untick for a letter that does not enclose its meeting's actions", verbose_name="Annex A lists its meeting's actions"),
        ),
        migrations.AddField(
            model_name='letter',
            name='signature',
            field=models.ImageField(blank=True, help_text="The signatory's signature, PNG or JPEG up to 1 MB; else a space to sign", upload_to='signatures/', validators=[django.core.validators.FileExtensionValidator(['png', 'jpg', 'jpeg']), letters.images.validate_print_image]),
        ),
        migrations.AddField(
            model_name='historicalletter',
            name='sending_body',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Whose letterhead it prints under', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='letters.sendingbody'),
        ),
        migrations.AlterField(
            model_name='historicalletter',
            name='sending_body',
            field=models.ForeignKey(blank=True, db_constraint=False, default=letters.models.default_sending_body, help_text='Whose letterhead it prints under', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='letters.sendingbody'),
        ),
        migrations.AddField(
            model_name='letter',
            name='sending_body',
            field=models.ForeignKey(null=True, help_text='Whose letterhead it prints under', on_delete=django.db.models.deletion.PROTECT, related_name='letters', to='letters.sendingbody'),
        ),
        migrations.RunPython(create_bodies_and_point_letters_at_mopac, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='letter',
            name='sending_body',
            field=models.ForeignKey(default=letters.models.default_sending_body, help_text='Whose letterhead it prints under', on_delete=django.db.models.deletion.PROTECT, related_name='letters', to='letters.sendingbody'),
        ),
    ]
