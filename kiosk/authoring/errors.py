"""The one error the authoring commands raise: a sentence for the clinic member running them."""


class AuthoringError(Exception):
    """Something the person making a bundle must fix; the message says what."""
