"""The action pages: list and export, "My actions", the action page, updates, decisions, edits,
evidence downloads and search. URL names are in actions/urls.py."""
