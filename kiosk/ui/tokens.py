"""The design tokens: every length and type size the kiosk draws with, named, at 1080p.

A widget asks the theme for a step of these scales (`theme.px(Space.M)`,
`theme.font_px(Type.BODY)`), never for a number: the scales keep the screens in step with each
other, and a change here changes every screen that uses the step. Sizes that belong to one
control (a poster, the PIN keys) are named in `Size`, so they are found in one place too."""

from __future__ import annotations


class Space:
    """Gaps, margins and padding."""

    XXS = 4
    XS = 8
    S = 12
    M = 16
    L = 24
    XL = 32
    XXL = 40
    XXXL = 48
    HUGE = 64
    GIANT = 96


class Stroke:
    """Line and border widths."""

    HAIRLINE = 1
    THIN = 2
    THICK = 3
    HEAVY = 8


class Radius:
    """Corner radii."""

    SMALL = 8
    MEDIUM = 16
    LARGE = 24
    ROUND = 48  # a pill-shaped bar, a round illustration frame


class Type:
    """Type sizes. Patient text is never smaller than BODY; SMALL is for notes beside it."""

    SMALL = 26
    BODY = 30
    BUTTON = 32
    HEADING = 36
    LARGE = 42
    TITLE = 52
    DISPLAY = 56
    HERO = 96
    NUMBER = 150  # the hold countdown and the staff panel's big figures
    GIANT = 320  # the cleaning lock's seconds


class Size:
    """Sizes of particular controls and pictures."""

    TOUCH = 88  # the least height of anything tappable
    ICON = 44  # an icon inside a button
    ICON_LARGE = 56
    ICON_HERO = 96  # the icon that leads a card or screen
    TILE_ICON = 110  # a home tile's icon
    RESULT_ICON = 140  # the picker's result icon
    POSTER_PLAY = 120  # the play mark on a poster
    ACTION_HEIGHT = 130  # a screen's one big action ("Start", "Home", "I'm still here")
    ANSWER_HEIGHT = 150
    ANSWER_WIDTH = 360
    PLAY_WIDTH = 280
    PLAYLIST_WIDTH = 480
    PLAYLIST_THUMB = (200, 113)
    POSTER = (1280, 720)
    ARTICLE_PICTURE = (640, 520)
    ARTICLE_PICTURE_PORTRAIT = (640, 420)
    ATTRACT_PICTURE = (820, 600)
    ATTRACT_PICTURE_PORTRAIT = (820, 700)
    CARD_PICTURE = (260, 180)
    ILLUSTRATION_LEAST = 160  # an exercise step's illustration never shrinks below this
    SWIPE = 120  # how far a finger moves for a swipe to count
    READING_WIDTH = 1000  # a card of sentences is no wider than a comfortable line
    # The hold countdown's box: as wide as its widest number, within these (scaled as type).
    TIMER_LEAST = 320
    TIMER_MOST = 460
    TIMER_FRAME = 360
    # Staff pages.
    STAFF_CONTROL_HEIGHT = 56
    STAFF_FIELD_WIDTH = 300
    STAFF_SWITCH_WIDTH = 180
    STAFF_VALUE_WIDTH = 230  # a stepper's shown value
    STAFF_VALUE_WIDTH_BIG = 360
    CHART = (900, 420)
    CHART_LEAST_HEIGHT = 300
    PIN_KEY = (176, 118)
    PIN_DOTS = (420, 110)
    PIN_MESSAGE_HEIGHT = 100
