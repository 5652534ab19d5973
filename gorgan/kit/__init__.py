"""The site-wide kit every app uses; it names no app (apps register with it)."""
