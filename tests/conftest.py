"""Shared fixtures: one user per role, and two organisations for access tests."""

import pytest

from accounts.models import Role

from .factories import OrganisationFactory, UserFactory


@pytest.fixture
def mopac(db):
    return OrganisationFactory(short_name="MOPAC", name="Mayor's Office for Policing And Crime")


@pytest.fixture
def mps(db):
    return OrganisationFactory(short_name="MPS", name="Metropolitan Police Service")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(short_name="VC", name="Victims' Commissioner for London")


@pytest.fixture
def officer(mopac):
    return UserFactory(username="officer", role=Role.OFFICER, organisation=mopac)


@pytest.fixture
def lead(mps):
    return UserFactory(username="lead", role=Role.LEAD, organisation=mps)


@pytest.fixture
def other_lead(other_org):
    return UserFactory(username="otherlead", role=Role.LEAD, organisation=other_org)


@pytest.fixture
def reviewer(mopac):
    return UserFactory(username="reviewer", role=Role.REVIEWER, organisation=mopac)


@pytest.fixture
def admin_user(mopac):
    return UserFactory(
        username="admin", role=Role.ADMIN, organisation=mopac, is_staff=True, is_superuser=True
    )
