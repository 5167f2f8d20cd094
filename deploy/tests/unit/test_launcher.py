"""The launcher refuses ports already taken and notices a relay or consumer whose
heartbeat stopped (without starting the system: those parts need no processes)."""
import json
import socket
import subprocess
import sys
import time

import pytest

from campus import registry
from deploy import launcher
from deploy.processes import PROCESSES


def test_every_service_port_and_the_gateways_are_needed():
    needed = launcher.ports_needed({})
    assert len(needed) == len(registry.names()) + 1
    assert needed[8080].startswith("gateway") and needed[registry.definition("identity").port].startswith("identity")


def test_a_taken_port_is_named_with_whose_it_is_and_its_variable():
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        taken = launcher.taken_ports({"GATEWAY_PORT": str(port), "IDENTITY_GRPC_PORT": "1"})
    assert f"port {port}, for the gateway (GATEWAY_PORT)" in taken


def test_start_refuses_before_spawning_anything(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        stack = launcher.Stack(env={"GATEWAY_PORT": str(port), "CAMPUS_VAR_DIR": str(tmp_path)})
        with pytest.raises(SystemExit, match=f"port {port}"):
            stack.start()
    assert stack.running == {}


def _running(stack, role: str, started_ago: float):
    process = next(p for p in PROCESSES if p.role == role)
    popen = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    return launcher.Running(process, popen, time.monotonic() - started_ago)


@pytest.mark.parametrize("role", ["relay", "consumer"])
def test_a_stopped_heartbeat_is_noticed_and_a_fresh_one_is_not(tmp_path, role):
    stack = launcher.Stack(env={"CAMPUS_VAR_DIR": str(tmp_path)})
    running = _running(stack, role, started_ago=120)
    try:
        path = stack.heartbeat_file(running.process)
        assert stack.stalled(running) == ["(no heartbeat)"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"outbox": time.time(), "mail": time.time() - 600}))
        assert stack.stalled(running) == ["mail"]
        path.write_text(json.dumps({"outbox": time.time()}))
        assert stack.stalled(running) is None
    finally:
        running.popen.kill()
        running.popen.wait()


def test_a_young_process_without_a_heartbeat_yet_is_left_alone(tmp_path):
    stack = launcher.Stack(env={"CAMPUS_VAR_DIR": str(tmp_path)})
    running = _running(stack, "relay", started_ago=1)
    try:
        assert stack.stalled(running) is None
    finally:
        running.popen.kill()
        running.popen.wait()


def test_a_silent_relay_is_killed_and_started_again(tmp_path, monkeypatch):
    stack = launcher.Stack(env={"CAMPUS_VAR_DIR": str(tmp_path)})
    running = _running(stack, "relay", started_ago=120)
    stack.running[running.process.name] = running
    frozen = running.popen
    fresh = []

    def spawn(process):
        fresh.append(subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]))
        return fresh[-1]

    monkeypatch.setattr(stack, "_spawn", spawn)
    monkeypatch.setattr(launcher.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(launcher.os, "killpg", lambda pid, sig: frozen.kill())
    try:
        stack.check_alive()          # no heartbeat for two minutes: killed, then restarted
        assert frozen.poll() is not None and running.popen is fresh[0] and running.restarts == 1
    finally:
        for popen in (frozen, *fresh):
            popen.kill()
            popen.wait()
