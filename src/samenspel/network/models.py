"""Het web: the people who carry the contact between organisations, and the ties they carry.

Formal and informal support meet through people, not through systems: "vaak
persoonsgebonden" (seed 000 l.372–373), and when staff change the contact fades (000
l.885–888). So a tie between two organisations is recorded as a named pair of people, and an
organisation keeps "altijd een paar bruggen met het andere netwerk … wanneer één brug
wegvalt" (000 l.893–897) only if more than one pair carries it.

A person is shown to partners only after they agreed (``ingestemd_op``); until then their
organisation shows only the role (``Persoon.zichtbaar_als``). Ties that grow from referrals
are not stored: they are counted from the referrals when asked (``network.verwijsbanden``),
so they stay current and hold nothing about a resident.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Verbinderrol(models.TextChoices):
    """Roles whose whole work is connecting; a wijk without one of them misses a bridge.

    The volunteer coordinator is "de schakelpersoon" (seed 001 l.2413–2425); knowledge of an
    area sits with a few gebiedsmakelaars on "kwetsbare verbindingsposities" (002 advies 5,
    l.958–970).
    """

    WIJKAMBASSADEUR = "wijkambassadeur", _("wijkambassadeur")
    VRIJWILLIGERSCOORDINATOR = "vrijwilligerscoordinator", _("vrijwilligerscoördinator")
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("ervaringsdeskundige in een team")
    KWARTIERMAKER = "kwartiermaker", _("kwartiermaker")
    GEBIEDSMAKELAAR = "gebiedsmakelaar", _("gebiedsmakelaar")


class PersoonQuerySet(models.QuerySet):
    def actief(self, op=None):
        """People who have not left (on the given day, default today)."""
        op = op or timezone.localdate()
        return self.filter(Q(vertrokken__isnull=True) | Q(vertrokken__gt=op))


class Persoon(models.Model):
    """A contact person of an organisation: "het belang van namen" (seed 002 advies 7)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="personen",
    )
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    verbinderrol = models.CharField(
        _("verbinderrol"), max_length=30, choices=Verbinderrol.choices, blank=True
    )
    bereikbaar = models.CharField(
        _("hoe bereikbaar"),
        max_length=250,
        blank=True,
        help_text=_("Bijvoorbeeld: bellen op dinsdag, of via de app."),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    # The wijk the person works in: vacant connector roles are counted per wijk.
    wijk = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"niveau": "wijk"},
        related_name="+",
    )
    # A coordinator can stand for the volunteers behind them, so they need not be named
    # (org → coördinator → vrijwilligers); the number says how many.
    vrijwilligers = models.PositiveIntegerField(_("staat voor zoveel vrijwilligers"), default=0)
    sinds = models.DateField(_("sinds"), default=timezone.localdate)
    vertrokken = models.DateField(_("vertrokken op"), null=True, blank=True)
    # Empty until the person agreed through the link sent to them.
    ingestemd_op = models.DateTimeField(_("ingestemd op"), null=True, blank=True)
    # The person stepped out of the web through their own link: gone from partners' view at
    # once, erased with those who left after the retention period (``actions.wis``).
    uitgestapt_op = models.DateTimeField(_("uit het web gestapt op"), null=True, blank=True)
    # Name, e-mail, how to reach and function text are blanked; the row stays, so the ties it
    # carried stay on record and show as "via [rol]" (issue 11, item 9).
    gewist_op = models.DateTimeField(_("gegevens gewist op"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    objects = PersoonQuerySet.as_manager()

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(verbinderrol="") | Q(verbinderrol__in=Verbinderrol.values),
                name="persoon_verbinderrol_bekend",
            ),
            models.CheckConstraint(
                condition=Q(vertrokken__isnull=True) | Q(vertrokken__gte=F("sinds")),
                name="persoon_vertrekt_na_sinds",
            ),
        ]

    def __str__(self) -> str:
        return self.zichtbaar_als

    @property
    def ingestemd(self) -> bool:
        return self.ingestemd_op is not None

    @property
    def rol(self) -> str:
        if self.verbinderrol:
            return str(self.get_verbinderrol_display())
        return self.functie or str(_("contactpersoon"))

    @property
    def gewist(self) -> bool:
        return self.gewist_op is not None

    @property
    def zichtbaar_als(self) -> str:
        """What partners may see: the name only after consent, else only the role."""
        if self.ingestemd:
            return self.naam
        return str(
            _("%(rol)s bij %(organisatie)s")
            % {
                "rol": self.rol,
                "organisatie": self.organisatie.name,
            }
        )


