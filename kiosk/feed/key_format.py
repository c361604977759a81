"""How a feed's public key is written: "ed25519:" and its 32 raw bytes in base64.

Its own module, with no cryptography in it, so the settings file can check a pasted key's form
without importing the feed's signing code before the kiosk's first paint."""

PUBLIC_PREFIX = "ed25519:"
FEED_KEY_PATTERN = r"ed25519:[A-Za-z0-9+/]{43}="
