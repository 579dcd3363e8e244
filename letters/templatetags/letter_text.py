"""{{ letter.body|letter_html }}: a letter's Markdown body as sanitised HTML (letters/body.py)."""

from django import template

from letters.body import body_html

register = template.Library()


@register.filter
def letter_html(body: str):
    return body_html(body, footnotes="listed")
