"""Directory entities following Open Referral HSDS 3.0, plus Samenspel's extensions.

HSDS field names are kept where they exist so import, export and the API map one to one.
Keys are UUIDs as HSDS 3 requires; ids from another system live in ``bron``/``bron_id``.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.datums import maanden_terug
from samenspel.directory import openingstijden, toegankelijkheid


class Sector(models.TextChoices):
    FORMEEL = "formeel", _("formeel")
    INFORMEEL = "informeel", _("informeel")
    HYBRIDE = "hybride", _("hybride")


class Zichtbaarheid(models.TextChoices):
    OPENBAAR = "openbaar", _("voor iedereen")
    PROFESSIONALS = "professionals", _("alleen voor professionals")
    VIA_CONTACTPERSOON = "via_contactpersoon", _("alleen via een contactpersoon")


class Route(models.TextChoices):
    INFORMATIE = "informatie", _("alleen informatie")
    AANMELDEN = "aanmelden", _("aanmelden via Samenspel")


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("actief")
    INACTIVE = "inactive", _("gestopt")
    DEFUNCT = "defunct", _("opgeheven")
    TEMPORARILY_CLOSED = "temporarily closed", _("tijdelijk dicht")


class Moderatie(models.TextChoices):
    ONBEVESTIGD = "onbevestigd", _("e-mailadres nog niet bevestigd")
    WACHTRIJ = "wachtrij", _("wacht op goedkeuring")
    VRAAG = "vraag", _("vraag gesteld aan aanmelder")
    GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
    AFGEWEZEN = "afgewezen", _("afgewezen")


class Herkomst(models.Model):
    """Where a record came from, so a second import updates instead of duplicating."""

    bron = models.CharField(_("bron"), max_length=100, blank=True)
    bron_id = models.CharField(_("id in de bron"), max_length=250, blank=True)
    # The import run (hsds.Importrun) that last wrote this record. A plain UUID rather than a
    # foreign key, so the directory does not depend on the app that imports into it.
    bron_import = models.UUIDField(_("importrun"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class Taxonomy(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"))
    uri = models.URLField(_("uri"), blank=True)
    version = models.CharField(_("versie"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("taxonomie")
        verbose_name_plural = _("taxonomieën")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TaxonomyTermQuerySet(models.QuerySet):
    def bouwstenen(self):
        return self.filter(taxonomy__name=BOUWSTENEN).order_by("volgorde", "name")

    def doelgroepen(self):
        return self.filter(taxonomy__name=DOELGROEPEN).order_by("volgorde", "name")

    def levensdomeinen(self):
        return self.filter(taxonomy__name=LEVENSDOMEINEN).order_by("volgorde", "name")

    def etmaal(self):
        return self.filter(taxonomy__name=ETMAAL).order_by("volgorde", "name")


BOUWSTENEN = "Samenspel bouwstenen"
DOELGROEPEN = "Samenspel doelgroepen"
LEVENSDOMEINEN = "Samenspel levensdomeinen"
# For 24-uurszorg: bereikbaar (phone) and/or beschikbaar (at the door); optional.
ETMAAL = "Samenspel 24-uurszorg"


class TaxonomyTerm(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(
        Taxonomy,
        verbose_name=_("taxonomie"),
        null=True,
        on_delete=models.CASCADE,
        related_name="terms",
    )
    code = models.CharField(_("code"), max_length=100, blank=True)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"))
    parent = models.ForeignKey(
        "self", verbose_name=_("valt onder"), null=True, blank=True, on_delete=models.CASCADE
    )
    language = models.CharField(_("taal"), max_length=10, blank=True)
    term_uri = models.URLField(_("uri"), blank=True)
    # HSDS `taxonomy`: the name of an established taxonomy as free text. The foreign key above
    # already owns the attribute name `taxonomy` (and `taxonomy_id`, as HSDS wants).
    taxonomy_text = models.CharField(_("taxonomie (tekst)"), max_length=250, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = TaxonomyTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("termen")
        ordering = ["volgorde", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"], condition=~models.Q(code=""), name="term_code_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Organization(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("naam"), max_length=250)
    alternate_name = models.CharField(_("andere naam"), max_length=250, blank=True)
    description = models.TextField(_("omschrijving"))
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    legal_status = models.CharField(_("rechtsvorm"), max_length=100, blank=True)
    tax_status = models.CharField(_("fiscale status"), max_length=100, blank=True)
    tax_id = models.CharField(_("fiscaal nummer"), max_length=100, blank=True)
    year_incorporated = models.PositiveSmallIntegerField(_("opgericht in"), null=True, blank=True)
    logo = models.CharField(_("logo (url)"), max_length=500, blank=True)
    uri = models.URLField(_("uri"), max_length=500, blank=True)
    parent_organization = models.ForeignKey(
        "self", verbose_name=_("hoofdorganisatie"), null=True, blank=True, on_delete=models.SET_NULL
    )
    # Empty means nobody said: an import without a sector is not "informeel" by default.
    sector = models.CharField(
        _("sector"), max_length=10, choices=Sector.choices, blank=True, default=""
    )
    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        indexes = [models.Index(fields=["bron", "bron_id"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:organisatie", args=[self.pk])


class Program(Herkomst):
    """A group of services an organisation runs under one name (HSDS program)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="programs",
    )
    name = models.CharField(_("naam"), max_length=250)
    alternate_name = models.CharField(_("andere naam"), max_length=250, blank=True)
    description = models.TextField(_("omschrijving"))

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganizationIdentifier(Herkomst):
    """A third-party identifier of an organisation, such as its KvK number."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="organization_identifiers",
    )
    identifier_scheme = models.CharField(_("schema"), max_length=100, blank=True)
    identifier_type = models.CharField(_("soort nummer"), max_length=100)
    identifier = models.CharField(_("nummer"), max_length=250)

    class Meta:
        verbose_name = _("organisatienummer")
        verbose_name_plural = _("organisatienummers")

    def __str__(self) -> str:
        return f"{self.identifier_type} {self.identifier}"


def vers_vanaf(vandaag: date | None = None) -> date:
    """The earliest confirmation date that still counts as fresh on `vandaag`.

    The rule of freshness, for the listing's page, the "klopt nog" reminder and the search
    ranking alike: confirmed within the last `SAMENSPEL_BEVESTIG_MAANDEN` (6) calendar months,
    counted as `core.datums.maanden_terug` does, so 31 August looks back to 28 February. The
    kaart must stay current because the informal field changes fast and lists nobody keeps go
    stale (seed 001, lines 2170-2172; DESIGN, "existing lists go stale").
    """
    vandaag = vandaag or timezone.localdate()
    return maanden_terug(vandaag, settings.SAMENSPEL["BEVESTIG_MAANDEN"])


def is_vers(bevestigd: date | None, vandaag: date | None = None) -> bool:
    """Confirmed recently enough (`vers_vanaf`); never confirmed is never fresh."""
    return bevestigd is not None and bevestigd >= vers_vanaf(vandaag)


def zichtbaarheden_voor(gebruiker) -> tuple[str, ...]:
    """Which live listings a viewer may see at all, by their owner's choice of visibility.

    An initiative chooses: public, professionals only, or only via a contact person (DESIGN,
    principle 1, "Laat informeel informeel zijn"). Residents browse without a gatekeeper
    (principle 2), so everyone sees the public listings and those reached via a contact
    person (of the latter only the contact route, see `toont_plaats`); only a professional
    (`is_professional`: also netwerkhouders, analysts, beheerders, and an organisation's
    HSDS API key) sees the professional-only ones. Belonging to the listing's organisation
    adds nothing: its owner edits it through the links e-mailed to them.
    The page, the search, the wegwijzer and the HSDS API all ask this.
    """
    if gebruiker is not None and getattr(gebruiker, "is_professional", False):
        return tuple(Zichtbaarheid.values)
    return (Zichtbaarheid.OPENBAAR, Zichtbaarheid.VIA_CONTACTPERSOON)


def toont_plaats(zichtbaarheid: str, gebruiker=None) -> bool:
    """The contact-route rule: may a listing's places, times, phone and access be shown?

    A listing reached only via a contact person shows nothing but that route: no place, no
    opening times, no phone or website of its own (DESIGN, "visibility ... via
    contactpersoon"). On the kaart (its pages, map, search and paper) that holds for every
    visitor. Only a view that `ziet_alle_details` (an organisation's HSDS API key, for
    exchanging whole records between organisations, `hsds.bereik`) gets the full listing.
    """
    return zichtbaarheid != Zichtbaarheid.VIA_CONTACTPERSOON or bool(
        getattr(gebruiker, "ziet_alle_details", False)
    )


def zichtbaarheden_met_plaats_voor(gebruiker) -> tuple[str, ...]:
    """The visibilities of listings whose places this viewer may see (`toont_plaats`)."""
    return tuple(z for z in zichtbaarheden_voor(gebruiker) if toont_plaats(z, gebruiker))


def _alleen(qs, zichtbaarheden: tuple[str, ...]):
    # Excluding what is hidden keeps the common case (nothing hidden) free of a filter.
    verborgen = [z for z in Zichtbaarheid.values if z not in zichtbaarheden]
    return qs.exclude(zichtbaarheid__in=verborgen) if verborgen else qs


class ServiceQuerySet(models.QuerySet):
    def live(self):
        """Approved and running: what search and public pages may show."""
        return self.filter(status=ServiceStatus.ACTIVE, moderatie=Moderatie.GOEDGEKEURD)

    def zichtbaar_voor(self, gebruiker):
        """Live listings this viewer may see (the rule: `zichtbaarheden_voor`)."""
        return _alleen(self.live(), zichtbaarheden_voor(gebruiker))

    def met_plaats_voor(self, gebruiker):
        """Visible listings whose places, times and phone may be shown (`toont_plaats`)."""
        return _alleen(self.live(), zichtbaarheden_met_plaats_voor(gebruiker))

    def niet_vers(self, vandaag: date | None = None):
        """Live listings that are not fresh on `vandaag` (the same rule as `is_vers`)."""
        return self.live().filter(
            models.Q(assured_date__lt=vers_vanaf(vandaag)) | models.Q(assured_date=None)
        )


class Service(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="services",
    )
    program = models.ForeignKey(
        Program,
        verbose_name=_("programma"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    name = models.CharField(_("naam"), max_length=250)
    alternate_name = models.CharField(_("andere naam"), max_length=250, blank=True)
    description = models.TextField(_("wat doen jullie"), blank=True)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    application_process = models.TextField(_("hoe meld je je aan"), blank=True)
    fees_description = models.TextField(_("kosten"), blank=True)
    wait_time = models.CharField(_("wachttijd"), max_length=200, blank=True)
    eligibility_description = models.TextField(_("voor wie"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimumleeftijd"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximumleeftijd"), null=True, blank=True)
    assured_date = models.DateField(_("laatst bevestigd"), null=True, blank=True)
    assurer_email = models.EmailField(_("bevestigd door"), blank=True)
    alert = models.TextField(_("melding"), blank=True)
    interpretation_services = models.TextField(_("tolken"), blank=True)
    # `fees` is deprecated in HSDS 3.0 but still in its schema and examples.
    fees = models.TextField(_("kosten (oud HSDS-veld)"), blank=True)
    accreditations = models.TextField(_("keurmerken"), blank=True)
    licenses = models.TextField(_("vergunningen"), blank=True)
    last_modified = models.DateTimeField(_("laatst gewijzigd"), default=timezone.now)

    # Samenspel extensions
    zichtbaarheid = models.CharField(
        _("wie mag dit zien"),
        max_length=20,
        choices=Zichtbaarheid.choices,
        default=Zichtbaarheid.OPENBAAR,
    )
    route = models.CharField(
        _("route"), max_length=12, choices=Route.choices, default=Route.INFORMATIE
    )
    # Yes, no, or None: not said. A listing shows only what its owner or source said, and a
    # filter such as "gratis" never counts the unknown as yes.
    gratis = models.BooleanField(_("gratis"), null=True, blank=True, default=None)
    zonder_indicatie = models.BooleanField(
        _("geen indicatie of verwijzing nodig"), null=True, blank=True, default=None
    )
    inloop = models.BooleanField(_("vrije inloop"), default=False)
    op_afspraak = models.BooleanField(_("op afspraak"), default=False)
    tijden_omschrijving = models.CharField(_("wanneer"), max_length=250, blank=True)
    # Paper cannot be followed like a link: a long description is better replaced on the
    # printed wijkwijzer and wegwijzer by the owner's own short text than cut off.
    korte_tekst = models.CharField(_("korte tekst voor op papier"), max_length=200, blank=True)
    moderatie = models.CharField(
        _("beoordeling"), max_length=12, choices=Moderatie.choices, default=Moderatie.GOEDGEKEURD
    )
    moderatie_bericht = models.TextField(_("bericht van de netwerkhouder"), blank=True)
    beheerder_email = models.EmailField(
        _("e-mailadres van de eigenaar"),
        blank=True,
        help_text=_("Hierheen gaan bewerklinks en herinneringen."),
    )
    beheerder_telefoon = models.CharField(_("telefoon van de eigenaar"), max_length=30, blank=True)
    herinnerd_op = models.DateField(_("laatste herinnering"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["bron", "bron_id"]),
            models.Index(fields=["status", "moderatie"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:service", args=[self.pk])

    def is_zichtbaar_voor(self, gebruiker) -> bool:
        """The same rule as `ServiceQuerySet.zichtbaar_voor`, for one listing."""
        return self.is_live and self.zichtbaarheid in zichtbaarheden_voor(gebruiker)

    def toont_plaats_aan(self, gebruiker=None) -> bool:
        """Whether its places, times and phone may be shown (the contact-route rule)."""
        return toont_plaats(self.zichtbaarheid, gebruiker)

    def publieke_locaties(self) -> list["Location"]:
        """Where it happens; a listing reached only via a contact person shows no place."""
        if not self.toont_plaats_aan():
            return []
        return [sal.location for sal in self.service_at_locations.all() if sal.location.punt]

    def is_vers(self, vandaag: date | None = None) -> bool:
        """Confirmed recently enough to show as current (the rule: `vers_vanaf`)."""
        return is_vers(self.assured_date, vandaag)

    @property
    def is_live(self) -> bool:
        return self.status == ServiceStatus.ACTIVE and self.moderatie == Moderatie.GOEDGEKEURD

    def termen(self, taxonomie: str) -> list[TaxonomyTerm]:
        # Lists of listings load the terms of all their listings at once (laden.termen_erbij).
        if hasattr(self, "_termen"):
            alle = self._termen
        else:
            alle = [a.taxonomy_term for a in self.kenmerken()]
        return [t for t in alle if t.taxonomy and t.taxonomy.name == taxonomie]

    def kenmerken(self):
        return (
            Attribute.objects.filter(link_entity="service", link_id=self.id)
            .select_related("taxonomy_term__taxonomy")
            .order_by("taxonomy_term__volgorde")
        )

    @property
    def bouwstenen(self) -> list[TaxonomyTerm]:
        return self.termen(BOUWSTENEN)

    def toegankelijkheid(self) -> list:
        """What its places say about access, features first (`toegankelijkheid.Vermelding`).

        A listing reached only via a contact person shows no place, so no access either.
        """
        if not self.toont_plaats_aan():
            return []
        return toegankelijkheid.vermeldingen(
            (a.description, a.details, a.url)
            for sal in self.service_at_locations.all()
            for a in sal.location.accessibility.all()
        )

    @property
    def doelgroepen(self) -> list[TaxonomyTerm]:
        return self.termen(DOELGROEPEN)

    @property
    def etmaal(self) -> list[TaxonomyTerm]:
        return self.termen(ETMAAL)


class Location(Herkomst):
    class Type(models.TextChoices):
        PHYSICAL = "physical", _("fysiek")
        POSTAL = "postal", _("postadres")
        VIRTUAL = "virtual", _("online")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location_type = models.CharField(
        _("soort locatie"), max_length=10, choices=Type.choices, default=Type.PHYSICAL
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="locations",
    )
    name = models.CharField(_("naam"), max_length=250, blank=True)
    alternate_name = models.CharField(_("andere naam"), max_length=250, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    transportation = models.TextField(_("bereikbaarheid"), blank=True)
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)
    url = models.URLField(_("url"), blank=True)
    external_identifier = models.CharField(_("extern nummer"), max_length=250, blank=True)
    external_identifier_type = models.CharField(
        _("soort extern nummer"), max_length=100, blank=True
    )
    buurt = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("buurt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="locaties",
        limit_choices_to={"niveau": "buurt"},
    )

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        # Places near a point are asked as a latitude/longitude box (the wijkscan's reach of
        # a wijk's buurten); without this index every such question reads every place.
        indexes = [models.Index(fields=["latitude", "longitude"], name="locatie_plek_idx")]

    def __str__(self) -> str:
        return self.name or str(self.buurt or "")

    @property
    def punt(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


class Address(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(
        Location, verbose_name=_("locatie"), on_delete=models.CASCADE, related_name="addresses"
    )
    attention = models.CharField(_("ter attentie van"), max_length=200, blank=True)
    address_1 = models.CharField(_("straat en huisnummer"), max_length=250)
    address_2 = models.CharField(_("adresregel 2"), max_length=250, blank=True)
    city = models.CharField(_("plaats"), max_length=100)
    region = models.CharField(_("regio"), max_length=100, blank=True)
    state_province = models.CharField(_("provincie"), max_length=100, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10)
    country = models.CharField(_("land"), max_length=2, default="NL")
    address_type = models.CharField(_("soort adres"), max_length=10, default="physical")

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")

    def __str__(self) -> str:
        return f"{self.address_1}, {self.postal_code} {self.city}"


class ServiceAtLocation(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service,
        verbose_name=_("aanbod"),
        on_delete=models.CASCADE,
        related_name="service_at_locations",
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("locatie"),
        on_delete=models.CASCADE,
        related_name="service_at_locations",
    )
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("aanbod op locatie")
        verbose_name_plural = _("aanbod op locaties")
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="aanbod_locatie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.service_id} @ {self.location_id}"


class Contact(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)
    title = models.CharField(_("functie"), max_length=200, blank=True)
    department = models.CharField(_("afdeling"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self) -> str:
        return self.name or self.email


class Phone(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="phones",
    )
    number = models.CharField(_("nummer"), max_length=30)
    extension = models.CharField(_("toestel"), max_length=10, blank=True)
    type = models.CharField(_("soort"), max_length=20, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("telefoonnummer")
        verbose_name_plural = _("telefoonnummers")

    def __str__(self) -> str:
        return self.number


class Dag(models.TextChoices):
    MA = "MO", _("maandag")
    DI = "TU", _("dinsdag")
    WO = "WE", _("woensdag")
    DO = "TH", _("donderdag")
    VR = "FR", _("vrijdag")
    ZA = "SA", _("zaterdag")
    ZO = "SU", _("zondag")


# HSDS valid_from/valid_to, both inclusive and either one open: the rule lives with the other
# opening-time rules, so display, filters and the search index agree.
is_geldig = openingstijden.geldig_op


def geldig_filter(datum: date) -> models.Q:
    """The same rule as `is_geldig`, for a queryset."""
    return (models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=datum)) & (
        models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=datum)
    )


class ScheduleQuerySet(models.QuerySet):
    def geldig_op(self, datum: date):
        """Schedules in force on `datum` (see `is_geldig`)."""
        return self.filter(geldig_filter(datum))


class Schedule(Herkomst):
    """Opening times as HSDS (iCal RRULE style): one row per weekday and time slot.

    A schedule only counts on the dates it is valid (`is_geldig_op`): an imported schedule
    that ended in 2005 is history, not an opening time, for display and for "open" filters.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="schedules",
    )
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot"), null=True, blank=True)
    dtstart = models.DateField(_("eerste keer"), null=True, blank=True)
    # HSDS: the UTC offset in hours that the times are expressed in (5.5 exists).
    timezone = models.FloatField(_("tijdzone (uur t.o.v. UTC)"), null=True, blank=True)
    until = models.DateField(_("laatste keer"), null=True, blank=True)
    count = models.PositiveIntegerField(_("aantal keer"), null=True, blank=True)
    wkst = models.CharField(_("week begint op"), max_length=2, blank=True)
    freq = models.CharField(_("frequentie"), max_length=10, default="WEEKLY", blank=True)
    interval = models.PositiveSmallIntegerField(_("om de"), null=True, blank=True)
    byday = models.CharField(_("dagen"), max_length=40, blank=True)
    byweekno = models.CharField(_("weeknummers"), max_length=200, blank=True)
    bymonthday = models.CharField(_("dagen van de maand"), max_length=200, blank=True)
    byyearday = models.CharField(_("dagen van het jaar"), max_length=200, blank=True)
    opens_at = models.TimeField(_("van"), null=True, blank=True)
    closes_at = models.TimeField(_("tot"), null=True, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    attending_type = models.CharField(_("soort bezoek"), max_length=250, blank=True)
    schedule_link = models.URLField(_("link naar het rooster"), max_length=500, blank=True)
    notes = models.TextField(_("opmerkingen"), blank=True)

    objects = ScheduleQuerySet.as_manager()

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at or ''}–{self.closes_at or ''}".strip()

    def is_geldig_op(self, datum: date | None = None) -> bool:
        """In force on `datum` (today by default); the same rule as `geldig_op`."""
        return is_geldig(self.valid_from, self.valid_to, datum or timezone.localdate())

    @property
    def dagen(self) -> list[str]:
        return [d for d in self.byday.split(",") if d]


