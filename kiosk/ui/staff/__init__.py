"""The hidden staff side of the kiosk: the corner gesture, the PIN pad and the staff panel.

Staff words are plain English written here, not bundle wording: staff are not patients."""
