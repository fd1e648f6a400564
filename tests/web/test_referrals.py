"""The agencies page (kept by a supervisor), the packages page and the dashboard's follow-ups."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client

from builders import actor, run_all
from tiaki.apps.audit.models import AuditEvent
from tiaki.apps.operations.models import Operation
from tiaki.apps.referrals.models import Agency, Dissemination
from tiaki.apps.referrals.services.agencies import AgencyFields, add_agency
from tiaki.apps.referrals.services.dissemination import send_package
from tiaki.engines import sealing

pytestmark = pytest.mark.django_db


def test_a_supervisor_keeps_the_directory_and_others_only_read_it(
    operation: Operation, client_as: Callable[..., Client]
):
    supervisor = client_as("supervisor", name="sam")
    o = operation.pk
    fields = {
        "country": "NZ",
        "name": "NZ Police",
        "channel": "liaison",
        "contact": "desk@example.org",
        "grading_scheme": "vic-us",
        "language": "en",
        "recipient": sealing.generate_identity().recipient,
    }
    assert supervisor.post(f"/o/{o}/agencies/add/", fields).status_code == 302
    agency = Agency.objects.get(name="NZ Police")
    assert agency.primary and agency.added_by == "user:sam"
    page = supervisor.get(f"/o/{o}/agencies/").content.decode()
    assert "NZ Police" in page and "Add an agency" in page
    bad = supervisor.post(f"/o/{o}/agencies/add/", {**fields, "name": "X", "recipient": "age1nope"})
    assert bad.status_code == 422 and "not a valid key" in bad.content.decode()
    investigator = client_as("investigator", name="ivy")
    assert "Add an agency" not in investigator.get(f"/o/{o}/agencies/").content.decode()
    assert investigator.post(f"/o/{o}/agencies/add/", {**fields, "name": "Y"}).status_code == 403
    assert investigator.post(f"/o/{o}/agencies/{agency.pk}/remove/").status_code == 403
    assert supervisor.post(f"/o/{o}/agencies/{agency.pk}/remove/").status_code == 302
    assert not Agency.objects.exists()
    assert AuditEvent.objects.filter(action="referrals.agency-removed", actor="user:sam").exists()


def test_packages_are_sent_and_acknowledged_from_the_page_and_due_follow_ups_show_on_the_dashboard(
    operation: Operation, client_as: Callable[..., Client]
):
    add_agency(AgencyFields("NZ", "NZ Police", "liaison"), actor())
    add_agency(AgencyFields("US", "HSI", "direct"), actor())
    run_all(operation, "refer")
    o = operation.pk
    ivy = client_as("investigator", name="ivy")
    page = ivy.get(f"/o/{o}/packages/").content.decode()
    assert "NZ Police" in page and "Nothing sent yet" in page
    assert ivy.post(f"/o/{o}/packages/send/", {"country": "NZ", "reference": "LO-1"}).status_code == 302
    sent = Dissemination.objects.get(country="NZ")
    assert (sent.sent_by, sent.channel, sent.reference) == ("user:ivy", "liaison", "LO-1")
    assert ivy.post(f"/o/{o}/packages/send/", {"country": "FR"}).status_code == 422
    send_package(operation, "US", actor(), follow_up_due=date.today() - timedelta(days=2))
    dashboard = ivy.get(f"/o/{o}/").content.decode()
    assert "Follow-ups due" in dashboard and "HSI" in dashboard and "NZ Police" not in dashboard
    late = Dissemination.objects.get(country="US")
    reviewer = client_as("reviewer", name="rita")
    assert reviewer.post(f"/o/{o}/packages/sends/{late.pk}/acknowledge/").status_code == 403
    assert ivy.post(f"/o/{o}/packages/sends/{late.pk}/acknowledge/", {"note": "received"}).status_code == 302
    late.refresh_from_db()
    assert late.acknowledged_by == "user:ivy" and late.acknowledgement == "received"
    assert "Follow-ups due" not in ivy.get(f"/o/{o}/").content.decode()
    partner = client_as("partner", name="pat")  # NZ Police: the portal is theirs, not this page
    assert partner.get(f"/o/{o}/packages/").status_code == 403
    page = partner.get("/partner/").content.decode()
    assert "op" in page and f"/partner/o/{o}/sends/{sent.pk}/" in page and f"/sends/{late.pk}/" not in page
