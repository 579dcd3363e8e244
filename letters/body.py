"""A letter's body: Markdown as an officer types it, rendered to sanitised HTML.

markdown-it-py reads CommonMark with raw HTML off (what is typed as a tag prints as text) and
images off (a render loads nothing), with footnotes from mdit-py-plugins. Headings move one level
down (the letter's subject is its h1). nh3 then keeps only the tags and attributes below, so
nothing typed can become a script, a style or a fetch. The same HTML is printed on the letter
page, the public page and in the PDF; the PDF's variant (`footnotes="inline"`) puts each
footnote's text where it is called, for WeasyPrint's `float: footnote` to set at the foot of the
page. documents/docx.py reads the same tokens (`body_tokens`) for the Word file.
"""

import html

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "code",
    "sup", "a", "span", "section", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "id", "class"},
    "ol": {"start", "class"},
    "li": {"id", "class"},
    "sup": {"class"},
    "span": {"class"},
    "section": {"class"},
    "hr": {"class"},
}
URL_SCHEMES = {"https", "http", "mailto"}


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).disable("image")
    parser.add_render_rule("heading_open", _heading_one_level_down)
    parser.add_render_rule("heading_close", _heading_one_level_down)
    parser.add_render_rule("footnote_ref", _footnote_ref)
    return parser


def _heading_one_level_down(self, tokens, idx, options, env):
    token = tokens[idx]
    level = min(int(token.tag[1]) + 1, 5)
    return f"<{'/' if token.nesting < 0 else ''}h{level}>"


def _footnote_ref(self, tokens, idx, options, env):
    """Inline in print: the footnote's text where it is called. On a page: the numbered link."""
    note_id = tokens[idx].meta["id"]
    if env.get("footnotes_inline"):
        return f'<span class="footnote">{env["notes_html"][note_id]}</span>'
    number = note_id + 1
    return (
        f'<sup class="footnote-ref"><a href="#fn{number}" id="fnref{number}">[{number}]</a></sup>'
    )


_PARSER = _parser()


def body_tokens(text: str) -> tuple[list[Token], dict]:
    """The parsed body and its environment (footnotes under env["footnotes"])."""
    env: dict = {}
    return _PARSER.parse(text or "", env), env


def _footnote_bodies(tokens: list[Token]) -> dict[int, str]:
    """Each footnote's text rendered inline, by footnote id."""
    notes: dict[int, list[str]] = {}
    current = None
    for token in tokens:
        if token.type == "footnote_open":
            current = notes.setdefault(token.meta["id"], [])
        elif token.type == "footnote_close":
            current = None
        elif current is not None and token.type == "inline":
            current.append(_PARSER.renderer.renderInline(token.children or [], _PARSER.options, {}))
    return {note_id: " ".join(parts) for note_id, parts in notes.items()}


def _without_footnote_block(tokens: list[Token]) -> list[Token]:
    kept, inside = [], False
    for token in tokens:
        if token.type == "footnote_block_open":
            inside = True
        elif token.type == "footnote_block_close":
            inside = False
        elif not inside:
            kept.append(token)
    return kept


def body_html(text: str, *, footnotes: str = "listed") -> SafeString:
    """The body as safe HTML. footnotes="listed": numbered links to a list at the end (pages);
    "inline": each footnote's text in a span.footnote where it is called (the PDF)."""
    tokens, env = body_tokens(text)
    if footnotes == "inline":
        env.update(footnotes_inline=True, notes_html=_footnote_bodies(tokens))
        tokens = _without_footnote_block(tokens)
    rendered = _PARSER.renderer.render(tokens, _PARSER.options, env)
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)


def plain_text(text: str) -> str:
    """The body's words without markup (search, plain-text exports)."""
    tokens, _env = body_tokens(text)
    words = [token.content for token in tokens if token.type == "inline"]
    return html.unescape("\n\n".join(words))
