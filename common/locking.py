"""Deciding a step on a record as it is now: lock its row, then read it again."""


def lock_and_reload(obj):
    """Lock `obj`'s row until the transaction ends and reload it, so that a concurrent change is
    neither lost nor decided on stale values. Returns `obj`."""
    # order_by(): a default ordering may join nullable relations, and PostgreSQL refuses
    # FOR UPDATE on the nullable side of an outer join.
    locked = type(obj)._default_manager.select_for_update().filter(pk=obj.pk).order_by()
    list(locked.values_list("pk", flat=True))
    obj.refresh_from_db()
    return obj
