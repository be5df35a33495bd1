"""`{% aanbod_kaartje service kop="h3" %}`: a listing's card in a template (see kaartje.py)."""

from django import template

from samenspel.directory import kaartje

register = template.Library()


@register.simple_tag
def aanbod_kaartje(service, kop="h2"):
    return kaartje.html(service, kop=kop)
