"""The spelling list of the site search, with the names the seed itself writes two ways."""

from django.db import migrations, models

# (as the texts write it, another spelling readers type)
STARTING_LIST = [("گوانگژو", "گوانگجو")]


def add_starting_list(apps, schema_editor):
    spelling = apps.get_model("gorgan", "SearchSpelling")
    for word, variant in STARTING_LIST:
        spelling.objects.get_or_create(word=word, variant=variant)


class Migration(migrations.Migration):

    dependencies = [
        ('gorgan', '0006_service_icon_safe_image_path'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchSpelling',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(help_text='One word, as it is written in the texts, for example گوانگژو.', max_length=64, verbose_name='word')),
                ('variant', models.CharField(help_text='One word: another spelling of it, for example گوانگجو. Searching for either finds both.', max_length=64, verbose_name='also written')),
            ],
            options={
                'verbose_name': 'search spelling',
                'verbose_name_plural': 'search spellings',
                'ordering': ['word', 'variant'],
                'constraints': [models.UniqueConstraint(fields=('word', 'variant'), name='gorgan_searchspelling_unique')],
            },
        ),
        migrations.RunPython(add_starting_list, migrations.RunPython.noop),
    ]
