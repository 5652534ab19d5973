"""Illustrated placards for the demo releases, drawn with Pillow (no photographs).

The municipality's name is lettered in Persian when Pillow can shape Arabic script (it needs
libraqm and a font with Arabic letters, such as Vazirmatn, Noto Naskh Arabic or DejaVu Sans);
otherwise the placard says "Gorgan Municipality" in Latin letters.
"""

import functools
import hashlib
import math
import random
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont, features

from gorgan.kit import dependencies
from gorgan.kit.dependencies import key
from newsroom import demo_loader
from newsroom.models import GalleryItem, Image, PressRelease

SIZE = (1600, 900)
PERSIAN_FONTS = (
    "Vazirmatn-Bold.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "NotoSansArabic-Bold.ttf",
    "DejaVuSans-Bold.ttf",
)
LATIN_FONTS = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf")


def placards():
    """``{short code: [placard, ...]}`` from the demo data: the first placard of a release is
    its featured image, the others its gallery."""
    return {
        release["short_code"]: release["placards"]
        for release in demo_loader.data()["releases"]
        if release.get("placards")
    }


def placard_words():
    """The municipality's name lettered on every placard, and the credit of the pictures."""
    return demo_loader.data()["placard"]


def font(names, size, **options):
    for name in names:
        try:
            return ImageFont.truetype(name, size, **options)
        except OSError:
            continue
    return None


def persian_lettering(size):
    """A font that shapes Persian, or None when this machine cannot."""
    if not features.check("raqm"):
        return None
    return font(PERSIAN_FONTS, size, layout_engine=ImageFont.Layout.RAQM)


def lettering(size):
    """(font, script): Persian when it can be shaped, Latin otherwise."""
    persian = persian_lettering(size)
    if persian is not None:
        return persian, "fa"
    return font(LATIN_FONTS, size) or ImageFont.load_default(size), "latin"


