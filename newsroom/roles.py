"""What each staff role may do with the newsroom's models."""

from gorgan.kit.roles import ALL, EDITOR, TRANSLATOR, WRITER, grant, model_permissions

# Looks after subscribers (and sees their addresses), accredited journalists and channels.
AUDIENCE = "Audience manager"


def grant_permissions():
    # Write releases and submit them for review; publishing and deleting are the editor's.
    grant(
        WRITER,
        *model_permissions("newsroom.pressrelease", "view", "add", "change"),
        *model_permissions("newsroom.tag", "view"),
        *model_permissions("newsroom.section", "view"),
        *model_permissions("newsroom.office", "view"),
        *model_permissions("newsroom.presscontact", *ALL),
        *model_permissions("newsroom.channelpost", "view"),
        # Images, the gallery and pinned similar releases are part of writing a release.
        *model_permissions("newsroom.image", "view", "add", "change"),
        *model_permissions("newsroom.galleryitem", *ALL),
        *model_permissions("newsroom.similarreleasepin", *ALL),
    )
    grant(
        EDITOR,
        *model_permissions("newsroom.pressrelease", *ALL, "publish"),
        *model_permissions("newsroom.tag", *ALL),
        *model_permissions("newsroom.section", "view"),
        *model_permissions("newsroom.office", "view"),
        *model_permissions("newsroom.image", *ALL),
        *model_permissions("newsroom.galleryitem", *ALL),
        *model_permissions("newsroom.similarreleasepin", *ALL),
        *model_permissions("newsroom.presscontact", *ALL),
        # Deliveries on the release's page, and subscriber figures without addresses.
        *model_permissions("newsroom.channelpost", "view"),
        *model_permissions("newsroom.maildelivery", "view"),
        *model_permissions("newsroom.subscriber", "view"),
        *model_permissions("newsroom.journalist", "view"),
        *model_permissions("newsroom.channel", "view"),
        # Comment moderation.
        *model_permissions("newsroom.comment", "view", "change", "delete"),
    )
    # Translations of existing content only: no creating, deleting, status or dates.
    grant(
        TRANSLATOR,
        *model_permissions("newsroom.pressrelease", "view", "translate"),
        *model_permissions("newsroom.tag", "view", "translate"),
        *model_permissions("newsroom.section", "view", "translate"),
        *model_permissions("newsroom.office", "view", "translate"),
        *model_permissions("newsroom.image", "view", "translate"),
    )
    grant(
        AUDIENCE,
        *model_permissions("newsroom.subscriber", "view", "delete"),
        "newsroom.view_subscriber_address",
        *model_permissions("newsroom.journalist", *ALL),
        *model_permissions("newsroom.channel", *ALL),
        *model_permissions("newsroom.channelpost", "view"),
        *model_permissions("newsroom.maildelivery", "view"),
    )
