"""Date and number formats for the interface languages Django has none for.

Django looks here first (settings.FORMAT_MODULE_PATH) and falls back to its own
format modules for every other language.
"""
