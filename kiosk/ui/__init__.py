"""The Qt side: one module per screen, plus the theme. Reads only the content model."""
