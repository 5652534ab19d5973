"""What a change to each sister-cities model makes stale on the public site (see
``gorgan.kit.dependencies``): its own pages and lists, and the pages that show it."""

from gorgan.kit.dependencies import key, own_and_list_keys, track_translated
from newsroom import asides

from .models import Agreement, Commitment, CommitmentUpdate, PartnerCity


def agreement_keys(agreement):
    """The agreement, and the asides of the releases linked to it (which list it once it is
    public, and no more once it is back under negotiation)."""
    links = Agreement.related_releases.through.objects.filter(agreement_id=agreement.pk)
    release_ids = links.values_list("pressrelease_id", flat=True)
    return [*own_and_list_keys(agreement), *(asides.dependency_key(pk) for pk in release_ids)]


def update_keys(update):
    """An update moves its commitment's status, and with it the agreements' progress."""
    return [*own_and_list_keys(update), key(Commitment, update.commitment_id), key(Commitment)]


def track_models():
    track_translated(PartnerCity)
    track_translated(Agreement, touches=agreement_keys)
    track_translated(Commitment)
    track_translated(CommitmentUpdate, touches=update_keys)
