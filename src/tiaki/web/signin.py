"""Signing in: a password, then a TOTP code; at the first sign-in, enrolling the second factor.

1. ``signin``: the password (argon2), counted by django-axes: five failures for a user name lock it
   out for 15 minutes.
2. ``enrol`` (first sign-in only): a TOTP secret, shown as a QR code drawn on the server as SVG and
   as text; the user confirms it with a code from their authenticator.
3. ``verify`` (every later sign-in): a code from the enrolled authenticator. Wrong codes count
   towards the same lockout.

Until step 2 or 3 succeeds the session is not verified and every workspace page sends the user back
here. Each sign-in, failure and enrolment is written to the audit log.
"""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tiaki.apps.audit.services.log import record
from tiaki.apps.core.actor import Actor
from tiaki.apps.core.roles import Role
from tiaki.web.guards import verified


class PasswordForm(forms.Form):
    username = forms.CharField(max_length=150)
    password = forms.CharField(max_length=1000, widget=forms.PasswordInput)


class CodeForm(forms.Form):
    code = forms.RegexField(
        regex=r"^\s*\d{6}\s*$",
        max_length=20,
        error_messages={"invalid": "enter the 6 digits your authenticator shows"},
    )


def _who(name: str) -> Actor:
    """The actor an unverified sign-in step is audited as (it acts on nothing)."""
    return Actor(name=f"user:{name}", role=Role.INVESTIGATOR)


def _next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=False):
        return wanted
    return "/"


def _device(user: Any, confirmed: bool) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


@require_http_methods(["GET", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    if verified(request):
        return redirect(_next(request))
    form = PasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        name = form.cleaned_data["username"]
        user = authenticate(request, username=name, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            return render(request, "web/locked.html", status=429)
        if user is None:
            record("access.signin-failed", actor=_who(name), target=name)
            form.add_error("password", "user name or password not recognised")
        else:
            login(request, user)
            step = "web:verify" if _device(user, confirmed=True) else "web:enrol"
            response = redirect(step)
            response["Location"] += "?" + urlencode({"next": _next(request)})
            return response
    return render(request, "web/signin.html", {"form": form, "next": _next(request)})


def _code_failed(request: HttpRequest, form: CodeForm) -> HttpResponse | None:
    """Count a wrong code towards the lockout; the locked page when this one locked the user out."""
    name = request.user.get_username()
    credentials = {"username": name}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    record("access.second-factor-failed", actor=_who(name), target=name)
    if AxesProxyHandler.is_locked(request, credentials):
        logout(request)
        return render(request, "web/locked.html", status=429)
    form.add_error("code", "that code is not right (or has expired): try the next one")
    return None


def _verified_response(request: HttpRequest, device: TOTPDevice, action: str) -> HttpResponse:
    otp_login(request, device)
    name = request.user.get_username()
    record(action, actor=_who(name), target=name)
    return redirect(_next(request))


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("web:signin")
    device = _device(request.user, confirmed=True)
    if device is None:
        return redirect("web:enrol")
    if AxesProxyHandler.is_locked(request, {"username": request.user.get_username()}):
        logout(request)
        return render(request, "web/locked.html", status=429)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            return _verified_response(request, device, "access.signed-in")
        locked = _code_failed(request, form)
        if locked is not None:
            return locked
    return render(request, "web/verify.html", {"form": form, "next": _next(request)})


def qr_svg(text: str) -> str:
    """``text`` as a QR code: an inline SVG document drawn on the server (no script, no image file)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    return svg[svg.index("<svg") :]


@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("web:signin")
    if _device(request.user, confirmed=True) is not None:
        return redirect("web:verify")
    with transaction.atomic():
        device = _device(request.user, confirmed=False) or TOTPDevice.objects.create(
            user=request.user, name="authenticator", confirmed=False
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save()
            return _verified_response(request, device, "access.second-factor-enrolled")
        locked = _code_failed(request, form)
        if locked is not None:
            return locked
    context = {
        "form": form,
        "next": _next(request),
        "qr": qr_svg(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode("ascii"),
    }
    return render(request, "web/enrol.html", context)


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        name = request.user.get_username()
        record("access.signed-out", actor=_who(name), target=name)
    logout(request)
    return redirect("web:signin")
