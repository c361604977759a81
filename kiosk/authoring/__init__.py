"""Making a bundle without writing JSON: `kiosk new`, `kiosk add-video` and `kiosk preview`."""
