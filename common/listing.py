"""List pages: pagination that keeps the filters in the URL."""

from django.core.paginator import Page, Paginator
from django.shortcuts import render

from .govuk import style_fields

PAGE_SIZE = 50


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> tuple[Page, str]:
    """The requested page, and the query string of the filters without the page number."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()


def render_filtered_list(request, template: str, filterset, items: str, **context):
    """A list page (templates/letters/list_page.html): the filterset's form styled, its
    results paginated. `items` names the rows ("letters"); `context` adds to the page's."""
    style_fields(filterset.form)
    page, querystring = paginate(request, filterset.qs)
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page_obj": page,
            "querystring": querystring,
            "items": items,
            **context,
        },
    )
