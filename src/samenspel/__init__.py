"""Samenspel: sociale kaart en samenspel tussen formele en informele ondersteuning."""
