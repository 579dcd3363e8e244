"""`{{ table|count_rows }}`: the rows of a dashboard count table, written in one go.

A dashboard has about 130 rows of counts, each a heading and five cells; written cell by cell in
the template language (a loop, a test, a lookup and a localised number for each) they cost
far more than they do joined here.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

ROW = '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{}</th>{}</tr>'
CELL = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
LINK = '<a class="govuk-link" href="{}">{}</a>'


def _link(url: str | None, text) -> str:
    return LINK.format(escape(url), text) if url else text


def _row(row) -> str:
    """Its group's name (linked to the group's page, if any) and one numeric cell per count,
    linked to its list when it has a link."""
    name = _link(row.url, escape(row.label)) if row.url else escape(row.label or "Not recorded")
    return ROW.format(name, "".join(CELL.format(_link(cell.url, cell.value)) for cell in row.cells))


@register.filter
def count_rows(table):
    return mark_safe("".join(_row(row) for row in table.rows))  # every text is escaped
