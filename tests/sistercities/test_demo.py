import re

import pytest
from django.core.management import call_command

from newsroom.models import PressRelease
from sistercities.models import Agreement, Commitment, CommitmentUpdate, PartnerCity

SEED_CODE = "24bc40e3"


def load_demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def demo(db):
    load_demo()
    return Agreement.objects.prefetch_related("translations").get()


def test_load_demo_twice_does_not_duplicate_the_tracker(demo):
    load_demo()

    assert (
        PartnerCity.objects.count(),
        Agreement.objects.count(),
        Commitment.objects.count(),
        CommitmentUpdate.objects.count(),
    ) == (1, 1, 16, 16)


def test_demo_agreement_is_the_guangzhou_mou_known_to_the_year(demo):
    assert (demo.partner_city.slug, demo.partner_city.country.code) == ("guangzhou", "CN")
    assert (demo.kind, demo.status, demo.signed_on_precision) == ("sister_city", "active", "year")
    assert demo.signed_on_display("fa") == "۱۳۹۷"
    assert sorted(demo.get_available_languages()) == ["en", "fa", "zh-hans"]


def test_demo_commitment_statuses_follow_the_release(demo):
    guangzhou_room, dry_rice_company = (
        Commitment.objects.get(agreement=demo, order=order).status for order in (1, 7)
    )
    counts = {
        status: Commitment.objects.filter(status=status).count()
        for status in ["proposed", "agreed", "in_progress", "completed"]
    }

    assert (guangzhou_room, dry_rice_company) == ("agreed", "in_progress")
    assert counts == {"proposed": 9, "agreed": 6, "in_progress": 1, "completed": 0}


def test_demo_agreement_and_seed_release_link_both_ways(client, demo):
    seed = PressRelease.objects.prefetch_related("translations").get(short_code=SEED_CODE)

    release_page = client.get(seed.get_absolute_url("fa")).content.decode()
    agreement_page = client.get(demo.get_absolute_url("fa")).content.decode()

    box = re.search(r'<aside class="related-agreements".*?</aside>', release_page, re.S).group()
    assert re.findall(r'<a href="([^"]+)">', box) == [demo.get_absolute_url("fa")]
    releases = agreement_page.split('id="releases-title"')[1].split("</section>")[0]
    assert re.findall(r'<a href="(/fa/news/[^"]+)">', releases) == [seed.get_absolute_url("fa")]


@pytest.mark.parametrize(
    ("language", "summary", "title"),
    [
        ("fa", "۰ از ۱۶ تعهد انجام شده", "اتاق گوانگژو در شهرداری گرگان"),
        ("en", "0 of 16 commitments completed", "Guangzhou Room in Gorgan Municipality"),
        ("zh-hans", "16项承诺中已完成0项", "戈尔甘市政府“广州厅”"),
    ],
)
def test_demo_tracker_renders_in_each_language(client, demo, language, summary, title):
    content = client.get(demo.get_absolute_url(language)).content.decode()

    titles = re.findall(r'<h4 class="commitment__title">(.*?)</h4>', content)
    assert re.findall(r'<p class="progress-summary__text">\s*(.*?)\s*</p>', content) == [summary]
    assert len(titles) == 16
    assert titles[0] == title


def test_demo_gives_the_guangzhou_room_one_chinese_name(demo):
    from sistercities.export import commitment_rows

    seed = PressRelease.objects.get(short_code=SEED_CODE)
    title = seed.safe_translation_getter("title", language_code="zh-hans")
    name = re.search(r"“(.+?)”", title).group(1)
    cells = " ".join(
        str(cell) for row in commitment_rows([demo], "zh-hans") for cell in row
    ) + demo.safe_translation_getter("summary", language_code="zh-hans")

    assert name == "广州厅"
    assert name in cells
    assert "广州之家" not in cells
