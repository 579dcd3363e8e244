"""The bench's WSGI entry point: the app as shipped (oversight.wsgi's settings and middleware)
with benchmarks.urls as its URLs, so the load test can measure the signed-in empty page in the
same server as the list."""

import os

from django.core.wsgi import get_wsgi_application
from django.test.utils import override_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
application = get_wsgi_application()
override_settings(ROOT_URLCONF="benchmarks.urls").enable()
