from typing import Any

from django.core.management.base import BaseCommand

from insights.services import roll_up


class Command(BaseCommand):
    help = "Fold the gap report's daily counts older than two years into monthly ones."

    def handle(self, *args: Any, **options: Any) -> None:
        folded = roll_up()
        self.stdout.write(f"{folded} daily cells folded into monthly ones.")
