from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coplan.accounts import services, two_step_views
from coplan.accounts.forms import AccountDetailsForm, PasswordResetForm, SetPasswordForm, SignInForm
from coplan.accounts.registries import account_links
from coplan.core.http import posted


def _safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_safe_next(request) or "projects:list")
    form = SignInForm(posted(request), request=request)
    if request.method == "POST" and form.is_valid():
        second_step = two_step_views.start(request, form.user, _safe_next(request))
        if second_step is not None:
            return second_step
        login(request, form.user)  # django-axes forgets this pair's failures
        return redirect(_safe_next(request) or "projects:list")
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "next": _safe_next(request) or ""},
        status=429 if form.locked_until else 200,
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, "You have signed out.")
    return redirect("accounts:sign_in")


@login_required
def your_account(request: HttpRequest) -> HttpResponse:
    form = AccountDetailsForm(posted(request), initial={"full_name": request.user.full_name})
    if request.method == "POST" and form.is_valid():
        services.user_update_details(user=request.user, full_name=form.cleaned_data["full_name"])
        messages.success(request, "Your details have been saved.")
        return redirect("accounts:your_account")
    return render(
        request,
        "accounts/your_account.html",
        {"form": form, "nav_section": "account", "links": account_links(request.user)},
    )


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        services.sign_in_failures_forget(email=form.user.email)
        return response
