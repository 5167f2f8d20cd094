"""What finance's relay process does besides publishing events (campus.loops)."""
import logging

from services.finance import service

log = logging.getLogger(__name__)


def close_expired_challans(runtime) -> bool:
    """Close a batch of challans that expired unpaid; True (go again at once) while a full
    batch was closed."""
    closed = service.close_expired_challans(runtime.db, runtime.config, limit=200)
    if closed:
        log.info("closed %d challans that expired unpaid", closed)
    return closed == 200
