"""Video for the stretch series: playback, captions, drawing and controls.

QtMultimedia is imported only inside this package (and the video screen), so the rest of the
kiosk starts without it."""
