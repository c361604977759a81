"""One module per patient screen."""
