"""The local launcher: `make up` runs `python -m deploy.launcher up`.

Checks the broker and that every port it needs is free, makes the development service keys
(var/service-keys/, one per service and the gateway) if missing and, where rabbitmqctl
can manage the local broker, one broker user per service (deploy/broker_users.py), migrates every service's
database (SQLite files under var/ unless `<SERVICE>_DATABASE_URL` says otherwise),
declares the consumers' queues, seeds the demo data, then starts every process of
deploy/processes.py, waits until the gateway is ready and keeps them running until
Ctrl-C: a process that dies is restarted, and so is a relay or consumer whose heartbeat
stopped (campus.liveness).

The end-to-end and fault suites drive the same code through `Stack`.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from campus import liveness, registry, service_keys
from campus.config import ROOT
from deploy.processes import CONSUMERS, PROCESSES, SEEDED, SERVICES, Process, declare_queues_command, migrate_command

STABLE_SECONDS = 60
#: How long a new relay or consumer has to write its first heartbeat.
HEARTBEAT_GRACE_SECONDS = 60
PORTS_TAKEN = ("cannot start: already in use: {}.\n"
               "  Is another `make up` still running? Stop it, or set the variable named.")


def _environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **(extra or {})}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = f"{ROOT}{os.pathsep}{env.get('PYTHONPATH', '')}".rstrip(os.pathsep)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def broker_problem(amqp_url: str) -> str | None:
    """None when RabbitMQ answers at `amqp_url`, else what to do about it."""
    import pika
    params = pika.URLParameters(amqp_url)
    params.connection_attempts, params.socket_timeout = 1, 3
    try:
        pika.BlockingConnection(params).close()
        return None
    except Exception as error:  # noqa: BLE001 - any failure means the same advice
        shown = amqp_url.split("@")[-1]
        return (f"RabbitMQ is not reachable at {shown} ({type(error).__name__}).\n"
                f"  Start it (for example `rabbitmq-server -detached`) or point AMQP_URL at a running broker.")


def ports_needed(env: dict[str, str]) -> dict[int, str]:
    """Every port the processes will listen on, and whose it is."""
    ports = {}
    for definition in registry.definitions():
        port = env.get(f"{definition.env_prefix}_GRPC_PORT", definition.port)
        ports[int(port)] = f"{definition.name} gRPC ({definition.env_prefix}_GRPC_PORT)"
    ports[int(env.get("GATEWAY_PORT", 8080))] = "gateway (GATEWAY_PORT)"
    return ports


def taken_ports(env: dict[str, str]) -> list[str]:
    """The needed ports something else already listens on (a stale `make up`, say)."""
    taken = []
    for port, whose in sorted(ports_needed(env).items()):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                taken.append(f"port {port}, for the {whose}")
    return taken


@dataclass
class Running:
    process: Process
    popen: subprocess.Popen
    started: float
    restarts: int = 0


@dataclass
class Stack:
    """Every process of the system, started from this machine's environment."""
    env: dict[str, str] = field(default_factory=dict)
    log_dir: Path | None = None
    restart: bool = True
    running: dict[str, Running] = field(default_factory=dict)
    #: Each service's own broker URL, once ensure_broker_users made the users.
    broker_urls: dict[str, str] = field(default_factory=dict)
    _stopping: bool = False

    def environment_of(self, service: str) -> dict[str, str]:
        """A process's environment: the stack's, with the service's own broker user; the
        gateway gets no broker URL at all."""
        env = _environment(self.env)
        if service in self.broker_urls:
            env["AMQP_URL"] = self.broker_urls[service]
        elif service not in SERVICES:
            env.pop("AMQP_URL", None)
        return env

    def run_step(self, command: tuple[str, ...], what: str, service: str = "") -> None:
        env = self.environment_of(service) if service else _environment(self.env)
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"{what} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")

    def prepare(self, seed: bool) -> None:
        self.ensure_service_keys()
        self.ensure_broker_users()
        for service in SERVICES:
            self.run_step(migrate_command(service), f"migrating {service}", service)
        for service in CONSUMERS:
            self.run_step(declare_queues_command(service), f"declaring the queues of {service}", service)
        if seed:
            for service in SEEDED:
                self.run_step(("python", "-m", f"services.{service}", "seed"), f"seeding {service}", service)

    def admin_amqp_url(self) -> str:
        return self.env.get("AMQP_URL") or os.environ.get("AMQP_URL") or "amqp://guest:guest@127.0.0.1:5672/%2F"

    def broker_user_prefix(self) -> str:
        vhost = self.admin_amqp_url().rstrip("/").rsplit("/", 1)[-1]
        return "campus-" if vhost in ("", "%2F") else f"{vhost}-"

    def ensure_broker_users(self) -> None:
        """One broker user per service (deploy/broker_users.py), made with the local
        rabbitmqctl; AMQP_URL's user is the administrator that makes them and declares the
        exchanges. Without a usable rabbitmqctl every service uses AMQP_URL's user, as before."""
        from campus.config import LOCAL_HOSTS, host_of
        from deploy import broker_users
        admin = self.admin_amqp_url()
        if host_of(admin) not in LOCAL_HOSTS or not broker_users.rabbitmqctl_usable():
            print("[launcher] rabbitmqctl cannot manage the broker at AMQP_URL from here: every service "
                  "uses AMQP_URL's user (the gateway none). `python -m deploy.broker_users` prints the "
                  "per-service users to create.", flush=True)
            return
        self.broker_urls = broker_users.apply_locally(admin, self.broker_user_prefix())
        print(f"[launcher] one broker user per service ({self.broker_user_prefix()}<service>), "
              "each limited to its own exchange and queues", flush=True)

    def remove_broker_users(self) -> None:
        if self.broker_urls:
            from deploy import broker_users
            broker_users.remove_locally(self.broker_user_prefix(), wait=False)
            self.broker_urls = {}

    def ensure_service_keys(self) -> None:
        """Development keys, one per service and the gateway, under var/service-keys/ (made
        once; a test stack's fresh var dir gets fresh ones), unless keys are configured."""
        if "SERVICE_PUBLIC_KEYS_FILE" in {**os.environ, **self.env}:
            return
        directory = self.var_dir / service_keys.LOCAL_DIR
        if service_keys.ensure_local(directory):
            print(f"[launcher] made development service keys in {directory}", flush=True)

    @property
    def var_dir(self) -> Path:
        return Path(self.env.get("CAMPUS_VAR_DIR") or os.environ.get("CAMPUS_VAR_DIR") or ROOT / "var")

    def heartbeat_file(self, process: Process) -> Path:
        return liveness.heartbeat_file(self.var_dir, process.name)

    def _spawn(self, process: Process) -> subprocess.Popen:
        if process.heartbeat:
            self.heartbeat_file(process).unlink(missing_ok=True)  # a dead predecessor's beats
        if self.log_dir:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            out = open(self.log_dir / f"{process.name}.log", "ab")  # noqa: SIM115 - owned by the child
            return subprocess.Popen(process.command, cwd=ROOT, env=self.environment_of(process.service), stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        popen = subprocess.Popen(process.command, cwd=ROOT, env=self.environment_of(process.service),
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, start_new_session=True)
        threading.Thread(target=_prefix_output, args=(process.name, popen), daemon=True).start()
        return popen

    def start(self, only: list[str] | None = None) -> None:
        if only is None:
            taken = taken_ports({**os.environ, **self.env})
            if taken:
                raise SystemExit(PORTS_TAKEN.format("; ".join(taken)))
        for process in PROCESSES:
            if only is None or process.name in only:
                self.running[process.name] = Running(process, self._spawn(process), time.monotonic())

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Kill one process (fault tests); with restart off it stays dead until `revive`."""
        running = self.running[name]
        os.killpg(running.popen.pid, sig)
        running.popen.wait(10)

    def revive(self, name: str) -> None:
        running = self.running[name]
        running.popen = self._spawn(running.process)
        running.started = time.monotonic()

    def gateway_url(self) -> str:
        port = self.env.get("GATEWAY_PORT", os.environ.get("GATEWAY_PORT", "8080"))
        return f"http://127.0.0.1:{port}"

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                with urllib.request.urlopen(self.gateway_url() + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise SystemExit(f"the system did not become ready within {timeout:.0f}s")

    def check_alive(self) -> None:
        if self.restart and not self._stopping:
            self._kill_stalled()
        for name, running in self.running.items():
            code = running.popen.poll()
            if code is None or self._stopping:
                continue
            if not self.restart:
                raise SystemExit(f"{name} exited with code {code}")
            if time.monotonic() - running.started > STABLE_SECONDS:
                running.restarts = 0  # it had been fine for a while: not a crash loop
            if running.restarts >= 20:
                raise SystemExit(f"{name} keeps exiting (code {code}); giving up")
            print(f"[launcher] {name} exited with code {code}; restarting", flush=True)
            time.sleep(min(10, 0.5 * 2 ** running.restarts))
            running.restarts += 1
            running.popen = self._spawn(running.process)
            running.started = time.monotonic()

    def stalled(self, running: Running) -> list[str] | None:
        """The loops of a relay or consumer that stopped beating; None while it is fine."""
        if not running.process.heartbeat or running.popen.poll() is not None:
            return None
        stale = liveness.stale_loops(self.heartbeat_file(running.process))
        if stale is None:  # no heartbeat yet: fine while it starts up
            young = time.monotonic() - running.started < HEARTBEAT_GRACE_SECONDS
            return None if young else ["(no heartbeat)"]
        return stale or None

    def _kill_stalled(self) -> None:
        for name, running in self.running.items():
            stale = self.stalled(running)
            if stale:
                print(f"[launcher] {name} stopped reporting liveness ({', '.join(stale)}); restarting", flush=True)
                os.killpg(running.popen.pid, signal.SIGKILL)
                running.popen.wait(10)

    def stop(self, grace: float = 10) -> None:
        self._stopping = True
        for running in self.running.values():
            if running.popen.poll() is None:
                os.killpg(running.popen.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for running in self.running.values():
            try:
                running.popen.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(running.popen.pid, signal.SIGKILL)
                running.popen.wait(5)


def _prefix_output(name: str, popen: subprocess.Popen) -> None:
    for line in iter(popen.stdout.readline, b""):
        sys.stdout.write(f"{name:<20} | {line.decode(errors='replace')}")
        sys.stdout.flush()


def _banner(url: str) -> str:
    from services import demo
    staff = "\n".join(f"    {s['username']:<20} {s['department']}" for s in demo.STAFF)
    return f"""
The campus management system is up.

  Gateway       {url}   (OpenAPI: {url}/api/v1/openapi.json, docs: {url}/api/v1/docs/swagger/)
  Demo logins   password for every one of them: {demo.PASSWORD}
    {demo.STUDENT['registration_number']:<20} student ({demo.STUDENT['full_name']})
{staff}
    {demo.BANKS[0]['mnemonic']:<20} bank (HTTP Basic on /api/v1/bank/*)
  Emails (password reset, activation) are written to var/mail/.

Ctrl-C stops everything.
"""


def up(args) -> None:
    from campus.config import BrokerConfig, load
    amqp_url = load(BrokerConfig).amqp_url
    problem = broker_problem(amqp_url)
    if problem:
        raise SystemExit(problem)
    stack = Stack(log_dir=Path(args.log_dir) if args.log_dir else None)
    taken = taken_ports(dict(os.environ))
    if taken:  # before migrating: a stale `make up` may be using these databases right now
        raise SystemExit(PORTS_TAKEN.format("; ".join(taken)))
    print("[launcher] migrating, declaring queues" + (", seeding demo data" if not args.no_seed else ""), flush=True)
    stack.prepare(seed=not args.no_seed)
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    stack.start()
    try:
        stack.wait_ready()
        print(_banner(stack.gateway_url()), flush=True)
        while not stopping.wait(1):
            stack.check_alive()
    finally:
        print("[launcher] stopping", flush=True)
        stack.stop()
        stack.remove_broker_users()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m deploy.launcher")
    sub = parser.add_subparsers(dest="command", required=True)
    up_parser = sub.add_parser("up", help="migrate, seed and run every process")
    up_parser.add_argument("--no-seed", action="store_true", help="do not load the demo data")
    up_parser.add_argument("--log-dir", help="write each process's output to <dir>/<process>.log")
    args = parser.parse_args(argv)
    up(args)


if __name__ == "__main__":
    main()