class Language(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    phone = models.ForeignKey(
        Phone, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    name = models.CharField(_("taal"), max_length=100, blank=True)
    code = models.CharField(_("taalcode"), max_length=10, blank=True)
    note = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("taal")
        verbose_name_plural = _("talen")

    def __str__(self) -> str:
        return self.name or self.code


class CostOption(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    option = models.CharField(_("soort"), max_length=250, blank=True)
    currency = models.CharField(_("valuta"), max_length=3, default="EUR", blank=True)
    amount = models.DecimalField(
        _("bedrag"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    amount_description = models.CharField(_("toelichting"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("kostenoptie")
        verbose_name_plural = _("kostenopties")

    def __str__(self) -> str:
        return self.option or str(self.amount or "")

    def is_geldig_op(self, datum: date | None = None) -> bool:
        """A price in force on `datum` (today by default)."""
        return is_geldig(self.valid_from, self.valid_to, datum or timezone.localdate())


class Funding(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    source = models.TextField(_("financiering"), blank=True)

    class Meta:
        verbose_name = _("financiering")
        verbose_name_plural = _("financieringen")

    def __str__(self) -> str:
        return self.source[:50]


class ServiceArea(Herkomst):
    """Where a service is available, as free text and optionally a GeoJSON extent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="service_areas"
    )
    name = models.TextField(_("gebied"), blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    extent = models.TextField(_("begrenzing"), blank=True)
    extent_type = models.CharField(_("soort begrenzing"), max_length=20, blank=True)
    uri = models.CharField(_("uri"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")

    def __str__(self) -> str:
        return self.name[:50]


class RequiredDocument(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="required_documents",
    )
    document = models.TextField(_("document"), blank=True)
    uri = models.URLField(_("uri"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("benodigd document")
        verbose_name_plural = _("benodigde documenten")

    def __str__(self) -> str:
        return self.document[:50]


class Accessibility(Herkomst):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="accessibility"
    )
    description = models.TextField(_("toegankelijkheid"), blank=True)
    details = models.TextField(_("details"), blank=True)
    url = models.URLField(_("url"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("toegankelijkheid")
        verbose_name_plural = _("toegankelijkheid")

    def __str__(self) -> str:
        return self.description[:50]


class MetaTableDescription(Herkomst):
    """HSDS meta_table_description: language and character set of a published table."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("naam"), max_length=250, blank=True)
    language = models.CharField(_("taal"), max_length=10, blank=True)
    character_set = models.CharField(_("tekenset"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("tabelbeschrijving")
        verbose_name_plural = _("tabelbeschrijvingen")

    def __str__(self) -> str:
        return self.name


class ServiceCapacity(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="capacities")
    unit = models.CharField(_("eenheid"), max_length=100, default="plekken")
    available = models.PositiveIntegerField(_("beschikbaar"))
    maximum = models.PositiveIntegerField(_("maximum"), null=True, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    updated = models.DateTimeField(_("bijgewerkt"), default=timezone.now)

    class Meta:
        verbose_name = _("capaciteit")
        verbose_name_plural = _("capaciteit")

    def __str__(self) -> str:
        return f"{self.available} {self.unit}"


class Attribute(Herkomst):
    """Links a taxonomy term to any entity, as HSDS does (link_entity + link_id)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    link_id = models.UUIDField(_("gekoppeld aan"))
    link_type = models.CharField(_("soort koppeling"), max_length=50, blank=True)
    link_entity = models.CharField(_("soort record"), max_length=50)
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, verbose_name=_("term"), on_delete=models.CASCADE, related_name="attributes"
    )
    value = models.TextField(_("waarde"), blank=True)

    class Meta:
        verbose_name = _("kenmerk")
        verbose_name_plural = _("kenmerken")
        indexes = [models.Index(fields=["link_entity", "link_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["link_entity", "link_id", "taxonomy_term"], name="kenmerk_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.link_entity} {self.link_id}: {self.taxonomy_term_id}"


class Wijziging(models.Model):
    """History of every change to a listing (HSDS metadata: who, when, old → new)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    resource_id = models.UUIDField(_("record"))
    resource_type = models.CharField(_("soort record"), max_length=50)
    last_action_date = models.DateTimeField(_("wanneer"), default=timezone.now)
    last_action_type = models.CharField(_("actie"), max_length=50)
    field_name = models.CharField(_("veld"), max_length=100, blank=True)
    previous_value = models.TextField(_("oude waarde"), blank=True)
    replacement_value = models.TextField(_("nieuwe waarde"), blank=True)
    updated_by = models.CharField(_("door"), max_length=250)

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-last_action_date"]
        indexes = [models.Index(fields=["resource_type", "resource_id"])]

    def __str__(self) -> str:
        return f"{self.last_action_type} {self.field_name}"
