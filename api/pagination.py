"""The API's pages: DRF's page numbers, counted as the web lists count (common.counting).

`count` is exact on a small list; past common.counting.EXACT_UP_TO rows on PostgreSQL it is the
planner's estimate, and `count_estimated` says so. `next` is null on the last page either way:
an estimated list reads one row past the page to know.
"""

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from common.listing import ListPaginator


class CountedPagination(PageNumberPagination):
    django_paginator_class = ListPaginator

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response(
            {
                "count": paginator.count,
                "count_estimated": paginator.estimated,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["required"].append("count_estimated")
        paginated["properties"]["count_estimated"] = {
            "type": "boolean",
            "description": "Whether `count` is an estimate (a list of more than 10,000 rows)",
        }
        return paginated
