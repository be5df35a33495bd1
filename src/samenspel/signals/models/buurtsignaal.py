"""Signals about the neighbourhood, and the wijkagenda they can land on (issue 13, item 4).

Never a worry about a person: a buurtsignaal says something about a buurt ("sinds het buurthuis
dicht is zitten er ouderen alleen thuis") and goes to the netwerkhouders of that area. Anyone
may send one, anonymous allowed. The only personal data is an optional e-mail address for an
answer: shown to the netwerkhouder only, erased after ``BUURTSIGNAAL_BEWAAR_DAGEN`` days, while
the signal itself (buurt, theme, text) stays for the counts and the wijkagenda.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEKST_MAX = 2000


class Thema(models.TextChoices):
    """The short list of themes, in plain words, derived from the seeds.

    - ontmoetplek: places to meet ("een buurthuis, huiskamer(s) in de wijk en
      inloopvoorzieningen", seed 003 l.4684-4690; "fysieke ontmoetingsplekken", l.92, l.832);
      the issue's own example "sinds het buurthuis dicht is ...";
    - alleen: people who are lonely or alone at home ("buurtbewoners die mogelijk eenzaam
      zijn", 003 l.2021, l.2040);
    - overlast: nuisance and liveability ("overlastsituaties", 003 l.1204; "Goed wonen,
      Leefbaarheid, Overlast", l.3380-3382);
    - jongeren: nothing to do for young people (003 l.1617-1623, l.3220);
    - armoede: poverty and money worries ("sociaal isolement, armoede of schulden", 003 l.3150);
    - wonen: living, housing and a neglected street ("Huisuitzettingen, ... vervuiling",
      003 l.1688);
    - anders: anything else.
    """

    ONTMOETPLEK = "ontmoetplek", _("Een plek om elkaar te ontmoeten verdwijnt")
    ALLEEN = "alleen", _("Ouderen of anderen zitten alleen thuis")
    OVERLAST = "overlast", _("Overlast in de buurt")
    JONGEREN = "jongeren", _("Geen activiteiten voor jongeren")
    ARMOEDE = "armoede", _("Armoede en geldzorgen")
    WONEN = "wonen", _("Wonen en een schone, veilige straat")
    ANDERS = "anders", _("Iets anders")


class SignaalStatus(models.TextChoices):
    NIEUW = "nieuw", _("nieuw")
    BEANTWOORD = "beantwoord", _("beantwoord")
    OP_AGENDA = "op_agenda", _("op de wijkagenda")


class Buurtsignaal(models.Model):
    buurt = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("buurt"),
        on_delete=models.PROTECT,
        related_name="buurtsignalen",
    )
    thema = models.CharField(_("thema"), max_length=20, choices=Thema.choices)
    tekst = models.TextField(_("wat zie je in de buurt"), max_length=TEKST_MAX)
    openbaar = models.BooleanField(_("mag openbaar"), default=False)
    email = models.EmailField(_("e-mailadres voor een antwoord"), blank=True)
    email_gewist_op = models.DateTimeField(_("e-mailadres gewist op"), null=True, blank=True)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=SignaalStatus.choices, default=SignaalStatus.NIEUW
    )
    antwoord = models.TextField(_("antwoord"), blank=True, max_length=TEKST_MAX)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("buurtsignaal")
        verbose_name_plural = _("buurtsignalen")
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self) -> str:
        return f"{self.get_thema_display()} ({self.buurt_id})"

    @property
    def wijk(self):
        return self.buurt.wijk


class AgendaStatus(models.TextChoices):
    OP_AGENDA = "op_agenda", _("op de agenda")
    BESPROKEN = "besproken", _("besproken")
    OPGEPAKT = "opgepakt", _("opgepakt")
    AFGEROND = "afgerond", _("afgerond")


class Agendapunt(models.Model):
    """One item on a wijk's agenda, made from one or more neighbourhood signals.

    Shown publicly (without names) only when every signal it came from may be public.
    """

    wijk = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="agendapunten",
    )
    titel = models.CharField(_("onderwerp"), max_length=200)
    signalen = models.ManyToManyField(
        Buurtsignaal, verbose_name=_("signalen"), related_name="agendapunten", blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AgendaStatus.choices, default=AgendaStatus.OP_AGENDA
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("punt op de wijkagenda")
        verbose_name_plural = _("wijkagenda")
        ordering = ["-aangemaakt_op", "-id"]

    def __str__(self) -> str:
        return self.titel

    @property
    def openbaar(self) -> bool:
        signalen = list(self.signalen.all())
        return bool(signalen) and all(s.openbaar for s in signalen)
