"""E-mails as their recipient reads them: the MiCollab welcome and deployment e-mails, and the
Mitel One welcome e-mail."""

from __future__ import annotations

import pytest

from mocks.mail.reading import labelled_value, links
from mocks.micollab_server.mailer import DEPLOYMENT_SUBJECT, WELCOME_SUBJECT
from mocks.mitel_one import mailer as mitel_one


@pytest.fixture
def welcome_email(simulated, tenant):
    return simulated.mail.wait_for(tenant.user.email, WELCOME_SUBJECT)


@pytest.fixture
def deployment_email(simulated, tenant):
    return simulated.mail.wait_for(tenant.user.email, DEPLOYMENT_SUBJECT)


@pytest.fixture
def deployment_link(deployment_email):
    return links(deployment_email)[0]


@pytest.fixture
def authentication_code(deployment_email):
    return labelled_value(deployment_email, "Authentication Code")


@pytest.fixture
def welcome_password(welcome_email):
    return labelled_value(welcome_email, "Password")


@pytest.fixture
def mitel_one_welcome_email(simulated, tenant):
    """The user's account's: a user in two companies' accounts receives one from each."""
    return simulated.mail.wait_for(tenant.user.email, mitel_one.WELCOME_SUBJECT, line=f"Company: {tenant.company}")


@pytest.fixture
def account_number(mitel_one_welcome_email):
    return labelled_value(mitel_one_welcome_email, "Account Number")
