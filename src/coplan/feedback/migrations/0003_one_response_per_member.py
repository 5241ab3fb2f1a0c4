from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_keep_one_response_per_member"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="feedbackresponse",
            name="feedback_fe_form_id_ace7a4_idx",
        ),
        migrations.AddConstraint(
            model_name="feedbackresponse",
            constraint=models.UniqueConstraint(
                condition=models.Q(("respondent__isnull", False)),
                fields=("form", "respondent"),
                name="one_response_per_member",
            ),
        ),
    ]
