"""Generate a large, realistic archive for benchmarks: ``manage.py generate_bulk --releases N``."""

import random
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from newsroom.indexing import release_search_document
from newsroom.models import (
    Office,
    PressRelease,
    PressReleaseTranslation,
    Section,
    Tag,
    TaggedRelease,
)
from newsroom.models.taxonomy import TagTranslation

BATCH_SIZE = 2000
TAG_COUNT = 300

# Words to compose plausible headlines and paragraphs in each language.
WORDS = {
    "fa": {
        "subjects": [
            "شهرداری گرگان",
            "شورای اسلامی شهر",
            "سازمان پارک‌ها و فضای سبز",
            "سازمان مدیریت پسماند",
            "معاونت خدمات شهری",
            "سازمان حمل‌ونقل و ترافیک",
            "منطقه یک شهرداری",
            "منطقه دو شهرداری",
            "منطقه سه شهرداری",
            "سازمان آتش‌نشانی",
        ],
        "actions": [
            "اجرای طرح",
            "آغاز عملیات",
            "افتتاح",
            "بازگشایی",
            "ادامهٔ",
            "برگزاری",
            "تصویب",
            "بهسازی",
            "نوسازی",
            "پیگیری",
        ],
        "objects": [
            "پیاده‌راه خیابان امام",
            "بوستان ناهارخوران",
            "خط جدید اتوبوس‌رانی",
            "جمع‌آوری پسماند خشک",
            "آسفالت معابر",
            "جشنوارهٔ فرهنگی",
            "پارک محله",
            "روشنایی معابر",
            "ایستگاه دوچرخه",
            "بازار روز",
            "کتابخانهٔ محله",
            "طرح شهر پاکیزه",
        ],
        "places": [
            "در محلهٔ سرخواجه",
            "در بلوار جرجان",
            "در میدان وحدت",
            "در شهرک بهاران",
            "در کوی کارگران",
            "در خیابان ولیعصر",
            "در حاشیهٔ شهر",
            "در مرکز شهر",
        ],
        "sentence": "{subject} از {action} {obj} {place} خبر داد و گفت این طرح با هدف "
        "بهبود کیفیت زندگی شهروندان انجام می‌شود.",
        "extra": "به گفتهٔ مسئولان، شهروندان می‌توانند پیشنهادهای خود را از طریق سامانهٔ ۱۳۷ "
        "با شهرداری در میان بگذارند و روند اجرای کار به‌طور منظم اطلاع‌رسانی خواهد شد.",
        "title": "{action} {obj} {place}",
    },
    "en": {
        "subjects": [
            "Gorgan Municipality",
            "The City Council",
            "The Parks Organization",
            "The Waste Management Organization",
            "The Urban Services Deputy",
            "The Transport and Traffic Organization",
            "District 1",
            "District 2",
            "District 3",
            "The Fire Department",
        ],
        "actions": [
            "Work begins on",
            "Opening of",
            "Reopening of",
            "Progress on",
            "Approval of",
            "Renovation of",
            "Upgrade of",
            "Launch of",
            "Follow-up on",
            "Completion of",
        ],
        "objects": [
            "the Imam Street walkway",
            "Naharkhoran Park",
            "a new bus line",
            "dry-waste collection",
            "street resurfacing",
            "the culture festival",
            "the neighbourhood park",
            "street lighting",
            "a bike station",
            "the weekly market",
            "the district library",
            "the Clean City plan",
        ],
        "places": [
            "in Sarkhajeh",
            "on Jorjan Boulevard",
            "at Vahdat Square",
            "in Baharan",
            "in Kuy-e Kargaran",
            "on Valiasr Street",
            "on the city's edge",
            "in the city centre",
        ],
        "sentence": "{subject} announced {action_lower} {obj} {place}, saying the work aims to "
        "improve residents' quality of life.",
        "extra": "Officials said residents can send suggestions through the 137 hotline and "
        "will be kept informed as the work proceeds.",
        "title": "{action} {obj} {place}",
    },
    "zh-hans": {
        "subjects": [
            "戈尔甘市政府",
            "市议会",
            "公园绿化局",
            "废物管理局",
            "城市服务副市长办公室",
            "交通运输局",
            "第一区",
            "第二区",
            "第三区",
            "消防局",
        ],
        "actions": [
            "启动",
            "开放",
            "重新开放",
            "推进",
            "批准",
            "翻新",
            "升级",
            "推出",
            "跟进",
            "完成",
        ],
        "objects": [
            "伊玛目街步行道",
            "纳哈尔霍兰公园",
            "新公交线路",
            "干垃圾收集",
            "道路重铺",
            "文化节",
            "社区公园",
            "街道照明",
            "自行车站",
            "周末集市",
            "社区图书馆",
            "洁净城市计划",
        ],
        "places": [
            "于萨尔霍杰街区",
            "于乔尔詹大道",
            "于团结广场",
            "于巴哈兰新区",
            "于工人区",
            "于瓦利阿斯尔街",
            "于城市边缘",
            "于市中心",
        ],
        "sentence": "{subject}宣布{place}{action}{obj}，表示此举旨在提高市民的生活质量。",
        "extra": "有关负责人表示，市民可通过137热线提出建议，工作进展将定期公布。",
        "title": "{place}{action}{obj}",
    },
}


