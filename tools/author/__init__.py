"""The authoring tool: draws the built-in content's illustrations, stretch videos, posters and
captions from one storyboard of joint-angle poses. Run it with `python -m tools.author`."""
