"""Sister-city demo content loaded by `manage.py load_demo`."""

# Source: Gorgan Municipality press release (November 2026) on the initiatives agreed with
# «سرکنسولگری گوانگژو» after the Gorgan–Guangzhou sister-city MoU (1397 SH / 2018).
# Statuses mirror the release: proposed = raised/discussed, agreed = «مقرر شد», in_progress =
# actively followed up. Nothing is completed; no dates or amounts beyond the release.

PARTNER_CITY = {
    "slug": "guangzhou",
    "country": "CN",
    "latitude": "23.129100",
    "longitude": "113.264400",
    "website": "https://www.gz.gov.cn/",
    "translations": {
        "fa": {
            "name": "گوانگژو",
            "region": "استان گوانگدونگ",
            "description": (
                "گوانگژو، مرکز استان گوانگدونگ در جنوب چین و در دلتای رود مروارید، از بزرگ‌ترین "
                "کانون‌های بازرگانی، صنعتی و بندری چین و میزبان نمایشگاه کانتون است. گرگان و "
                "گوانگژو در سال ۱۳۹۷ تفاهم‌نامه خواهرخواندگی امضا کردند."
            ),
        },
        "en": {
            "name": "Guangzhou",
            "region": "Guangdong Province",
            "description": (
                "Guangzhou, the capital of Guangdong Province in southern China on the Pearl River "
                "Delta, is one of China's leading centres of trade, industry and shipping and the "
                "host city of the Canton Fair. Gorgan and Guangzhou signed a sister-city "
                "memorandum of understanding in 2018 (1397 in the Iranian calendar)."
            ),
        },
        "zh-hans": {
            "name": "广州",
            "region": "广东省",
            "description": (
                "广州是广东省省会，地处中国南部珠江三角洲，是中国重要的商贸、工业和港口城市，"
                "也是中国进出口商品交易会（广交会）的举办地。戈尔甘与广州于2018年（伊朗历1397年）"
                "签署友好城市谅解备忘录。"
            ),
        },
    },
}

# Known only to the year (1397 SH); day, month and place are not in public reports.
AGREEMENT = {
    "slug": "gorgan-guangzhou-sister-city",
    "kind": "sister_city",
    "status": "active",
    "signed_year": 2018,
    "signed_month": None,
    "signed_day": None,
    "translations": {
        "fa": {
            "title": "تفاهم‌نامه خواهرخواندگی گرگان و گوانگژو",
            "summary": (
                "تفاهم‌نامه خواهرخواندگی شهرهای گرگان و گوانگژو (جمهوری خلق چین) در سال ۱۳۹۷ امضا "
                "شد؛ روز و ماه امضا در گزارش‌های عمومی ذکر نشده است. در پی این تفاهم‌نامه، دکتر "
                "عبدالرضا دادبود، شهردار گرگان، مجموعه‌ای از ابتکارات همکاری را اعلام کرد که در "
                "نشست با سرکنسولگری گوانگژو به توافق رسیده یا مطرح شده است؛ از راه‌اندازی اتاق "
                "گوانگژو در شهرداری گرگان تا همکاری در حمل‌ونقل و لجستیک، صنعت، کشاورزی، شهر "
                "هوشمند، فرهنگ، سینما و ورزش."
            ),
            "signed_at_place": "در گزارش‌های عمومی ذکر نشده است",
            "signatories": "شهردار گرگان و شهردار گوانگژو",
            "counterpart_bodies": "شهرداری گوانگژو؛ سرکنسولگری گوانگژو",
        },
        "en": {
            "title": "Gorgan–Guangzhou Sister-City Memorandum of Understanding",
            "summary": (
                "The sister-city memorandum of understanding between Gorgan and Guangzhou "
                "(People's Republic of China) was signed in 2018 (1397 in the Iranian calendar); "
                "public reports do not give the day or month. Following the memorandum, the Mayor "
                "of Gorgan, Dr Abdolreza Dadboud, announced a set of cooperation initiatives "
                "agreed or discussed with the Guangzhou Consulate General, ranging from a "
                "Guangzhou Room in Gorgan Municipality to cooperation in transport and logistics, "
                "industry, agriculture, smart-city development, culture, film and sport."
            ),
            "signed_at_place": "Not stated in public reports",
            "signatories": "The Mayor of Gorgan and the Mayor of Guangzhou",
            "counterpart_bodies": "Guangzhou Municipality; the Guangzhou Consulate General",
        },
        "zh-hans": {
            "title": "戈尔甘市与广州市友好城市谅解备忘录",
            "summary": (
                "戈尔甘市与中华人民共和国广州市于2018年（伊朗历1397年）签署友好城市谅解备忘录，"
                "公开报道未载明具体签署日期。在此基础上，戈尔甘市市长阿卜杜勒礼萨·达德布德博士宣布"
                "了与广州总领事馆商定或讨论的一系列合作举措，内容涵盖在戈尔甘市政府设立“广州厅”，"
                "以及交通物流、工业、农业、智慧城市、文化、电影和体育等领域的合作。"
            ),
            "signed_at_place": "公开报道未载明",
            "signatories": "戈尔甘市市长与广州市市长",
            "counterpart_bodies": "广州市政府；广州总领事馆",
        },
    },
}

