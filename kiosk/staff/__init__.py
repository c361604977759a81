"""What front-desk staff need that is not on screen: the PIN. (The panel is in kiosk/ui/staff.)"""
