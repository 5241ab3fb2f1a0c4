"""Someone whose role now needs two-step sign-in, in a session signed in without it (they
signed in before becoming finance or an organisation admin, or before their organisation
asked all its staff), is sent to set it up or enter a code before any other page. Signing
out and the two-step pages themselves stay open. See decision 0014."""

from django.http import HttpRequest, HttpResponse

from coplan.accounts import two_step, two_step_views

OPEN_WITHOUT_SECOND_STEP = frozenset(
    {
        "accounts:sign_out",
        "accounts:two_step_code",
        "accounts:two_step_set_up",
        "accounts:two_step_recovery_codes",
    }
)


class SecondStepNowNeededMiddleware:
    """After django-otp's middleware, which says whether this session's second step was
    done (`request.user.is_verified()`)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.view_name in OPEN_WITHOUT_SECOND_STEP:
            return None
        if not two_step.reasons_required(user):
            return None
        next_page = request.get_full_path() if request.method == "GET" else ""
        return two_step_views.start(request, user, next_page)
