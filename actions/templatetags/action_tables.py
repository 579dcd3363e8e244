"""`{{ actions|table_rows }}`: the rows of an action table, computed once (actions/rows.py)."""

from django import template

from actions import rows

register = template.Library()
register.filter("table_rows", rows.table_rows)