# One commitment per initiative, in the order of the press release.
COMMITMENTS = [
    # 1. Guangzhou Room
    {
        "key": "guangzhou-room",
        "sector": "representation_diplomacy",
        "status": "agreed",
        "target_date": "2027-03-20",
        "translations": {
            "fa": {
                "title": "اتاق گوانگژو در شهرداری گرگان",
                "description": (
                    "راه‌اندازی «اتاق گوانگژو» در شهرداری گرگان به‌عنوان دفتر ارتباط و هماهنگی "
                    "همکاری‌های دو شهر خواهرخوانده. بنا بر خبر شهرداری، این اتاق به‌زودی افتتاح "
                    "می‌شود؛ تاریخ هدف (پایان سال ۱۴۰۵) برآوردی است و در خبر ذکر نشده است."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Guangzhou Room in Gorgan Municipality",
                "description": (
                    'A "Guangzhou Room" in Gorgan Municipality to serve as a contact and '
                    "coordination point for cooperation between the two sister cities. The "
                    "municipality's release said it will open soon; the target date (end of the "
                    "Iranian year 1405) is an indicative estimate, not a date given in the "
                    "release."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "戈尔甘市政府“广州厅”",
                "description": (
                    "在戈尔甘市政府设立“广州厅”，作为两座友好城市之间联络与协调合作的窗口。"
                    "据戈尔甘市政府发布的消息，该场所将于近期启用；所列目标日期（伊朗历1405年年底）"
                    "为估计日期，并非消息中给出的日期。"
                ),
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "agreed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو اعلام شد که اتاق گوانگژو در شهرداری گرگان "
                        "به‌زودی افتتاح می‌شود."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General it was announced that "
                        "the Guangzhou Room in Gorgan Municipality will open soon."
                    ),
                    "zh-hans": "在与广州总领事馆的会谈中宣布，戈尔甘市政府“广州厅”将于近期启用。",
                },
            },
        ],
    },
    # 2. Port links
    {
        "key": "port-links",
        "sector": "logistics_transport",
        "status": "agreed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "ارتباط با بنادر نزدیک به گرگان",
                "description": (
                    "برقراری ارتباط لجستیکی با بنادر نزدیک به گرگان در چارچوب همکاری‌های "
                    "خواهرخواندگی با گوانگژو."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Links with ports near Gorgan",
                "description": (
                    "Establishing logistics links with the ports near Gorgan as part of the "
                    "sister-city cooperation with Guangzhou."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "与戈尔甘周边港口建立联系",
                "description": "在与广州友好城市合作框架下，与戈尔甘周边港口建立物流联系。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "agreed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو مقرر شد ارتباط با بنادر نزدیک به گرگان در "
                        "حوزه لجستیک برقرار شود."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General it was decided to "
                        "establish logistics links with the ports near Gorgan."
                    ),
                    "zh-hans": "在与广州总领事馆的会谈中商定，与戈尔甘周边港口建立物流联系。",
                },
            },
        ],
    },
    # 3. Sea transport
    {
        "key": "sea-transport",
        "sector": "logistics_transport",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "ارتقای ظرفیت حمل‌ونقل دریایی",
                "description": (
                    "ارتقای ظرفیت حمل‌ونقل دریایی در کنار خطوط جاده‌ای، ریلی و هوایی میان دو طرف."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Upgrading sea transport capacity",
                "description": (
                    "Upgrading sea transport capacity alongside road, rail and air links between "
                    "the two sides."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "提升海上运输能力",
                "description": "在公路、铁路和航空线路之外，提升双方之间的海上运输能力。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو ارتقای ظرفیت حمل‌ونقل دریایی در کنار خطوط "
                        "جاده‌ای، ریلی و هوایی مورد بحث قرار گرفت."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, upgrading sea "
                        "transport capacity alongside road, rail and air links was discussed."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中，双方讨论了在公路、"
                        "铁路和航空线路之外提升海上运输能力的问题。"
                    ),
                },
            },
        ],
    },
    # 4. Shared database
    {
        "key": "shared-database",
        "sector": "science_technology",
        "status": "agreed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "پایگاه داده مشترک همکاری‌ها",
                "description": (
                    "ایجاد پایگاه داده مشترک برای همکاری‌های صنعتی، بازرگانی، کشاورزی و فرهنگی "
                    "میان گرگان و گوانگژو."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Shared cooperation database",
                "description": (
                    "A shared database for industrial, commercial, agricultural and cultural "
                    "cooperation between Gorgan and Guangzhou."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "合作共享数据库",
                "description": "建立戈尔甘与广州在工业、商贸、农业和文化领域合作的共享数据库。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "agreed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو مقرر شد پایگاه داده مشترکی برای همکاری‌های "
                        "صنعتی، بازرگانی، کشاورزی و فرهنگی ایجاد شود."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General it was agreed to set "
                        "up a shared database for industrial, commercial, agricultural and "
                        "cultural cooperation."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中商定，建立工业、商贸、农业和文化合作共享数据库。"
                    ),
                },
            },
        ],
    },
    # 5. Industrial parks
    {
        "key": "industrial-parks",
        "sector": "industry",
        "status": "agreed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "شهرک‌های صنعتی تخصصی گوانگژو در گرگان",
                "description": (
                    "ایجاد شهرک‌های صنعتی تخصصی گوانگژو در گرگان، به پیشنهاد شهرداری گوانگژو؛ "
                    "شهرداری گرگان این موضوع را از اولویت‌های پیگیری خود اعلام کرده است."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Specialised Guangzhou industrial parks in Gorgan",
                "description": (
                    "Specialised Guangzhou industrial parks in Gorgan, proposed by Guangzhou "
                    "Municipality; Gorgan Municipality has named this one of the priorities it "
                    "will pursue."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "在戈尔甘建设广州专业工业园区",
                "description": (
                    "由广州市政府提议，在戈尔甘建设广州专业工业园区；"
                    "戈尔甘市政府已将其列为重点推进事项。"
                ),
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "agreed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو پیشنهاد شهرداری گوانگژو برای ایجاد شهرک‌های "
                        "صنعتی تخصصی گوانگژو در گرگان مطرح شد و شهردار گرگان آن را از اولویت‌هایی "
                        "دانست که پیگیری خواهد شد."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, Guangzhou "
                        "Municipality's proposal for specialised Guangzhou industrial parks in "
                        "Gorgan was presented, and the Mayor of Gorgan described it as a priority "
                        "that will be pursued."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中，广州市政府提出在戈尔甘建设广州专业工业园区的建议"
                        "，戈尔甘市市长表示将其作为重点事项加以推进。"
                    ),
                },
            },
        ],
    },
    # 6. Sustainable development / long-term loans
    {
        "key": "sustainable-development-loans",
        "sector": "finance_investment",
        "status": "agreed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "پروژه‌های توسعه پایدار با تسهیلات بلندمدت طرف چینی",
                "description": (
                    "تعریف پروژه‌های توسعه پایدار در حوزه‌های محیط زیست، منابع طبیعی و حمل‌ونقل "
                    "پایدار که با تسهیلات بلندمدت طرف چینی تأمین مالی شوند."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Sustainable-development projects with long-term Chinese loans",
                "description": (
                    "Defining sustainable-development projects in the environment, natural "
                    "resources and sustainable transport, to be financed by long-term loans from "
                    "the Chinese side."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "由中方长期贷款支持的可持续发展项目",
                "description": (
                    "确定环境、自然资源和可持续交通领域的可持续发展项目，"
                    "由中方提供长期贷款予以支持。"
                ),
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "agreed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو مقرر شد پروژه‌های توسعه پایدار در حوزه‌های "
                        "محیط زیست، منابع طبیعی و حمل‌ونقل پایدار با تسهیلات بلندمدت طرف چینی "
                        "تعریف شود."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General it was decided that "
                        "sustainable-development projects in the environment, natural resources "
                        "and sustainable transport would be defined for financing through "
                        "long-term loans from the Chinese side."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中商定，确定环境、自然资源和可持续交通领域的可持续发"
                        "展项目，由中方提供长期贷款支持。"
                    ),
                },
            },
        ],
    },
    # 7. Dry rice joint company
    {
        "key": "dry-rice-joint-company",
        "sector": "agriculture_food",
        "status": "in_progress",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "شرکت مشترک خشکه‌کاری برنج",
                "description": (
                    "تشکیل شرکت مشترک برای خشکه‌کاری برنج که پیگیری آن بر عهده سازمان جهاد کشاورزی "
                    "استان است."
                ),
                "responsible_body": "سازمان جهاد کشاورزی استان گلستان",
            },
            "en": {
                "title": "Joint company for dry rice cultivation",
                "description": (
                    "A joint company for dry (direct-seeded) rice cultivation, followed up by the "
                    "provincial Agriculture Jihad Organization."
                ),
                "responsible_body": "Agriculture Jihad Organization of Golestan Province",
            },
            "zh-hans": {
                "title": "水稻旱直播合资公司",
                "description": "成立水稻旱直播合资公司，由戈勒斯坦省农业圣战组织负责推进。",
                "responsible_body": "戈勒斯坦省农业圣战组织",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "in_progress",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو اعلام شد که تشکیل شرکت مشترک برای خشکه‌کاری "
                        "برنج از سوی سازمان جهاد کشاورزی استان در حال پیگیری است."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General it was reported that "
                        "the provincial Agriculture Jihad Organization is following up the "
                        "creation of a joint company for dry rice cultivation."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中通报，省农业圣战组织正在推进成立水稻旱直播合资公司"
                        "事宜。"
                    ),
                },
            },
        ],
    },
    # 8. Agriculture and food industry
    {
        "key": "agriculture-food-industry",
        "sector": "agriculture_food",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "همکاری در کشاورزی و صنایع غذایی",
                "description": "همکاری میان گرگان و گوانگژو در زمینه کشاورزی و صنایع غذایی.",
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Cooperation in agriculture and the food industry",
                "description": (
                    "Cooperation between Gorgan and Guangzhou in agriculture and the food industry."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "农业和食品工业合作",
                "description": "戈尔甘与广州在农业和食品工业领域开展合作。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو همکاری در زمینه کشاورزی و صنایع غذایی مطرح "
                        "شد."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, cooperation in "
                        "agriculture and the food industry was raised."
                    ),
                    "zh-hans": "在与广州总领事馆的会谈中，双方提出了农业和食品工业领域的合作。",
                },
            },
        ],
    },
    # 9. Shenzhen science park
    {
        "key": "shenzhen-science-park",
        "sector": "science_technology",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "فضای اختصاصی در پارک علم و فناوری شنژن",
                "description": (
                    "اختصاص فضایی ویژه در یک پارک علم و فناوری در شهر شنژن برای طرف ایرانی."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Dedicated space in a Shenzhen science and technology park",
                "description": (
                    "A dedicated space for the Iranian side in a science and technology park in "
                    "Shenzhen."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "深圳科技园区专属空间",
                "description": "在深圳的科技园区内为伊朗方面提供专属空间。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو اختصاص فضای ویژه در پارک علم و فناوری شنژن "
                        "مطرح شد."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, a dedicated space in "
                        "a science and technology park in Shenzhen was raised."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中，双方提出了在深圳科技园区设立专属空间的设想。"
                    ),
                },
            },
        ],
    },
    # 10. Exhibition booths
    {
        "key": "exhibition-booth-exchange",
        "sector": "trade_exhibitions",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "تبادل غرفه‌های نمایشگاهی",
                "description": (
                    "تبادل غرفه‌های نمایشگاهی میان گرگان و گوانگژو برای معرفی ظرفیت‌های دو شهر."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Exchange of exhibition booths",
                "description": (
                    "An exchange of exhibition booths between Gorgan and Guangzhou to present the "
                    "potential of both cities."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "互换展位",
                "description": "戈尔甘与广州互换展会展位，推介两市的发展潜力。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": "در نشست با سرکنسولگری گوانگژو تبادل غرفه‌های نمایشگاهی مطرح شد.",
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, an exchange of "
                        "exhibition booths was raised."
                    ),
                    "zh-hans": "在与广州总领事馆的会谈中，双方提出了互换展位的设想。",
                },
            },
        ],
    },
    # 11. Smart city
    {
        "key": "smart-city",
        "sector": "smart_city",
        "status": "agreed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "پروژه‌های شهر هوشمند با شهرداری گوانگژو",
                "description": (
                    "اجرای پروژه‌های شهر هوشمند با همکاری شهرداری گوانگژو به‌عنوان یکی از "
                    "اولویت‌های همکاری دو شهر."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Smart-city projects with Guangzhou Municipality",
                "description": (
                    "Smart-city projects carried out with Guangzhou Municipality as one of the "
                    "priorities of the two cities' cooperation."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "与广州市政府合作开展智慧城市项目",
                "description": "与广州市政府合作开展智慧城市项目，并将其作为两市合作的优先方向。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "agreed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو مقرر شد پروژه‌های شهر هوشمند با شهرداری "
                        "گوانگژو در اولویت قرار گیرد."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General it was agreed to give "
                        "priority to smart-city projects with Guangzhou Municipality."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中商定，优先推进与广州市政府合作的智慧城市项目。"
                    ),
                },
            },
        ],
    },
    # 12. History and archaeology symposium
    {
        "key": "history-archaeology-symposium",
        "sector": "culture_heritage",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "همایش تاریخ و باستان‌شناسی ایران و چین",
                "description": (
                    "برگزاری همایش تاریخ و باستان‌شناسی ایران و چین و همکاری در دیگر زمینه‌های "
                    "فرهنگی."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Symposium on Iranian and Chinese history and archaeology",
                "description": (
                    "A symposium on the history and archaeology of Iran and China, together with "
                    "cooperation in other cultural fields."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "伊朗与中国历史和考古研讨会",
                "description": "举办伊朗与中国历史和考古研讨会，并在其他文化领域开展合作。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو برگزاری همایش تاریخ و باستان‌شناسی ایران و "
                        "چین و همکاری در دیگر زمینه‌های فرهنگی مطرح شد."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, a symposium on "
                        "Iranian and Chinese history and archaeology and cooperation in other "
                        "cultural fields were raised."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中，双方提出了举办伊朗与中国历史和考古研讨会以及开展"
                        "其他文化领域合作的设想。"
                    ),
                },
            },
        ],
    },
    # 13. Film co-production
    {
        "key": "film-coproduction",
        "sector": "film_media",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "تولید مشترک فیلم",
                "description": (
                    "تولید مشترک فیلم میان ایران و چین؛ به گفته شهرداری گرگان، کارگردانان معتبر "
                    "ایرانی آمادگی خود را برای این همکاری اعلام کرده‌اند."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Film co-production",
                "description": (
                    "Iranian–Chinese film co-production; according to Gorgan Municipality, "
                    "reputable Iranian directors have declared their readiness to take part."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "合拍电影",
                "description": (
                    "伊中合拍电影；据戈尔甘市政府介绍，多位知名伊朗导演已表示愿意参与合作。"
                ),
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو تولید مشترک فیلم مطرح شد و اعلام شد که "
                        "کارگردانان معتبر ایرانی آمادگی خود را برای آن اعلام کرده‌اند."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, film co-production "
                        "was raised and it was stated that reputable Iranian directors have "
                        "declared their readiness."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中，双方提出了合拍电影的设想，"
                        "并介绍多位知名伊朗导演已表示愿意参与。"
                    ),
                },
            },
        ],
    },
    # 14. Sports ties
    {
        "key": "sports-ties",
        "sector": "sport",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "ارتباطات ورزشی در بسکتبال، والیبال و کبدی",
                "description": (
                    "گسترش ارتباطات ورزشی میان دو شهر در رشته‌های بسکتبال، والیبال و کبدی."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Sports ties in basketball, volleyball and kabaddi",
                "description": (
                    "Developing sports ties between the two cities in basketball, volleyball and "
                    "kabaddi."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "篮球、排球和卡巴迪体育交流",
                "description": "发展两市在篮球、排球和卡巴迪项目上的体育交流。",
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو ارتباطات ورزشی در رشته‌های بسکتبال، والیبال "
                        "و کبدی مطرح شد."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, sports ties in "
                        "basketball, volleyball and kabaddi were raised."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中，双方提出了在篮球、"
                        "排球和卡巴迪项目上开展体育交流的设想。"
                    ),
                },
            },
        ],
    },
    # 15. Diplomatic club
    {
        "key": "diplomatic-club",
        "sector": "tourism",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "باشگاه دیپلماتیک با مشارکت بخش خصوصی",
                "description": (
                    "راه‌اندازی باشگاه دیپلماتیک با مشارکت بخش خصوصی در شهرداری گرگان، با محوریت "
                    "صنایع‌دستی، فرهنگ ملت‌ها به‌ویژه فرهنگ گوانگژو و رستوران‌های بین‌المللی."
                ),
                "responsible_body": "شهرداری گرگان – امور بین‌الملل",
            },
            "en": {
                "title": "Diplomatic club with the private sector",
                "description": (
                    "A diplomatic club run with the private sector in Gorgan Municipality, "
                    "featuring handicrafts, the cultures of nations (especially that of Guangzhou) "
                    "and international restaurants."
                ),
                "responsible_body": "Gorgan Municipality – International Affairs",
            },
            "zh-hans": {
                "title": "与私营部门合作的外交俱乐部",
                "description": (
                    "在戈尔甘市政府与私营部门合作设立外交俱乐部，以手工艺品、"
                    "各国文化（特别是广州文化）和国际餐厅为特色。"
                ),
                "responsible_body": "戈尔甘市政府国际事务部门",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": (
                        "در نشست با سرکنسولگری گوانگژو راه‌اندازی باشگاه دیپلماتیک با بخش خصوصی در "
                        "شهرداری، با محوریت صنایع‌دستی، فرهنگ ملت‌ها به‌ویژه گوانگژو و رستوران‌های "
                        "بین‌المللی مطرح شد."
                    ),
                    "en": (
                        "At the meeting with the Guangzhou Consulate General, a diplomatic club "
                        "with the private sector in the municipality, featuring handicrafts, the "
                        "cultures of nations (especially Guangzhou's) and international "
                        "restaurants, was raised."
                    ),
                    "zh-hans": (
                        "在与广州总领事馆的会谈中，双方提出了在市政府与私营部门合作设立外交俱乐部的"
                        "设想，以手工艺品、各国文化（特别是广州文化）和国际餐厅为特色。"
                    ),
                },
            },
        ],
    },
    # 16. Governor's call: provincial capacities
    {
        "key": "provincial-capacities",
        "sector": "trade_exhibitions",
        "status": "proposed",
        "target_date": None,
        "translations": {
            "fa": {
                "title": "بهره‌گیری از ظرفیت‌های استان گلستان",
                "description": (
                    "بهره‌گیری از ظرفیت‌های استان گلستان در منطقه آزاد، بازرگانی و شهرک‌های "
                    "گلخانه‌ای در همکاری با گوانگژو، به درخواست استاندار گلستان."
                ),
                "responsible_body": "استانداری گلستان",
            },
            "en": {
                "title": "Using Golestan Province's capacities",
                "description": (
                    "Drawing on Golestan Province's capacities in the free zone, commerce and "
                    "greenhouse parks in cooperation with Guangzhou, as called for by the Governor "
                    "of Golestan."
                ),
                "responsible_body": "Golestan Governorate",
            },
            "zh-hans": {
                "title": "利用戈勒斯坦省的发展潜力",
                "description": (
                    "应戈勒斯坦省省长的倡议，在与广州的合作中利用该省在自由区、"
                    "商贸和温室产业园区方面的潜力。"
                ),
                "responsible_body": "戈勒斯坦省政府",
            },
        },
        "updates": [
            {
                "date": "2026-11-22",
                "status": "proposed",
                "note": {
                    "fa": (
                        "بنا بر خبر این نشست، استاندار گلستان خواستار بهره‌گیری از ظرفیت‌های استان "
                        "در منطقه آزاد، بازرگانی و شهرک‌های گلخانه‌ای شد."
                    ),
                    "en": (
                        "According to the release on the meeting, the Governor of Golestan called "
                        "for use of the province's capacities in the free zone, commerce and "
                        "greenhouse parks."
                    ),
                    "zh-hans": (
                        "据有关会谈的消息，戈勒斯坦省省长呼吁利用本省在自由区、"
                        "商贸和温室产业园区方面的潜力。"
                    ),
                },
            },
        ],
    },
]
