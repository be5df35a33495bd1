"""What can be wrong with a signed link in an e-mail, for every app that sends one."""


class LinkOngeldig(Exception):
    """``verlopen`` (made by us, but too old) or ``ongeldig`` (not made by us, or not for this).

    An expired link can be answered with an offer to send a new one; an invalid one is a 404.
    """

    def __init__(self, reden: str):
        super().__init__(reden)
        self.reden = reden

    @property
    def verlopen(self) -> bool:
        return self.reden == "verlopen"
