"""Patient flows as plain state machines, with no Qt: the exercise workout, the video phases,
the picker's path and the countdowns. Widgets only show their state and forward taps."""
