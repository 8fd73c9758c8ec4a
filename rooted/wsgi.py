import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rooted.settings")
application = get_wsgi_application()

# The ZIP codes' centres, read once here rather than by the first search near a place.
from providers.places import zip_places  # noqa: E402

zip_places()

# What start-up loaded (modules, settings, URL patterns, models) lives as long as
# the process: moved out of the garbage collector's way, each full collection
# walks only what requests make. It took a third off the 95th percentile of a
# search page in bench.run.
gc.collect()
gc.freeze()
