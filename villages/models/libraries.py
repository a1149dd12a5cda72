"""Libraries at every level: the province's and regency's agency libraries and village libraries."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from perpus.scopes import DATA_ENTRY_ROLES, ScopedQuerySet, ScopePaths, scope_of, visible_q
from perpus.textsearch import matching, normalise

from .choices import Accreditation, InternetKind, LibraryLevel
from .regions import Province, Regency, Village


#: The regency part of a province library's URL (no regency slug is "provinsi": they all
#: start with "kabupaten-" or "kota-").
PROVINCE_LEVEL_PART = "provinsi"


def unique_library_slug(name: str, exclude_pk=None) -> str:
    """A slug of `name` no other library has: "taman-baca", else "taman-baca-2", ... (one query)."""
    base = slugify(name)[:200] or "perpustakaan"
    taken = set(
        Library.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def coordinate_field(label, limit: int) -> models.DecimalField:
    """An optional latitude or longitude in degrees, from -`limit` to `limit` (to about 10 cm)."""
    return models.DecimalField(
        label,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
    )


class LibraryQuerySet(ScopedQuerySet):
    scope_paths = ScopePaths(province="province_id", regency="regency_id", library="pk")
    # Consultants review libraries but do not edit their profiles.
    writer_roles = DATA_ENTRY_ROLES

    def public(self):
        """Libraries shown to visitors (lazy)."""
        return self.filter(is_published=True)

    def search(self, query: str):
        """Libraries whose name, description or places hold every word of `query`
        (lazy; see `perpus.textsearch`)."""
        return matching(self, query)

    def visible_to(self, user):
        """Published libraries, plus the unpublished ones in `user`'s scope: every library for a
        program admin or superuser (lazy; no query but a consultant's provinces, once)."""
        scope = scope_of(user)
        if scope.is_national:
            # visible_q says "everything" with an empty Q(), and Django drops an empty Q from
            # an OR (`Q(is_published=True) | Q()` is `Q(is_published=True)`): the union would
            # hide unpublished libraries from the program admin.
            return self.all()
        if scope.is_empty:
            return self.public()
        return self.filter(Q(is_published=True) | visible_q(scope, self.scope_paths))


class Library(models.Model):
    level = models.CharField(_("level"), max_length=10, choices=LibraryLevel.choices)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="libraries", verbose_name=_("province")
    )
    regency = models.ForeignKey(
        Regency, on_delete=models.PROTECT, related_name="libraries", null=True, blank=True,
        verbose_name=_("regency/city"),
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="libraries", null=True, blank=True,
        verbose_name=_("village/kelurahan"),
    )
    name = models.CharField(_("name"), max_length=200)
    #: Public URL part (/perpustakaan/<province>/<regency>/<slug>/), unique, set once from the
    #: name on the first save and kept when the name changes, so shared links keep working.
    slug = models.SlugField(_("URL name"), max_length=220, unique=True, blank=True, editable=False)
    npp = models.CharField(
        _("NPP number"), max_length=32, blank=True,
        help_text=_("Nomor Pokok Perpustakaan, where the library has one."),
    )
    address = models.TextField(_("address"), blank=True)
    latitude = coordinate_field(_("latitude"), 90)
    longitude = coordinate_field(_("longitude"), 180)
    # The public profile.
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the library offers, in a few sentences.")
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    website_url = models.URLField(_("website"), blank=True)
    # Private contact details (UU PDP): shown only to users whose scope includes the library.
    manager_name = models.CharField(_("manager's name"), max_length=200, blank=True)
    manager_phone = models.CharField(_("manager's phone"), max_length=32, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    # Facts the progress ladder reads (programs.measures.library); empty means not recorded.
    floor_area_m2 = models.PositiveIntegerField(_("floor area (m²)"), null=True, blank=True)
    collection_titles = models.PositiveIntegerField(_("collection: titles"), null=True, blank=True)
    collection_copies = models.PositiveIntegerField(_("collection: copies"), null=True, blank=True)
    staff_count = models.PositiveSmallIntegerField(_("staff"), null=True, blank=True)
    computers_in_service = models.PositiveSmallIntegerField(
        _("computers in service"), null=True, blank=True
    )
    has_internet = models.BooleanField(_("internet access"), default=False)
    internet_kind = models.CharField(
        _("kind of internet access"), max_length=10, choices=InternetKind.choices, blank=True
    )
    accreditation = models.CharField(
        _("accreditation"), max_length=1, choices=Accreditation.choices, blank=True,
        help_text=_("Perpusnas accreditation grade; empty when not accredited."),
    )
    is_published = models.BooleanField(
        _("published"), default=True, help_text=_("Shown on the public pages.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    #: Grows with each save of the profile, so a save from a stale form is refused.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    #: Name, description and places, normalised for search (`perpus.textsearch`); written by
    #: `save()` and the bulk seeders. Never holds private fields (contact, manager).
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = ["province_id", "regency_id", "name"]
        verbose_name = _("library")
        verbose_name_plural = _("libraries")
        constraints = [
            models.UniqueConstraint(
                fields=["npp"], condition=~Q(npp=""), name="library_npp_unique_when_present"
            ),
            models.CheckConstraint(
                condition=(
                    Q(level=LibraryLevel.PROVINCE, regency__isnull=True, village__isnull=True)
                    | Q(level=LibraryLevel.REGENCY, regency__isnull=False, village__isnull=True)
                    | Q(level=LibraryLevel.VILLAGE, regency__isnull=False, village__isnull=False)
                ),
                name="library_region_matches_level",
            ),
        ]

    def __str__(self):
        return self.name

    #: What `search_text` is made of.
    SEARCHED_FIELDS = frozenset({"name", "npp", "address", "description", "village", "regency", "province"})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_library_slug(self.name, exclude_pk=self.pk)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or self.SEARCHED_FIELDS.intersection(update_fields):
            text = library_search_text(self)
            # Read by `library_save`: the activities' search texts end with the library's.
            self.search_text_changed = self.pk is not None and text != self.search_text
            self.search_text = text
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The library's readable page when its province and regency are loaded
        (select_related them), else its numeric address, which redirects there: a list that
        forgot them costs a redirect, never a query per row (no query)."""
        regions_loaded = Library.province.is_cached(self) and (
            self.regency_id is None or Library.regency.is_cached(self)
        )
        if not regions_loaded or not self.slug:
            return reverse("villages:library_detail", args=[self.pk])
        return reverse("villages:library_page", args=self.url_parts)

    @property
    def url_parts(self) -> tuple[str, str, str]:
        """(province slug, regency slug or "provinsi", library slug) of its page URL."""
        regency = self.regency.slug if self.regency_id else PROVINCE_LEVEL_PART
        return (self.province.slug, regency, self.slug)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(label, url) pairs of the social media links that are filled (no query)."""
        pairs = [
            (_("Facebook"), self.facebook_url),
            (_("Instagram"), self.instagram_url),
            (_("YouTube"), self.youtube_url),
            (_("Website"), self.website_url),
        ]
        return [(label, url) for label, url in pairs if url]

    @property
    def region(self):
        """The most specific region of the library (no query if related rows are loaded)."""
        return self.village or self.regency or self.province


def library_search_text(library, places: str | None = None) -> str:
    """The normalised search text of `library` (`perpus.textsearch`): public fields and the
    names of its places. `places` (already normalised) saves reading them; otherwise this
    reads the village, district, regency and province (up to 4 queries)."""
    if places is None:
        places = region_search_text(
            library.village.name if library.village_id else "",
            library.village.district.name if library.village_id else "",
            library.regency.name if library.regency_id else "",
            library.province.name if library.province_id else "",
        )
    return normalise(library.name, library.npp, library.address, library.description) + places


def region_search_text(*names) -> str:
    """Normalised place names (village, district, regency, province…; no query)."""
    return normalise(*names)


__all__ = ["Accreditation", "InternetKind", "Library", "LibraryLevel", "LibraryQuerySet", "library_search_text", "region_search_text"]
