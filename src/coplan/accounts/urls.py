from django.contrib.auth import views as auth_views
from django.urls import path

from coplan.accounts import two_step_views, views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("your-account/", views.your_account, name="your_account"),
    path("sign-in/code/", two_step_views.code, name="two_step_code"),
    path("sign-in/set-up-two-step/", two_step_views.set_up, name="two_step_set_up"),
    path("your-account/two-step/", two_step_views.settings_page, name="two_step"),
    path(
        "your-account/two-step/recovery-codes/",
        two_step_views.recovery_codes,
        name="two_step_recovery_codes",
    ),
    path(
        "your-account/two-step/new-recovery-codes/",
        two_step_views.recovery_codes_new,
        name="two_step_recovery_codes_new",
    ),
    path("your-account/two-step/turn-off/", two_step_views.turn_off, name="two_step_turn_off"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
