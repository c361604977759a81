"""Read-aloud: the screen's texts played from the bundle's narration, the sentence being
said highlighted where it shows, Repeat and Stop in the top bar."""
