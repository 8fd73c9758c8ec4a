"""Reading HSDS 3.0 files for the importer: nested JSON (services, organizations,
service_at_locations, pages of them, arrays, NDJSON), the tabular JSON form, or a CSV
data package, gathered into services merged by id (a service that appears in several
files, as the official examples do, becomes one)."""

import json
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from providers.hsds import tabular

JSON = dict[str, Any]


class HsdsFileError(Exception):
    """A file cannot be read at all (missing, not JSON)."""


def read_services(path: Path) -> tuple[list[JSON], list[str]]:
    """Every service found at `path` (a file or a folder), merged by id; and what was ignored."""
    collector = _Collector()
    path = Path(path)
    if not path.exists():
        raise HsdsFileError(_("%(path)s does not exist.") % {"path": path})
    if path.is_dir():
        for file in sorted(path.rglob("*.json")):
            if file.name != "datapackage.json":
                collector.read_json_file(file)
        for folder in sorted({csv.parent for csv in path.rglob("services.csv")}):
            collector.add_tables(tabular.read_csv_tables(folder), str(folder))
    elif path.suffix == ".csv" or path.name == "datapackage.json":
        collector.add_tables(tabular.read_csv_tables(path.parent), str(path.parent))
    else:
        collector.read_json_file(path)
    return list(collector.services.values()), collector.ignored


class _Collector:
    def __init__(self) -> None:
        self.services: dict[str, JSON] = {}
        self.ignored: list[str] = []

    def read_json_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise HsdsFileError(
                _("%(path)s cannot be read: %(error)s") % {"path": path, "error": error}
            ) from error
        try:
            documents = [json.loads(text)]
        except json.JSONDecodeError:
            try:  # newline-delimited JSON
                documents = [json.loads(line) for line in text.splitlines() if line.strip()]
            except json.JSONDecodeError as error:
                raise HsdsFileError(
                    _("%(path)s is not JSON: %(error)s") % {"path": path, "error": error}
                ) from error
        for document in documents:
            self.add(document, path.name)

    def add_tables(self, tables: dict[str, list[JSON]], origin: str) -> None:
        for service in tabular.assemble(tables):
            self.add_service(service, origin)

    def add(self, obj: Any, origin: str) -> None:
        if isinstance(obj, list):
            for item in obj:
                self.add(item, origin)
            return
        if not isinstance(obj, dict):
            self.ignored.append(_("%(origin)s: not an HSDS object") % {"origin": origin})
            return
        if isinstance(obj.get("contents"), list):
            self.add(obj["contents"], origin)
        elif any(key.endswith(".csv") for key in obj):
            self.add_tables(tabular.tables_from_json(obj), origin)
        elif isinstance(obj.get("service"), dict):  # a service_at_location
            sal = {
                key: value for key, value in obj.items() if key not in ("service", "name", "status")
            }
            self.add_service({**obj["service"], "service_at_locations": [sal]}, origin)
        elif isinstance(obj.get("services"), list):  # an organization with its services
            organization = {key: value for key, value in obj.items() if key != "services"}
            for service in obj["services"]:
                if isinstance(service, dict):
                    self.add_service({**service, "organization": organization}, origin)
        elif "status" in obj and "name" in obj:
            self.add_service(obj, origin)
        else:
            what = obj.get("name") or obj.get("id") or ""
            self.ignored.append(
                _("%(origin)s: %(what)s is not a service (nothing to import)")
                % {"origin": origin, "what": what or _("an object")}
            )

    def add_service(self, service: JSON, origin: str) -> None:
        service_id = str(service.get("id") or "")
        if not service_id:
            self.ignored.append(_("%(origin)s: a service without an id") % {"origin": origin})
            return
        if service_id in self.services:
            _merge(self.services[service_id], service)
        else:
            self.services[service_id] = json.loads(json.dumps(service))


def _merge(into: JSON, other: JSON) -> None:
    """Fill what `into` lacks from `other`; lists of objects are merged by id."""
    for key, value in other.items():
        current = into.get(key)
        if current in (None, "", [], {}):
            into[key] = json.loads(json.dumps(value))
        elif isinstance(current, dict) and isinstance(value, dict):
            _merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            by_id = {item.get("id"): item for item in current if isinstance(item, dict)}
            for item in value:
                if isinstance(item, dict) and item.get("id") in by_id:
                    _merge(by_id[item["id"]], item)
                elif isinstance(item, dict) and item.get("id"):
                    current.append(json.loads(json.dumps(item)))
