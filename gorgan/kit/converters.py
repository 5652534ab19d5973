class UnicodeSlugConverter:
    """Slugs in any script: Persian titles make Persian slugs."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class ShortCodeConverter:
    regex = r"[0-9a-f]{8}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
