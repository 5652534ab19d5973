"""Demo site identity and e-services, loaded by `manage.py load_demo`."""

from django.conf import settings

from gorgan.models import Service, SiteIdentity

SITE_IDENTITY = {
    "phone": "017-32224001",
    "email": "info@gorgan.ir",
    "translations": {
        "fa": {
            "name": "شهرداری گرگان",
            "slogan": "شهر پاکیزه",
            "address": "گرگان، میدان شهرداری، ساختمان مرکزی شهرداری گرگان",
        },
        "en": {
            "name": "Gorgan Municipality",
            "slogan": "A clean city",
            "address": "Central Building of Gorgan Municipality, Shahrdari Square, Gorgan, "
            "Golestan Province, Iran",
        },
        "zh-hans": {
            "name": "戈尔甘市政府",
            "slogan": "洁净之城",
            "address": "伊朗戈勒斯坦省戈尔甘市市政广场，戈尔甘市政府总部大楼",
        },
    },
}

# The municipality's most used e-services; the URL is the identity used when reloading.
SERVICES = [
    {
        "url": "https://gorgan.ir/services/municipal-fees",
        "icon": "receipt",
        "translations": {
            "fa": {
                "title": "پرداخت عوارض شهرداری",
                "description": "استعلام و پرداخت برخط عوارض نوسازی، کسب و پیشه و خودرو",
            },
            "en": {
                "title": "Pay municipal fees",
                "description": "Look up and pay property renewal, business and vehicle fees online",
            },
            "zh-hans": {
                "title": "缴纳市政费用",
                "description": "在线查询并缴纳房产更新费、经营费和车辆费",
            },
        },
    },
    {
        "url": "https://gorgan.ir/services/building-permits",
        "icon": "building",
        "translations": {
            "fa": {
                "title": "صدور پروانه ساختمانی",
                "description": "ثبت درخواست پروانه ساخت و پیگیری مراحل پرونده بدون مراجعه حضوری",
            },
            "en": {
                "title": "Building permits",
                "description": "Apply for a building permit and follow your file without a visit",
            },
            "zh-hans": {
                "title": "建筑许可证",
                "description": "在线申请建筑许可证并跟踪办理进度，无需到场",
            },
        },
    },
    {
        "url": "https://137.gorgan.ir/",
        "icon": "phone",
        "translations": {
            "fa": {
                "title": "سامانه ۱۳۷ پاسخگویی به شهروندان",
                "description": (
                    "گزارش مشکلات شهری با تماس با ۱۳۷ یا به‌صورت برخط، در همه ساعات شبانه‌روز"
                ),
            },
            "en": {
                "title": "137 citizens’ hotline",
                "description": (
                    "Report a problem in the city by calling 137 or online, day or night"
                ),
            },
            "zh-hans": {
                "title": "137市民服务热线",
                "description": "全天候拨打137或在线反映城市问题",
            },
        },
    },
    {
        "url": "https://gorgan.ir/services/bulky-waste-collection",
        "icon": "truck",
        "translations": {
            "fa": {
                "title": "درخواست جمع‌آوری پسماند حجیم و نخاله",
                "description": "تعیین نوبت برای جمع‌آوری اثاثیه کهنه، شاخ و برگ و نخاله ساختمانی",
            },
            "en": {
                "title": "Bulky waste and rubble collection",
                "description": "Book a pick-up for old furniture, garden waste or building rubble",
            },
            "zh-hans": {
                "title": "大件垃圾与建筑垃圾清运预约",
                "description": "预约上门清运旧家具、园林垃圾和建筑垃圾",
            },
        },
    },
    {
        "url": "https://gorgan.ir/services/bus-card",
        "icon": "bus",
        "translations": {
            "fa": {
                "title": "شارژ کارت بلیت اتوبوس",
                "description": "افزایش اعتبار کارت بلیت الکترونیک اتوبوس‌های شهری گرگان",
            },
            "en": {
                "title": "Top up your bus card",
                "description": "Add credit to the electronic ticket card for Gorgan’s city buses",
            },
            "zh-hans": {
                "title": "公交卡充值",
                "description": "为戈尔甘市公交电子票卡充值",
            },
        },
    },
    {
        "url": "https://gorgan.ir/services/tree-pruning",
        "icon": "tree",
        "translations": {
            "fa": {
                "title": "مجوز هرس و قطع درخت",
                "description": "درخواست بازدید کارشناس فضای سبز برای هرس یا قطع درختان ملکی",
            },
            "en": {
                "title": "Tree pruning and felling permits",
                "description": "Ask a green-space inspector to assess pruning or felling a tree",
            },
            "zh-hans": {
                "title": "树木修剪与砍伐许可",
                "description": "申请绿化专员上门评估私人地块树木的修剪或砍伐",
            },
        },
    },
]


def _set_translations(obj, translations):
    for language, fields in translations.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.set_current_language(settings.LANGUAGE_CODE)


def load(reset=False):
    """Create the site identity and the demo services that are missing.

    What exists is left as staff edited it; ``reset=True`` puts the demo values back.
    """
    identity = SiteIdentity.objects.filter(pk=SiteIdentity.SINGLETON_PK).first()
    if identity is None or reset:
        identity = identity or SiteIdentity()
        identity.phone = SITE_IDENTITY["phone"]
        identity.email = SITE_IDENTITY["email"]
        _set_translations(identity, SITE_IDENTITY["translations"])
        identity.save()

    for order, entry in enumerate(SERVICES):
        service = Service.objects.filter(url=entry["url"]).first()
        if service is not None and not reset:
            continue
        service = service or Service(url=entry["url"])
        service.icon = entry["icon"]
        service.order = order
        service.active = True
        _set_translations(service, entry["translations"])
        service.save()
    return len(SERVICES)
