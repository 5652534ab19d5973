import pytest

from newsroom.sanitize import sanitize_body
from tests.factories import make_release


def test_sanitizer_removes_script_with_its_text():
    assert sanitize_body("<p>سلام</p><script>alert('x')</script>") == "<p>سلام</p>"


def test_sanitizer_removes_event_handler_attributes():
    cleaned = sanitize_body('<p onclick="steal()">متن <em onmouseover="x()">مهم</em></p>')

    assert cleaned == "<p>متن <em>مهم</em></p>"


def test_sanitizer_drops_image_with_onerror():
    assert sanitize_body('<p>a<img src=x onerror="alert(1)"></p>') == "<p>a</p>"


def test_sanitizer_removes_javascript_links_but_keeps_the_text():
    cleaned = sanitize_body('<p><a href="javascript:alert(1)">click</a></p>')

    assert cleaned == '<p><a rel="noopener noreferrer">click</a></p>'


def test_sanitizer_keeps_the_editor_vocabulary():
    html = (
        "<h2>تیتر</h2><h3>زیرتیتر</h3><p><strong>b</strong> <em>i</em></p>"
        "<ul><li>یک</li></ul><ol><li>دو</li></ol><blockquote><p>نقل</p></blockquote>"
        '<p><a href="https://gorgan.ir/" rel="noopener noreferrer">پیوند</a></p>'
    )

    assert sanitize_body(html) == html


def test_sanitizer_removes_styles_and_inline_style_attributes():
    cleaned = sanitize_body('<style>p{color:red}</style><p style="color:red">x</p>')

    assert cleaned == "<p>x</p>"


@pytest.mark.django_db
def test_body_is_sanitised_when_saved_outside_forms():
    release = make_release(languages=("fa",))
    release.body = '<p>متن</p><script>alert(1)</script><a href="javascript:x()">y</a>'
    release.save()
    release.refresh_from_db()

    assert release.body == '<p>متن</p><a rel="noopener noreferrer">y</a>'
