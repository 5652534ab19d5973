"""What each staff role may do with the sister-city tracker."""

from gorgan.kit.roles import ALL, TRANSLATOR, grant, model_permissions

INTERNATIONAL_AFFAIRS = "International affairs officer"  # a group name: stable data

MODELS = ("partnercity", "agreement", "commitment", "commitmentupdate")


def grant_permissions():
    for model in MODELS:
        grant(TRANSLATOR, *model_permissions(f"sistercities.{model}", "view", "translate"))
        grant(INTERNATIONAL_AFFAIRS, *model_permissions(f"sistercities.{model}", *ALL))
