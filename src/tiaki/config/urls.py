"""URL wiring: the shell's pages, and each app's pages under ``/o/<operation id>/``, reached through
``operation_view`` (signed in with both factors, a role in the operation)."""

from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from tiaki.api import api
from tiaki.apps.audit import views as audit
from tiaki.apps.media import views as media
from tiaki.apps.operations import views as operations
from tiaki.apps.outcomes import results_views as results
from tiaki.apps.outcomes import views as outcomes
from tiaki.apps.referrals import views as referrals
from tiaki.apps.subjects import views as subjects
from tiaki.web import signin, tokens
from tiaki.web import views as web
from tiaki.web.guards import operation_view, partner_view

admin.site.__class__ = OTPAdminSite  # the admin asks for the second factor too

web_urls = [
    path("healthz", web.healthz, name="healthz"),
    path("", web.home, name="home"),
    path("signin/", signin.signin, name="signin"),
    path("signin/enrol/", signin.enrol, name="enrol"),
    path("signin/verify/", signin.verify, name="verify"),
    path("signout/", signin.signout, name="signout"),
    path("account/tokens/", tokens.token_list, name="tokens"),
    path("account/tokens/<int:token_id>/revoke/", tokens.token_revoke, name="token-revoke"),
    path("o/<int:operation_id>/", operation_view(web.dashboard), name="dashboard"),
    path("o/<int:operation_id>/stages/", operation_view(web.start_stage), name="start-stage"),
]
operations_urls = [
    path("o/<int:operation_id>/jobs/<int:job_id>/", operation_view(operations.job_status), name="job"),
]
subjects_urls = [
    path("o/<int:operation_id>/persons/", operation_view(subjects.person_list), name="persons"),
    path("o/<int:operation_id>/persons/<str:label>/", operation_view(subjects.person_detail), name="person"),
    path(
        "o/<int:operation_id>/persons/<str:label>/links/<int:link_id>/",
        operation_view(subjects.decide_link),
        name="decide-link",
    ),
    path("o/<int:operation_id>/persons/<str:label>/merge/", operation_view(subjects.merge), name="merge"),
    path("o/<int:operation_id>/persons/<str:label>/split/", operation_view(subjects.split), name="split"),
    path("o/<int:operation_id>/persons/<str:label>/case/", operation_view(subjects.case), name="case"),
    path("o/<int:operation_id>/review/", operation_view(subjects.review), name="review"),
    path(
        "o/<int:operation_id>/review/held-back/<int:link_id>/",
        operation_view(subjects.decide_held_back),
        name="decide-held-back",
    ),
]
_item = "o/<int:operation_id>/media/items/<str:key>/"
media_urls = [
    path("o/<int:operation_id>/media/", operation_view(media.queue), name="queue"),
    path("o/<int:operation_id>/media/next/", operation_view(media.next_item), name="next"),
    path(_item, operation_view(media.item), name="item"),
    path(_item + "derivative.png", operation_view(media.derivative), name="derivative"),
    path(_item + "original", operation_view(media.original), name="original"),
    path(_item + "reveal/", operation_view(media.reveal), name="reveal"),
    path(_item + "facts/", operation_view(media.grade), name="grade"),
    path(_item + "description/", operation_view(media.describe), name="describe"),
    path(_item + "clues/", operation_view(media.clue), name="clue"),
    path("o/<int:operation_id>/media/suggested/", operation_view(media.suggested_list), name="suggested"),
    path("o/<int:operation_id>/media/suggested/confirm/", operation_view(media.confirm), name="confirm"),
    path(
        "o/<int:operation_id>/media/descriptions/",
        operation_view(media.description_list),
        name="descriptions",
    ),
    path(
        "o/<int:operation_id>/media/descriptions/<int:description_id>/",
        operation_view(media.decide),
        name="decide",
    ),
    path("o/<int:operation_id>/media/series/", operation_view(media.series), name="series"),
    path(
        "o/<int:operation_id>/media/series/status/", operation_view(media.series_status), name="series-status"
    ),
    path("o/<int:operation_id>/media/markets/", operation_view(media.market), name="market"),
    path("o/<int:operation_id>/media/exposure/", operation_view(media.exposure_page), name="exposure"),
    path("o/<int:operation_id>/media/exposure/budget/", operation_view(media.budget), name="budget"),
]
referrals_urls = [
    path("o/<int:operation_id>/agencies/", operation_view(referrals.agency_list), name="agencies"),
    path("o/<int:operation_id>/agencies/add/", operation_view(referrals.agency_add), name="agency-add"),
    path(
        "o/<int:operation_id>/agencies/<int:agency_id>/remove/",
        operation_view(referrals.agency_remove),
        name="agency-remove",
    ),
    path("o/<int:operation_id>/packages/", operation_view(referrals.package_list), name="packages"),
    path("o/<int:operation_id>/packages/send/", operation_view(referrals.package_send), name="package-send"),
    path(
        "o/<int:operation_id>/packages/sends/<int:send_id>/acknowledge/",
        operation_view(referrals.package_acknowledge),
        name="package-acknowledge",
    ),
]
# the partner portal (partner agencies' officers) and the operation's results (outcomes app)
_send = "partner/o/<int:operation_id>/sends/<int:send_id>/"
portal_urls = [
    path("partner/", web.portal_home, name="home"),
    path(_send, partner_view(outcomes.send_detail), name="send"),
    path(_send + "dossier/", partner_view(outcomes.dossier), name="dossier"),
    path(_send + "package/", partner_view(outcomes.package_file), name="download"),
    path(_send + "acknowledge/", partner_view(outcomes.acknowledge_send), name="acknowledge"),
    path(_send + "outcomes/", partner_view(outcomes.add_outcome), name="outcome"),
    path(
        "partner/o/<int:operation_id>/outcomes/<int:outcome_id>/withdraw/",
        partner_view(outcomes.withdraw),
        name="withdraw",
    ),
]
results_urls = [
    path("o/<int:operation_id>/results/", operation_view(results.results), name="results"),
    path("o/<int:operation_id>/results.csv", operation_view(results.results_csv), name="results-csv"),
    path("o/<int:operation_id>/results.pdf", operation_view(results.results_pdf), name="results-pdf"),
]
audit_urls = [
    path("o/<int:operation_id>/audit/", operation_view(audit.audit_log), name="log"),
]

urlpatterns = [
    path("api/", api.urls),
    path("", include((web_urls, "web"))),
    path("", include((operations_urls, "operations"))),
    path("", include((subjects_urls, "subjects"))),
    path("", include((media_urls, "media"))),
    path("", include((referrals_urls, "referrals"))),
    path("", include((audit_urls, "audit"))),
    path("", include((portal_urls, "portal"))),
    path("", include((results_urls, "results"))),
    path("admin/", admin.site.urls),
]

handler403 = "tiaki.web.errors.forbidden"
handler404 = "tiaki.web.errors.not_found"
