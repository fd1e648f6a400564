"""A signed-in user's own API tokens: list, create (the secret is shown once, on the answer to the
form, never stored), revoke. An administrator manages anyone's from the command line."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from tiaki.apps.access.queries import own_account, partner_only, tokens
from tiaki.apps.access.services.tokens import MAX_EXPIRY_DAYS, create_token, revoke_token
from tiaki.errors import Invalid
from tiaki.web.guards import signed_in, user_id


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="what it is for")
    expires_days = forms.IntegerField(
        min_value=1, max_value=MAX_EXPIRY_DAYS, required=False, label="valid for (days; empty: until revoked)"
    )


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    actor = own_account(user_id(request), request.user.get_username())
    form = TokenForm(request.POST or None)
    secret, status = "", 200
    if request.method == "POST":
        if form.is_valid():
            try:
                made = create_token(
                    form.cleaned_data["name"],
                    request.user.get_username(),
                    actor=actor,
                    expires_days=form.cleaned_data["expires_days"],
                )
                secret, form = made.secret, TokenForm()
            except Invalid as exc:
                form.add_error("name", str(exc))
                status = 422
        else:
            status = 422
    context = {
        "tokens": tokens(actor),
        "form": form,
        "secret": secret,
        "portal": partner_only(user_id(request)),
    }
    return render(request, "web/tokens.html", context, status=status)


@signed_in
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    revoke_token(token_id, actor=own_account(user_id(request), request.user.get_username()))
    return redirect("web:tokens")
