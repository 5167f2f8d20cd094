"""The processes of a service: `python -m services.<name> <command>`.

  serve           the gRPC server
  relay           the outbox relay and the service's own background loops
  consume         the nameko event consumer
  migrate         bring the database to the newest schema
  declare-queues  declare the consumer's queues and dead-letter queue on the broker
  dead-letters    list the events the consumer gave up on (--replay: send them back)
  seed            load the demo data (make up only)
  check-config    read the configuration and report problems
  verify-audit    check the audit hash chain (as `python -m campus.audit verify <name>`)

Only the standard library is imported at the top: `consume` must monkey-patch with
eventlet before anything else is imported.
"""
from __future__ import annotations

import argparse
import signal
import sys
import threading

COMMANDS = ("serve", "relay", "consume", "migrate", "declare-queues", "dead-letters", "seed", "check-config",
            "revision", "verify-audit")


def main(service: str, argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=f"python -m services.{service}")
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument("-m", "--message", default="change", help="revision message")
    parser.add_argument("--replay", action="store_true", help="dead-letters: send them back to their queues")
    args = parser.parse_args(argv)
    if args.command == "consume":
        import warnings
        # Known and accepted (ARCHITECTURE.md): nameko 2 runs on eventlet, in maintenance mode.
        warnings.filterwarnings("ignore", message=r"(?s).*Eventlet is deprecated")
        import eventlet
        eventlet.monkey_patch()
    from campus import registry
    definition = registry.definition(service)
    from campus import config as config_mod
    from campus import logs
    config = config_mod.load(definition.config)
    logs.setup(config.log_level, f"{service}.{args.command}")
    handler = globals()["_" + args.command.replace("-", "_")]
    handler(definition, config, args)


def _stop_event() -> threading.Event:
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    return stop


def _serve(definition, config, _args) -> None:
    from campus import registry, sessions
    from campus.access_log import AccessLog
    from campus.grpc_server import GrpcServer
    runtime = definition.runtime(config)
    _check_service_keys(runtime)
    own = runtime if registry.token_issuer().name == definition.name else None
    feed = sessions.feed_for(runtime.clients, own_runtime=own, poll_seconds=config.session_feed_poll_seconds,
                             stale_seconds=config.session_feed_stale_seconds).start()
    server = GrpcServer(bind=f"{config.grpc_bind_host}:{config.grpc_port}", workers=config.grpc_workers,
                        service_tokens=runtime.service_tokens, access=runtime.access,
                        grace_seconds=config.grpc_grace_seconds, reflect=config.environment != "production",
                        access_log=AccessLog(runtime.db, definition.student_record), sessions=feed)
    server.add(definition, definition.servicer_class()(runtime))
    server.serve_until_signalled(on_stop=[feed.stop, runtime.close])


def _check_service_keys(runtime) -> None:
    """Its own key and every caller's public keys, read now: a missing or unpublished key
    stops the process at start-up, not each call."""
    from campus.service_keys import ServiceKeyError
    try:
        runtime.service_tokens.check()
    except ServiceKeyError as error:
        sys.exit(f"{runtime.config.key_owner}: {error}")


def _heartbeat(definition, config, role: str):
    from campus.liveness import Heartbeat, heartbeat_file
    return Heartbeat(heartbeat_file(config.var_dir, f"{definition.name}-{role}"))


def _relay(definition, config, _args) -> None:
    from campus.loops import run_loop
    from campus.relay import OutboxRelay
    runtime = definition.runtime(config)
    stop = _stop_event()
    heartbeat = _heartbeat(definition, config, "relay")
    workers = [threading.Thread(target=run_loop, name=loop.task, daemon=True, kwargs=_loop_arguments(
        loop, runtime, stop, heartbeat.beat)) for loop in definition.loops]
    for worker in workers:
        worker.start()
    OutboxRelay(runtime.db, config.amqp_url, poll_seconds=config.relay_poll_seconds).run(stop, beat=heartbeat.beat)
    for worker in workers:
        worker.join(timeout=10)
    heartbeat.clear()
    runtime.close()


def _loop_arguments(loop, runtime, stop, beat) -> dict:
    from campus.definition import resolve
    task = resolve(loop.task)
    every = loop.every_seconds
    return {"name": loop.task.rpartition(":")[2], "work": lambda: bool(task(runtime)), "stop": stop,
            "every": float(getattr(runtime.config, every) if isinstance(every, str) else every), "beat": beat}


