"""factory_boy factories for the domain. Defaults make a valid, minimal record."""

import datetime

import factory

from accounts.models import Organisation, Role, User
from actions.models import Action, Theme
from actions.services import add_owners_in_order
from letters.models import Letter
from meetings.models import Board, Meeting
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation, Report


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["short_name"]

    short_name = factory.Sequence(lambda n: f"ORG{n}")
    name = factory.LazyAttribute(lambda o: f"{o.short_name} organisation")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    role = Role.OFFICER
    password = factory.django.Password("correct-horse-battery")


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board
        django_get_or_create = ["name"]

    name = "Performance and Risk Oversight Board"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    date = factory.Sequence(lambda n: datetime.date(2022, 6, 24) + datetime.timedelta(days=n))
    status = Meeting.Status.HELD


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    reference = factory.Sequence(lambda n: f"MOPAC{n:06d}-D{n}")
    date = datetime.date(2022, 10, 14)
    sender = "Sophie Linden, Deputy Mayor for Policing and Crime"
    sender_organisation = factory.SubFactory(OrganisationFactory, short_name="MOPAC")
    recipient = "Commissioner"
    recipient_organisation = factory.SubFactory(OrganisationFactory, short_name="MPS")
    subject = "Follow-up to the Oversight Board"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class ActionFactory(factory.django.DjangoModelFactory):
    """An action from a meeting; `timing` is parsed as the app would; owners: `owners=[org]`."""

    class Meta:
        model = Action
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"MPS to provide briefing note {n}.")
    lead = "MPS"

    @classmethod
    def _create(cls, model_class, *args, timing="August 2022", **kwargs):
        action = model_class(*args, **kwargs)
        action.apply_timing(timing)
        action.save()
        return action

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        """Owners in the order given, as Annex A names them and the app adds them (`set()` would
        add them in the order of a Python set of their ids, which changes with the ids a database
        hands out)."""
        if create:
            add_owners_in_order(self, extracted or [OrganisationFactory(short_name="MPS")])


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerformanceQuestion

    letter = factory.SubFactory(LetterFactory)
    number = factory.Sequence(lambda n: n + 1)
    put_to = factory.SubFactory(OrganisationFactory, short_name="MPS")
    text = "What is the expected performance impact?"

    @classmethod
    def _create(cls, model_class, *args, response_timing="by 14 November", **kwargs):
        question = model_class(*args, **kwargs)
        question.apply_timing(response_timing)
        question.save()
        return question


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    title = "PEEL 2021/22: an inspection of the Metropolitan Police Service"
    body = factory.SubFactory(OrganisationFactory, short_name="HMICFRS")
    kind = Report.Kind.INSPECTION
    published_on = datetime.date(2022, 10, 7)


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    report = factory.SubFactory(ReportFactory)
    reference = factory.Sequence(lambda n: f"R{n}")
    text = "The force should improve crime recording."
    owner = factory.SubFactory(OrganisationFactory, short_name="MPS")
