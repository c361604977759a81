"""Keeping the kiosk up: logs, crash recovery, lockdown and the systemd watchdog."""
