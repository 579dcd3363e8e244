"""Template context shared by every page."""

from django.conf import settings


def navigation(request):
    return {"site_name": "Oversight Action Tracker", "site_url": settings.SITE_URL}
