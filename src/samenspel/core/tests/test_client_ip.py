"""Which address counts as the visitor's, with and without a reverse proxy in front."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import RequestFactory

from samenspel.core.client_ip import client_ip

PROXY = "10.0.0.5"


def _verzoek(remote_addr=PROXY, xff=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **extra)


@pytest.fixture
def achter_proxy(settings):
    settings.SAMENSPEL["VERTROUWDE_PROXIES"] = [PROXY]


def test_zonder_vertrouwde_proxy_telt_het_verbindingsadres_ook_met_x_forwarded_for():
    assert client_ip(_verzoek("203.0.113.7", xff="198.51.100.1")) == "203.0.113.7"


def test_een_onbekende_afzender_kan_zich_niet_voordoen_als_een_ander_adres(achter_proxy):
    # Only the configured proxy is believed; a visitor sending the header directly is not.
    assert client_ip(_verzoek("203.0.113.7", xff="198.51.100.1")) == "203.0.113.7"


def test_achter_de_proxy_telt_het_adres_van_de_bezoeker(achter_proxy):
    assert client_ip(_verzoek(xff="203.0.113.7")) == "203.0.113.7"


def test_wat_de_bezoeker_zelf_in_de_kop_zet_telt_niet(achter_proxy):
    # The proxy appends the address it saw to whatever the client sent.
    assert client_ip(_verzoek(xff="198.51.100.1, 203.0.113.7")) == "203.0.113.7"


def test_een_keten_van_vertrouwde_proxies_in_een_netwerk(settings):
    settings.SAMENSPEL["VERTROUWDE_PROXIES"] = ["10.0.0.0/8", "2001:db8::/32"]
    verzoek = _verzoek("10.0.0.1", xff="198.51.100.1, 203.0.113.7, 2001:db8::9, 10.1.2.3")
    assert client_ip(verzoek) == "203.0.113.7"


def test_alleen_eigen_proxies_telt_de_verste(settings):
    settings.SAMENSPEL["VERTROUWDE_PROXIES"] = ["10.0.0.0/8"]
    assert client_ip(_verzoek("10.0.0.1", xff="10.0.0.2")) == "10.0.0.2"
    assert client_ip(_verzoek("10.0.0.1")) == "10.0.0.1"


def test_onzin_in_de_kop_telt_als_van_de_bezoeker(achter_proxy):
    assert client_ip(_verzoek(xff="geen-adres")) == PROXY
    assert client_ip(_verzoek(xff="203.0.113.7, geen-adres")) == PROXY


def test_poort_en_ipv4_via_ipv6_zijn_hetzelfde_adres(achter_proxy):
    assert client_ip(_verzoek(xff="203.0.113.7:5678")) == "203.0.113.7"
    assert client_ip(_verzoek(xff="[2001:db8::1]:443")) == "2001:db8::1"
    assert client_ip(_verzoek("::ffff:203.0.113.7")) == "203.0.113.7"


def test_zonder_verbindingsadres_een_vast_adres_in_plaats_van_een_fout():
    assert client_ip(_verzoek("")) == "0.0.0.0"  # noqa: S104


def test_een_fout_in_de_instelling_wordt_genoemd_door_check(settings):
    settings.SAMENSPEL["VERTROUWDE_PROXIES"] = ["10.0.0.0/8", "proxy.example.org"]
    with pytest.raises(SystemCheckError, match="proxy.example.org"):
        call_command("check")
    # Requests still get an answer; the wrong entry is simply not trusted.
    assert client_ip(_verzoek("10.0.0.1", xff="203.0.113.7")) == "203.0.113.7"
