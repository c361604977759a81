"""The bundle's manifest: the one file every bundle folder holds at its top.

Its own module, without pydantic, so that finding and fingerprinting a bundle at start does
not load the model."""

MANIFEST_NAME = "bundle.json"