def draw_scene(draw, scene, colours):
    dark, _light, accent = colours
    width, height = SIZE
    ground = int(height * 0.62)
    draw.rectangle([0, ground, width, height], fill=dark)
    if scene == "bridge":
        for x0, top in ((120, 260), (1180, 220)):
            for i, h in enumerate((220, 320, 260, 180)):
                left = x0 + i * 75
                draw.rectangle([left, ground - h + (top - 220), left + 60, ground], fill=dark)
        draw.arc([440, 300, 1160, 900], 200, 340, fill=accent, width=18)
        draw.line([400, ground - 20, 1200, ground - 20], fill=accent, width=14)
    elif scene == "forest":
        draw.ellipse([1200, 90, 1360, 250], fill="#f4c542")
        for i, cx in enumerate(range(-100, width + 200, 260)):
            r = 260 + (i % 3) * 40
            draw.ellipse([cx - r, ground - r // 2, cx + r, ground + r], fill="#2e7d32")
        for cx in range(60, width, 140):
            draw.polygon([(cx, ground - 150), (cx - 45, ground), (cx + 45, ground)], fill=dark)
    elif scene == "tower":
        draw.rectangle([0, 0, width, ground], fill="#2c1a3a")
        for x, y in ((200, 120), (420, 60), (1300, 140), (1450, 80), (980, 50)):
            draw.ellipse([x, y, x + 8, y + 8], fill="#ffffff")
        draw.polygon([(760, 60), (840, 60), (880, ground), (720, ground)], fill=accent)
        draw.line([800, 20, 800, 60], fill=accent, width=8)
        for left, h in ((140, 200), (260, 280), (1040, 240), (1180, 300), (1330, 190)):
            draw.rectangle([left, ground - h, left + 100, ground], fill="#3d2452")
        draw.rectangle([0, ground + 40, width, ground + 120], fill="#1b4f72")
    elif scene == "snow":
        draw.rectangle([0, ground - 30, width, ground + 20], fill="#ffffff")
        draw.rounded_rectangle([560, ground - 170, 1040, ground - 20], 24, fill=accent)
        draw.rectangle([880, ground - 260, 1020, ground - 170], fill=accent)
        draw.polygon([(460, ground - 20), (560, ground - 140), (560, ground - 20)], fill="#7f8c8d")
        for cx in (640, 960):
            draw.ellipse([cx - 50, ground - 70, cx + 50, ground + 30], fill="#2c3e50")
        flakes = random.Random(1405)  # fixed seed: the same picture on every run
        for _flake in range(60):
            x, y = flakes.randrange(width), flakes.randrange(30, ground - 60)
            for angle in range(0, 180, 60):
                dx, dy = 14 * math.cos(math.radians(angle)), 14 * math.sin(math.radians(angle))
                draw.line([x - dx, y - dy, x + dx, y + dy], fill="#ffffff", width=3)
    elif scene == "trees":
        for i, cx in enumerate(range(120, width, 220)):
            crown = ("#e67e22", "#f1c40f", "#d35400")[i % 3]
            draw.rectangle([cx - 14, ground - 120, cx + 14, ground + 10], fill="#5d3a1a")
            draw.ellipse([cx - 95, ground - 330, cx + 95, ground - 100], fill=crown)
        for i in range(30):
            x, y = (i * 331) % width, ground + 20 + (i * 97) % 120
            draw.ellipse([x, y, x + 22, y + 12], fill=("#e67e22", "#f1c40f")[i % 2])
    elif scene == "bins":
        draw.rectangle([0, ground - 40, width, ground], fill="#bdc3c7")
        for i, colour in enumerate(("#27ae60", "#2980b9", "#f1c40f")):
            left = 470 + i * 240
            draw.rounded_rectangle([left, ground - 300, left + 180, ground - 40], 18, fill=colour)
            draw.rectangle([left - 10, ground - 330, left + 190, ground - 295], fill=colour)
            draw.regular_polygon((left + 90, ground - 170, 45), 3, fill="#ffffff")


@functools.cache
def draw_placard(spec_key):
    """PNG bytes of one placard, the same bytes every time on the same machine."""
    short_code, index = spec_key
    spec = placards()[short_code][index]
    dark, light, accent = spec["colours"]
    canvas = PILImage.new("RGB", SIZE, light)
    draw = ImageDraw.Draw(canvas)
    draw_scene(draw, spec["scene"], spec["colours"])
    width, height = SIZE
    band_top = int(height * 0.74)
    draw.rectangle([0, band_top, width, height], fill=dark)
    draw.rectangle([0, band_top, width, band_top + 10], fill=accent)
    title_font, script = lettering(84)
    subtitle_font, _script = lettering(48)
    direction = {"direction": "rtl", "language": "fa"} if script == "fa" else {}
    anchor_x = width - 80 if script == "fa" else 80
    anchor = "r" if script == "fa" else "l"
    draw.text(
        (anchor_x, band_top + 70),
        placard_words()["lettering"][script],
        font=title_font,
        fill="#ffffff",
        anchor=f"{anchor}m",
        **direction,
    )
    draw.text(
        (anchor_x, band_top + 160),
        spec["subtitle"][script],
        font=subtitle_font,
        fill=light,
        anchor=f"{anchor}m",
        **direction,
    )
    emblem_x = 140 if script == "fa" else width - 140
    draw.ellipse(
        [emblem_x - 70, band_top + 45, emblem_x + 70, band_top + 185], outline=light, width=8
    )
    draw.polygon(
        [
            (emblem_x, band_top + 70),
            (emblem_x - 45, band_top + 160),
            (emblem_x + 45, band_top + 160),
        ],
        fill=accent,
    )
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer.getvalue()


def image_for(short_code, index):
    """The library image of a placard: the existing one when the same picture is stored."""
    spec = placards()[short_code][index]
    data = draw_placard((short_code, index))
    existing = Image.objects.filter(content_hash=hashlib.sha256(data).hexdigest()).first()
    if existing is not None:
        return existing
    image = Image(file=ContentFile(data, name="placard.png"))
    for language in (code for code, _name in settings.LANGUAGES):
        image.set_current_language(language)
        image.alt_text = spec["alt"][language]
        image.caption = spec.get("caption", {}).get(language, "")
        image.credit = placard_words()["credit"][language]
    image.set_current_language(settings.LANGUAGE_CODE)
    image.save()
    return image


def load(short_codes=None):
    """Give the demo releases (or those of ``short_codes``) their placards where missing."""
    specs = placards()
    wanted = specs if short_codes is None else [code for code in short_codes if code in specs]
    releases = PressRelease.objects.filter(short_code__in=wanted)
    for release in releases:
        code = release.short_code
        if release.featured_image_id is None:
            release.featured_image = image_for(code, 0)
            PressRelease.objects.filter(pk=release.pk).update(featured_image=release.featured_image)
            dependencies.changed(key(PressRelease, release.pk))  # an update sends no signal
        gallery = range(1, len(specs[code]))
        if gallery and not release.gallery_items.exists():
            for order in gallery:
                GalleryItem.objects.create(
                    release=release, image=image_for(code, order), order=order
                )
