"""What exams' relay process does besides publishing events (campus.loops)."""
import logging

from services.exams import marks

log = logging.getLogger(__name__)


def apply_marks_files(runtime) -> bool:
    """Apply every queued file of marks, oldest first (each whole, or not at all)."""
    while (file_id := marks.apply_next(runtime.db)) is not None:
        log.info("marks file %s done", file_id)
    return False
