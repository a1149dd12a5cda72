"""What the filters of dated lists share: narrowing to a place and a period."""


def in_place_and_period(queryset, data: dict, starts: str, ends: str):
    """`queryset` narrowed to the chosen `province` and `regency` and to what overlaps the chosen
    period (`date_from`, `date_to`: ending on or after the first, starting on or before the
    last). `data` is a filter form's cleaned data; `starts` and `ends` name the model's first
    and last day (lazy, no query)."""
    if data.get("province"):
        queryset = queryset.filter(province=data["province"])
    if data.get("regency"):
        queryset = queryset.filter(regency=data["regency"])
    if data.get("date_from"):
        queryset = queryset.filter(**{f"{ends}__gte": data["date_from"]})
    if data.get("date_to"):
        queryset = queryset.filter(**{f"{starts}__lte": data["date_to"]})
    return queryset
