"""Areas hold no personal data: gemeenten, wijken and buurten (processing register)."""

from samenspel.core import verwerkingen

verwerkingen.zonder("areas.Gebied")