class Bandsoort(models.TextChoices):
    VERWIJZEN = "verwijzen", _("verwijzen")
    SAMENWERKEN = "samenwerken", _("samenwerken")
    RUIMTE_DELEN = "ruimte_delen", _("ruimte delen")
    OVERLEG = "overleg", _("overleg")
    CASUSOVERLEG = "casusoverleg", _("casusoverleg")
    KENNISMAKING = "kennismaking", _("kennismaking")


class BandQuerySet(models.QuerySet):
    def actief(self, op=None):
        """Ties whose two people are both still there."""
        op = op or timezone.localdate()
        return self.filter(
            Q(beeindigd__isnull=True) | Q(beeindigd__gt=op),
            Q(van__vertrokken__isnull=True) | Q(van__vertrokken__gt=op),
            Q(naar__vertrokken__isnull=True) | Q(naar__vertrokken__gt=op),
        )


class Band(models.Model):
    """A tie between two organisations, carried by a named pair of people: a bridge.

    Professionals meet volunteers "bij toeval … er is nooit een kennismaking geweest" (seed
    001 l.2011–2013); a kennismaking is a tie too. The pair is stored in one order (``van`` <
    ``naar`` by id), so the same two people cannot hold the same kind of tie twice.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    van = models.ForeignKey(
        Persoon, verbose_name=_("van"), on_delete=models.CASCADE, related_name="banden_van"
    )
    naar = models.ForeignKey(
        Persoon, verbose_name=_("naar"), on_delete=models.CASCADE, related_name="banden_naar"
    )
    soort = models.CharField(_("soort"), max_length=15, choices=Bandsoort.choices)
    sinds = models.DateField(_("sinds"), default=timezone.localdate)
    laatste_contact = models.DateField(_("laatste contact"), null=True, blank=True)
    beeindigd = models.DateField(_("beëindigd op"), null=True, blank=True)
    # The tie this one continues after a hand-over: the organisations' contact is older than
    # this pair, and the chain keeps that history ("altijd een paar bruggen", 000 l.893–897).
    voorganger = models.ForeignKey(
        "self",
        verbose_name=_("voortzetting van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opvolgers",
    )

    objects = BandQuerySet.as_manager()

    class Meta:
        verbose_name = _("band")
        verbose_name_plural = _("banden")
        constraints = [
            models.CheckConstraint(condition=Q(van__lt=F("naar")), name="band_paar_geordend"),
            models.CheckConstraint(
                condition=Q(soort__in=Bandsoort.values), name="band_soort_bekend"
            ),
            models.UniqueConstraint(fields=["van", "naar", "soort"], name="band_eenmaal"),
        ]

    def __str__(self) -> str:
        return f"{self.van} – {self.naar} ({self.get_soort_display()})"

    def eerste_sinds(self):
        """Since when the two organisations have this contact, through every hand-over."""
        band, gezien = self, {self.pk}
        while band.voorganger_id and band.voorganger_id not in gezien:
            gezien.add(band.voorganger_id)
            band = band.voorganger
        return band.sinds


class Voorval(models.TextChoices):
    PERSOON_TOEGEVOEGD = "persoon_toegevoegd", _("persoon toegevoegd")
    INGESTEMD = "ingestemd", _("ingestemd met het web")
    VERTROKKEN = "vertrokken", _("vertrokken")
    BAND_GELEGD = "band_gelegd", _("band gelegd")
    CONTACT = "contact", _("contact gehad")
    BAND_BEEINDIGD = "band_beeindigd", _("band beëindigd")
    # "Vraag een verbinder": only that a question was asked, never the question itself.
    VRAAG_GESTELD = "vraag_gesteld", _("vraag gesteld")
    SAMEN_UITGENODIGD = "samen_uitgenodigd", _("uitgenodigd voor een eerste gesprek")
    SAMEN_BEANTWOORD = "samen_beantwoord", _("uitnodiging beantwoord")
    SAMEN_GEHOUDEN = "samen_gehouden", _("samen begonnen")
    SAMEN_INGETROKKEN = "samen_ingetrokken", _("uitnodiging ingetrokken")
    OVERGEDRAGEN = "overgedragen", _("band overgedragen aan een opvolger")
    VRIJWILLIGERS_OVER = "vrijwilligers_over", _("vrijwilligers overgedragen")
    REEKS_GESTART = "reeks_gestart", _("bijeenkomstenreeks gestart")
    UITGENODIGD = "uitgenodigd", _("uitgenodigd voor een bijeenkomst")
    GEANTWOORD = "geantwoord", _("uitnodiging beantwoord")
    LINK_VERSTUURD = "link_verstuurd", _("link om in te stemmen verstuurd")
    GECORRIGEERD = "gecorrigeerd", _("eigen gegevens verbeterd")
    UITGESTAPT = "uitgestapt", _("uit het web gestapt")
    GEWEIGERD = "geweigerd", _("wil niet in het web")
    GEWIST = "gewist", _("gegevens gewist")


class Gebeurtenis(models.Model):
    """What changed in the web, by whom, when. Written only by network.actions."""

    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now)
    soort = models.CharField(_("soort"), max_length=20, choices=Voorval.choices)
    door = models.CharField(_("door"), max_length=200)
    persoon = models.ForeignKey(
        Persoon,
        verbose_name=_("persoon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gebeurtenissen",
    )
    band = models.ForeignKey(
        Band,
        verbose_name=_("band"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gebeurtenissen",
    )

    class Meta:
        verbose_name = _("gebeurtenis in het web")
        verbose_name_plural = _("gebeurtenissen in het web")
        ordering = ["wanneer", "id"]

    def __str__(self) -> str:
        return f"{self.wanneer:%Y-%m-%d %H:%M} {self.get_soort_display()}"


class Gesprek(models.TextChoices):
    EERSTE_GESPREK = "eerste_gesprek", _("eerste gesprek")
    KEUKENTAFEL = "keukentafel", _("keukentafelgesprek")


class Antwoord(models.TextChoices):
    OPEN = "open", _("nog geen antwoord")
    JA = "ja", _("komt")
    NEE = "nee", _("kan niet")


class Samen(models.Model):
    """An invitation to a partner of the web to join a resident's first conversation.

    "Beginnen met een vrijwilliger of ervaringsdeskundige erbij – vanaf het begin" (BOS
    "Samen", seed 004 l.211–217), "een derde gesprekspartner" (002 advies 2). It rests on the
    resident's consent (``toestemming``, the same record referrals use) and holds nothing of
    the resident beyond what that consent names: at most a first name, and only while the
    consent names "naam". The date, time and place are of the conversation, not the resident.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    persoon = models.ForeignKey(
        Persoon,
        verbose_name=_("uitgenodigd"),
        on_delete=models.CASCADE,
        related_name="uitnodigingen",
    )
    toestemming = models.ForeignKey(
        "privacy.Toestemming",
        verbose_name=_("toestemming van de bewoner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uitnodiger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text: the partner's e-mail and the tie need them if the account goes.
    uitnodiger_naam = models.CharField(_("naam van wie uitnodigt"), max_length=200)
    uitnodiger_email = models.EmailField(_("e-mailadres van wie uitnodigt"))
    organisatie = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisatie van wie uitnodigt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gesprek = models.CharField(_("soort gesprek"), max_length=15, choices=Gesprek.choices)
    wanneer = models.DateTimeField(_("wanneer"))
    waar = models.CharField(_("waar"), max_length=200)
    voornaam = models.CharField(_("voornaam van de bewoner"), max_length=80, blank=True)
    antwoord = models.CharField(
        _("antwoord"), max_length=4, choices=Antwoord.choices, default=Antwoord.OPEN
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    gehouden_op = models.DateField(_("gehouden op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    band = models.ForeignKey(
        Band,
        verbose_name=_("telt mee voor band"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("uitnodiging om samen te beginnen")
        verbose_name_plural = _("uitnodigingen om samen te beginnen")
        ordering = ["-wanneer"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gesprek__in=Gesprek.values), name="samen_gesprek_bekend"
            ),
            models.CheckConstraint(
                condition=Q(antwoord__in=Antwoord.values), name="samen_antwoord_bekend"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_gesprek_display()} {self.wanneer:%Y-%m-%d %H:%M}"

    @property
    def loopt(self) -> bool:
        return self.ingetrokken_op is None

    @property
    def toon_voornaam(self) -> str:
        """The first name, only while the consent is valid and names "naam"."""
        if self.voornaam and self.toestemming.is_geldig() and "naam" in self.toestemming.gegevens:
            return self.voornaam
        return ""


# --- Network meetings -------------------------------------------------------------------------
#
# Meeting works when it is natural: the Sirenelunch, "elke eerste maandag van de maand om 12.00
# uur … georganiseerd vanuit de formele en informele partijen zelf (toerbeurt) … korte
# presentaties over nieuwe ontwikkelingen in de wijk" (seed 000 l.473–478). "Verplichte
# overlegstructuren zijn niet per definitie deze natuurlijke vorm" (000 l.899); "minder moeten
# (ont-moeten) voor meer ontmoeting" (002 advies 6). So there is no attendance register: an
# invitee answers yes, no or maybe, and afterwards says whom they met.


class Bijeenkomstsoort(models.TextChoices):
    ONTMOETING = "ontmoeting", _("ontmoeting")
    # Tizo: "De ene week vindt casuïstiekoverleg plaats, de andere week een themasessie"
    # (seed 003 l.648–654).
    CASUS_THEMA = "casus_thema", _("casus en thema om de beurt")
    CASUSOVERLEG = "casusoverleg", _("casusoverleg")


class Frequentie(models.TextChoices):
    MAANDELIJKS = "maandelijks", _("elke maand")
    WEKELIJKS = "wekelijks", _("elke week")
    TWEEWEKELIJKS = "tweewekelijks", _("om de week")


class Weekdag(models.IntegerChoices):
    # The numbers of dateutil's weekdays (MO=0 … SU=6).
    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


class WeekVanDeMaand(models.IntegerChoices):
    EERSTE = 1, _("eerste")
    TWEEDE = 2, _("tweede")
    DERDE = 3, _("derde")
    VIERDE = 4, _("vierde")
    LAATSTE = -1, _("laatste")


class Reeks(models.Model):
    """A meeting series with a fixed slot, a place and a host that rotates (``Gastheer``).

    The slot is a recurrence rule (``network.reeksregel`` turns these fields into a dateutil
    rrule and an iCalendar RRULE). A casusoverleg never stores resident data: the series and
    its meetings have no free field for a case.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(
        _("soort bijeenkomst"),
        max_length=15,
        choices=Bijeenkomstsoort.choices,
        default=Bijeenkomstsoort.ONTMOETING,
    )
    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        limit_choices_to={"niveau": "gemeente"},
        related_name="+",
    )
    wijk = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"niveau": "wijk"},
        related_name="+",
    )
    plaats = models.CharField(_("plaats"), max_length=250, blank=True)
    locatie = models.ForeignKey(
        "directory.Location",
        verbose_name=_("locatie op de kaart"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    frequentie = models.CharField(
        _("hoe vaak"), max_length=15, choices=Frequentie.choices, default=Frequentie.MAANDELIJKS
    )
    week_van_de_maand = models.SmallIntegerField(
        _("welke week van de maand"), choices=WeekVanDeMaand.choices, null=True, blank=True
    )
    weekdag = models.PositiveSmallIntegerField(_("dag"), choices=Weekdag.choices)
    tijd = models.TimeField(_("begintijd"))
    duur_minuten = models.PositiveSmallIntegerField(_("duur in minuten"), default=90)
    vanaf = models.DateField(_("eerste mogelijke datum"), default=timezone.localdate)
    door = models.CharField(_("gestart door"), max_length=200)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("bijeenkomstenreeks")
        verbose_name_plural = _("bijeenkomstenreeksen")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=Bijeenkomstsoort.values), name="reeks_soort_bekend"
            ),
            models.CheckConstraint(
                condition=~Q(frequentie="maandelijks") | Q(week_van_de_maand__isnull=False),
                name="reeks_maandelijks_met_week",
            ),
            models.CheckConstraint(
                condition=Q(duur_minuten__gte=15) & Q(duur_minuten__lte=600),
                name="reeks_duur_redelijk",
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_casusoverleg(self) -> bool:
        return self.soort == Bijeenkomstsoort.CASUSOVERLEG

    @property
    def waar(self) -> str:
        """The place as one line: the free text, else the kaart location's name and address."""
        if self.plaats:
            return self.plaats
        if self.locatie is not None:
            adres = self.locatie.addresses.first()
            delen = [self.locatie.name]
            if adres is not None:
                delen += [adres.address_1, adres.city]
            return ", ".join(d for d in delen if d)
        return ""


class Gastheer(models.Model):
    """One organisation in the series' turn of hosts, in the order of their turns."""

    reeks = models.ForeignKey(
        Reeks, verbose_name=_("reeks"), on_delete=models.CASCADE, related_name="gastheren"
    )
    organisatie = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("gastheer")
        verbose_name_plural = _("gastheren")
        ordering = ["reeks", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["reeks", "organisatie"], name="gastheer_eenmaal"),
            models.UniqueConstraint(fields=["reeks", "volgorde"], name="gastheer_beurt_eenmaal"),
        ]

    def __str__(self) -> str:
        return f"{self.reeks}: {self.organisatie}"


class Vorm(models.TextChoices):
    CASUS = "casus", _("casusoverleg")
    THEMA = "thema", _("themasessie")


class Bijeenkomst(models.Model):
    """One meeting of a series, generated from the series' next dates, with that turn's host."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reeks = models.ForeignKey(
        Reeks, verbose_name=_("reeks"), on_delete=models.CASCADE, related_name="bijeenkomsten"
    )
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    begint = models.DateTimeField(_("begint"))
    eindigt = models.DateTimeField(_("eindigt"))
    gastheer = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("gastheer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Only for a series of kind casus_thema: which of the two this turn is.
    vorm = models.CharField(_("vorm"), max_length=5, choices=Vorm.choices, blank=True)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["begint"]
        constraints = [
            models.UniqueConstraint(fields=["reeks", "begint"], name="bijeenkomst_eenmaal"),
            models.UniqueConstraint(fields=["reeks", "volgnummer"], name="bijeenkomst_nummer"),
            models.CheckConstraint(condition=Q(eindigt__gt=F("begint")), name="bijeenkomst_duurt"),
        ]

    def __str__(self) -> str:
        return f"{self.reeks} {timezone.localtime(self.begint):%Y-%m-%d %H:%M}"

    @property
    def geweest(self) -> bool:
        return self.begint <= timezone.now()


class Agendapunt(models.Model):
    """A short pitch, "nieuw in de wijk", about a kaart listing, by a person of the web."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="agendapunten",
    )
    service = models.ForeignKey(
        "directory.Service",
        verbose_name=_("aanbod op de kaart"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    presentator = models.ForeignKey(
        Persoon,
        verbose_name=_("wie vertelt erover"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="agendapunten",
    )
    # Short and about the listing; never filled in for a casusoverleg (no resident data).
    onderwerp = models.CharField(_("wat is er nieuw"), max_length=140, blank=True)
    door = models.CharField(_("toegevoegd door"), max_length=200)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["aangemaakt", "id"]

    def __str__(self) -> str:
        return str(self.service)


class Rsvp(models.TextChoices):
    JA = "ja", _("Ja, ik kom")
    MISSCHIEN = "misschien", _("Misschien")
    NEE = "nee", _("Nee, ik kan niet")


class Uitnodiging(models.Model):
    """A person of the web invited to one meeting; they answer through a signed link."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="uitnodigingen",
    )
    persoon = models.ForeignKey(
        Persoon,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="bijeenkomstuitnodigingen",
    )
    antwoord = models.CharField(_("antwoord"), max_length=10, choices=Rsvp.choices, blank=True)
    verstuurd = models.DateTimeField(_("verstuurd"), default=timezone.now)
    beantwoord = models.DateTimeField(_("beantwoord"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["verstuurd", "id"]
        constraints = [
            models.UniqueConstraint(fields=["bijeenkomst", "persoon"], name="uitnodiging_eenmaal"),
            models.CheckConstraint(
                condition=Q(antwoord="") | Q(antwoord__in=Rsvp.values),
                name="uitnodiging_antwoord_bekend",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bijeenkomst}: {self.persoon}"
