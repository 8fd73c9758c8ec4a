from collections.abc import Iterator

from django.apps import AppConfig


def _neighbourhoods() -> Iterator[tuple[str, list[tuple[tuple[str, ...], float]]]]:
    from demo.content import neighbourhood_languages  # read when first asked, not at start-up

    return neighbourhood_languages()


class DemoConfig(AppConfig):
    """The demo data set: `manage.py seed_demo`, its content and its builder. No models."""

    name = "demo"

    def ready(self) -> None:
        # The editor orders languages by the neighbourhood table the demo is drawn from;
        # the domain asks for it here rather than importing the demo.
        from providers.forms.languages import neighbourhoods_register

        neighbourhoods_register(_neighbourhoods)
