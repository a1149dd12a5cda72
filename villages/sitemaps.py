"""sitemap.xml: the public pages of published libraries and of the places that have one.

Django's sitemap index splits each section into files of at most 50,000 URLs.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Library, Province, Regency


class LibrarySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return (
            Library.objects.public()
            .select_related("province", "regency")
            .only("pk", "slug", "updated_at", "province__slug", "regency__slug")
            .order_by("pk")
        )

    def lastmod(self, library):
        return library.updated_at

    def get_latest_lastmod(self):
        # Django's default reads every item into Python for the index; one aggregate instead.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ProvinceSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Province.objects.filter(pk__in=Library.objects.public().values("province_id")).order_by("code")


class RegencySitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return (
            Regency.objects.filter(pk__in=Library.objects.public().values("regency_id"))
            .select_related("province")
            .order_by("code")
        )


SITEMAPS = {"libraries": LibrarySitemap, "provinces": ProvinceSitemap, "regencies": RegencySitemap}
