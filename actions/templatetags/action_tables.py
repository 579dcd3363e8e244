"""Tables of actions in templates, written by actions/rows.py.

{% action_columns rows as columns %}: the headings of the table `rows` were written for (the
action list's when there are none), for templates/actions/includes/action_table.html.

{% action_table actions caption kind="meeting" %}: a whole table of `actions` (a queryset, or
actions in order), for the pages of apps below `actions` (a meeting's, a letter's) and the
public pages, which read the actions through the relation the actions app declares and leave
how a row looks to it. `kind` names a `Table` of actions/rows.py: "actions" (the default),
"meeting" or "public".
"""

from django import template

from actions.rows import ACTIONS, TABLES, table_rows

register = template.Library()


@register.simple_tag
def action_columns(rows):
    return (rows[0].table if rows else ACTIONS).headings


@register.inclusion_tag("actions/includes/action_table.html")
def action_table(actions, caption: str, kind: str = "actions", show_caption: bool = False):
    return {
        "rows": table_rows(actions, TABLES[kind]),
        "caption": caption,
        "show_caption": show_caption,
    }
