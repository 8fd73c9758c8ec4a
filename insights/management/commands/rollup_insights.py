from typing import Any

from insights.services import roll_up
from providers.joblock import ScheduledJob


class Command(ScheduledJob):
    job = "rollup_insights"
    help = "Fold the gap report's daily counts older than two years into monthly ones."

    def run(self, **options: Any) -> None:
        folded = roll_up()
        self.stdout.write(f"{folded} daily cells folded into monthly ones.")
