from django import template
from django.utils.safestring import mark_safe

from gorgan.kit import metadata

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """The page's metadata (see ``gorgan.kit.metadata``), defaults filled in."""
    return metadata.resolve(context.get("request"), context.get("page_meta"))


@register.filter
def json_ld(data):
    return metadata.json_ld_script(data) if data else ""


class CaptureNode(template.Node):
    def __init__(self, nodelist, variable):
        self.nodelist = nodelist
        self.variable = variable

    def render(self, context):
        # The output is already rendered (and escaped) template text.
        context[self.variable] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}...{% endcapture %}``: render once, use twice.

    Lets the page title (a block that pages override) feed both ``<title>`` and the Open
    Graph title.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
