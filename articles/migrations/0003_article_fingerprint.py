from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_seed_topics")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="fingerprint",
            field=models.CharField(db_index=True, default="", editable=False, max_length=40),
            preserve_default=False,
        ),
    ]