class Command(BaseCommand):
    help = (
        "Add N generated press releases (Persian, most also in English and Chinese) with tags, "
        "using bulk inserts. For benchmarks; never run it on a production database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--releases", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1405)

    def handle(self, *args, releases, seed, **options):
        rng = random.Random(seed)
        office = Office.objects.first() or self.make_named(Office, "روابط عمومی شهرداری گرگان")
        section = Section.objects.first() or Section.objects.create(slug="news")
        tags = self.ensure_tags(rng)
        taken_codes = set(PressRelease.objects.values_list("short_code", flat=True))
        start = PressRelease.objects.count()
        created = 0
        while created < releases:
            size = min(BATCH_SIZE, releases - created)
            with transaction.atomic():
                self.create_batch(rng, size, start + created, office, section, tags, taken_codes)
            created += size
            self.stdout.write(f"{created}/{releases} releases", ending="\r")
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner keeps its guesses from the empty tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"\nCreated {created} releases."))

    def make_named(self, model, name):
        obj = model()
        obj.set_current_language(settings.LANGUAGE_CODE)
        obj.name = name
        obj.save()
        return obj

    def ensure_tags(self, rng):
        # With their labels loaded: every release's search document names its tags.
        bulk_tags = Tag.objects.filter(slug__startswith="bulk-").prefetch_related("translations")
        existing = list(bulk_tags)
        if len(existing) >= TAG_COUNT:
            return existing
        Tag.objects.bulk_create(
            [Tag(name=f"برچسب انبوه {n}", slug=f"bulk-{n}") for n in range(TAG_COUNT)],
            ignore_conflicts=True,
        )
        tags = list(Tag.objects.filter(slug__startswith="bulk-"))
        TagTranslation.objects.bulk_create(
            [
                TagTranslation(master=tag, language_code=code, label=label)
                for tag in tags
                for code, label in (
                    ("fa", tag.name),
                    ("en", f"Topic {tag.slug[5:]}"),
                    ("zh-hans", f"主题{tag.slug[5:]}"),
                )
            ],
            ignore_conflicts=True,
        )
        return list(bulk_tags.all())

    def new_code(self, rng, taken):
        while True:
            code = f"{rng.getrandbits(32):08x}"
            if code not in taken:
                taken.add(code)
                return code

    def create_batch(self, rng, size, offset, office, section, tags, taken_codes):
        now = timezone.now()
        statuses = [PressRelease.Status.PUBLISHED] * 18 + [
            PressRelease.Status.DRAFT,
            PressRelease.Status.ARCHIVED,
        ]
        releases = [
            PressRelease(
                status=rng.choice(statuses),
                publish_at=now - timedelta(minutes=rng.randint(60, 10 * 365 * 24 * 60)),
                office=office,
                section=section,
                sign_off=rng.choice(["الف", "ب", "پ", "ت", "ث", "ج"]),
                short_code=self.new_code(rng, taken_codes),
            )
            for _ in range(size)
        ]
        PressRelease.objects.bulk_create(releases)
        translations, tagged = [], []
        for number, release in enumerate(releases, start=offset):
            choice = {
                part: rng.randrange(len(WORDS["fa"][part]))
                for part in ("subjects", "actions", "objects", "places")
            }
            roll = rng.random()
            languages = (
                ["fa", "en", "zh-hans"] if roll < 0.8 else ["fa", "en"] if roll < 0.9 else ["fa"]
            )
            release_tags = rng.sample(tags, rng.randint(2, 6))
            for language in languages:
                translation = self.translation(release, language, choice, number, rng)
                # Bulk inserts skip save(), which keeps the search document; build it here.
                translation.search_document = release_search_document(translation, release_tags)
                translations.append(translation)
            for tag in release_tags:
                tagged.append(TaggedRelease(content_object=release, tag=tag))
        PressReleaseTranslation.objects.bulk_create(translations)
        TaggedRelease.objects.bulk_create(tagged)

    def translation(self, release, language, choice, number, rng):
        words = WORDS[language]
        picked = {part: words[part][index] for part, index in choice.items()}
        title = words["title"].format(
            action=picked["actions"], obj=picked["objects"], place=picked["places"]
        )
        sentence = words["sentence"].format(
            subject=picked["subjects"],
            action=picked["actions"],
            action_lower=picked["actions"].lower(),
            obj=picked["objects"],
            place=picked["places"],
        )
        paragraphs = [sentence, words["extra"]] * rng.randint(2, 4)
        return PressReleaseTranslation(
            master=release,
            language_code=language,
            title=title,
            slug=f"{slugify(title, allow_unicode=True)}-{number}",
            lead=sentence,
            body="".join(f"<p>{text}</p>" for text in paragraphs),
        )
