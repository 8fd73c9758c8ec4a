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
# Collections still took 1.5 ms of a search page on average: two of the youngest
# generation a page, one of the middle every five pages (3 ms) and a full one every
# sixty (up to 28 ms). What a page makes, reference counting frees; collecting the
# youngest generation every 20,000 new objects rather than Python's 700 took 1.2 ms
# off the mean page of bench.run's searches, measured interleaved with the default.
gc.set_threshold(20_000, 10, 10)