def _consume(definition, config, _args) -> None:
    if not definition.consumer:
        sys.exit(f"{definition.name} has no event consumer")
    import eventlet
    from nameko.runners import ServiceRunner
    _declare_queues(definition, config, None)
    runner = ServiceRunner({
        "AMQP_URI": config.amqp_url,
        "max_workers": config.consumer_max_workers,
        "DELIVERY_LIMIT": config.consumer_delivery_limit,
        "DATABASE_FACTORY": lambda: definition.database(config),
        "HEARTBEAT": 30,
        # The source's exchange is not ours to declare (declare-queues checked it exists).
        "DECLARE_EVENT_EXCHANGES": False,
    })
    runner.add_service(definition.consumer_class())
    stopping = eventlet.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopping.ready() or stopping.send(True))
    runner.start()
    heartbeat = _heartbeat(definition, config, "consumer")
    beating = eventlet.spawn(_beat_while_running, runner, heartbeat)
    watcher = eventlet.spawn(runner.wait)
    # A container that died (its broker connection lost for good, say) ends the process,
    # so whoever runs it starts a fresh one instead of keeping a consumer that consumes nothing.
    watcher.link(lambda _thread: stopping.ready() or stopping.send(False))
    clean = stopping.wait()
    beating.kill()
    heartbeat.clear()
    runner.stop()
    watcher.kill()
    if not clean:
        sys.exit(f"{definition.name} consumer stopped unexpectedly")


def _beat_while_running(runner, heartbeat) -> None:
    """Beats while the eventlet hub runs: a handler that hogs the CPU, or a hub that is
    stuck, stops the beat, and the liveness probe or the launcher restarts the process."""
    import eventlet

    from campus.loops import BEAT_SLICE_SECONDS
    while True:
        heartbeat.beat("consumer")
        eventlet.sleep(BEAT_SLICE_SECONDS)


def _declare_queues(definition, config, _args) -> None:
    if not definition.consumer:
        return
    import pika

    from campus import topology
    from campus.consumer import subscriptions_of
    consumer_cls = definition.consumer_class()
    connection = pika.BlockingConnection(pika.URLParameters(config.amqp_url))
    try:
        topology.declare_subscriptions(connection.channel(), consumer_cls.name,
                                       subscriptions_of(consumer_cls), config.consumer_delivery_limit)
    except topology.MissingExchange as error:
        sys.exit(f"{definition.name}: {error}")
    finally:
        if connection.is_open:
            connection.close()


def _dead_letters(definition, config, args) -> None:
    from campus import dead_letters
    if not definition.consumer:
        sys.exit(f"{definition.name} has no event consumer")
    letters = dead_letters.inspect(config.amqp_url, definition.consumer_class().name, replay=args.replay)
    for letter in letters:
        print(f"{letter.event_id}  {letter.source}.{letter.event_type}  died in {letter.queue} "
              f"({letter.reason}, {letter.deliveries}x)")
    print(f"{len(letters)} dead letter(s)" + (", sent back to their queues" if args.replay else ""))


def _migrate(definition, config, _args) -> None:
    from campus import migrations
    db = definition.database(config)
    migrations.upgrade(db)
    db.dispose()


def _revision(definition, config, args) -> None:
    from campus import migrations
    migrations.revision(definition.database(config), args.message)


def _seed(definition, config, _args) -> None:
    if definition.seed is None:
        return
    if config.environment == "production":
        sys.exit(f"{definition.name}: refusing to load the demo data in production (CAMPUS_ENV=production)")
    runtime = definition.runtime(config)
    definition.seed_function()(runtime)
    runtime.close()


def _check_config(definition, config, _args) -> None:
    from campus.runtime import service_tokens
    from campus.service_keys import ServiceKeyError
    try:
        service_tokens(definition.name, config).check()
    except ServiceKeyError as error:
        sys.exit(f"{definition.name}: {error}")
    print(f"{definition.name}: configuration is valid (database {config.database_url.split('@')[-1]})")


def _verify_audit(definition, _config, _args) -> None:
    from campus import audit
    sys.exit(audit.main(["verify", definition.name]))
