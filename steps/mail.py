"""E-mails as their recipient reads them: the welcome e-mail and the deployment e-mail."""

from __future__ import annotations

import pytest

from mocks.mail.reading import labelled_value, links
from mocks.micollab_server.mailer import DEPLOYMENT_SUBJECT, WELCOME_SUBJECT


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
