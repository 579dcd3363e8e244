"""List pages: pagination that keeps the filters in the URL, and the ids read from a query
string."""

from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.functional import cached_property

from .counting import RowCount, row_count
from .govuk import style_fields

PAGE_SIZE = 50
MAX_ID_DIGITS = 18  # a 64-bit key has at most 19 digits; more is never a record


class BadParameter(BadRequest):
    """A query string parameter that cannot be read: answered with 400 and this message (the
    project's handler400, oversight/urls.py, shows it on the 400 page)."""


def id_param(request, name: str) -> int | None:
    """The record id in `?name=` of the query string: None when absent or blank, else its number;
    anything but ASCII digits (text, signs, decimals, other scripts' digits, too many digits) is
    BadParameter, a 400 naming the parameter, never a server error in the lookup that follows.
    Every view that reads an id from a query string reads it here."""
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS):
        raise BadParameter(
            f'The address asks for {name} "{value[:40]}", which is not a record number. '
            "Go back and follow the link again."
        )
    return int(value)


def valid_filter_results(filterset):
    """The filtered queryset of a FilterSet whose filters all read; else BadParameter (400) naming
    each filter that does not, with its error. django-filter leaves an invalid filter out and
    filters by the others, which for an export means the whole list: an export never does."""
    if filterset.is_bound and not filterset.is_valid():
        problems = "; ".join(
            f"{name}: {' '.join(str(error) for error in errors)}"
            for name, errors in filterset.errors.items()
        )
        raise BadParameter(
            f"Nothing was exported: the filter {problems[:400]} Correct the filter and try again."
        )
    return filterset.qs


class ListPaginator(Paginator):
    """A Paginator counting through `common.counting.row_count`: exact on a small list, else
    PostgreSQL's estimate, and the number of pages with it ("Page 3 of about 1,200").

    `object_list` is a queryset, or keys read in windows (actions.ordering.OverdueFirst) whose
    `queryset` is what they list. A page of an estimated list is read one row further to know
    whether another page follows, and any page number is taken, not capped at the estimated
    last page, which could cut the list short; a number past the end gives the first page."""

    @cached_property
    def row_count(self) -> RowCount:
        return row_count(getattr(self.object_list, "queryset", self.object_list))

    @cached_property
    def count(self) -> int:
        return self.row_count.value

    @property
    def estimated(self) -> bool:
        return self.row_count.estimated

    def validate_number(self, number) -> int:
        if not self.estimated:
            return super().validate_number(number)
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number) -> Page:
        if not self.estimated:
            return super().page(number)
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return _EstimatedPage(rows[: self.per_page], number, self, len(rows) > self.per_page)

    def get_page(self, number) -> Page:
        if not self.estimated:
            return super().get_page(number)
        try:
            return self.page(number)
        except InvalidPage:
            return self.page(1)


class _EstimatedPage(Page):
    def __init__(self, object_list, number, paginator, has_next: bool):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self) -> bool:
        return self._has_next

    def end_index(self) -> int:
        return self.start_index() + len(self) - 1


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> tuple[Page, str]:
    """The requested page, and the query string of the filters without the page number."""
    page = ListPaginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()


def render_filtered_list(request, template: str, filterset, items: str, shown=None, **context):
    """A list page (templates/letters/list_page.html): the filterset's form styled, its
    results paginated. `items` names the rows ("letters"); `shown` (if given) turns the page's
    rows into what the table shows; `context` adds to the page's."""
    style_fields(filterset.form)
    page, querystring = paginate(request, filterset.qs)
    if shown:
        page.object_list = shown(page.object_list)
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
