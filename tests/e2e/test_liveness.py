"""Every relay and consumer of the running system reports liveness: its heartbeat file
names each of its loops (the outbox relay and the service's own loops), all fresh."""
import pytest

from campus import liveness, registry, testing
from deploy.processes import PROCESSES

BEATING = [p for p in PROCESSES if p.heartbeat]


@pytest.mark.parametrize("process", BEATING, ids=lambda p: p.name)
def test_the_process_beats_for_each_of_its_loops(stack, process):
    path = stack.heartbeat_file(process)
    beats = testing.wait_until(lambda: liveness.stale_loops(path, max_age=30) == [] and path.read_text(),
                               timeout=30, what=f"{process.name}'s heartbeat")
    assert liveness.main([str(path), "30"]) == 0
    if process.role == "relay":
        loops = {loop.task.rpartition(":")[2] for loop in registry.definition(process.service).loops}
        assert all(f'"{loop}"' in beats for loop in loops), beats
        assert "outbox relay" in beats
