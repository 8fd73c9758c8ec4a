from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """The current path without its language prefix, for the language switcher."""
    path = request.get_full_path()
    language = getattr(request, "LANGUAGE_CODE", "")
    prefix = f"/{language}/"
    unprefixed = path[len(prefix) - 1 :] if language and path.startswith(prefix) else path
    return {"path_without_language": unprefixed}
