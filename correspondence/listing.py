"""List pages: pagination that keeps the filters in the URL."""

from django.core.paginator import Page, Paginator

PAGE_SIZE = 50


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> tuple[Page, str]:
    """The requested page, and the query string of the filters without the page number."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
