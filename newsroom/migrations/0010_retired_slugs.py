import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0009_search_documents"),
    ]

    operations = [
        migrations.CreateModel(
            name="RetiredSlug",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language_code", models.CharField(choices=[("fa", "Persian"), ("en", "English"), ("zh-hans", "Simplified Chinese")], max_length=15, verbose_name="language")),
                ("slug", models.SlugField(allow_unicode=True, max_length=250, verbose_name="old slug")),
                ("retired_at", models.DateTimeField(auto_now_add=True, verbose_name="retired at")),
                ("release", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="retired_slugs", to="newsroom.pressrelease", verbose_name="press release")),
            ],
            options={
                "verbose_name": "retired slug",
                "verbose_name_plural": "retired slugs",
                "ordering": ["-retired_at", "-pk"],
                "constraints": [models.UniqueConstraint(fields=("language_code", "slug"), name="newsroom_retiredslug_one_per_language")],
            },
        ),
    ]
