"""The processes of a service: `python -m services.<name> <command>`.

  serve           the gRPC server
  relay           the outbox relay (and any other background delivery the service has)
  consume         the nameko event consumer
  migrate         bring the database to the newest schema
  declare-queues  declare the consumer's queues and dead-letter queue on the broker
  dead-letters    list the events the consumer gave up on (--replay: send them back)
  seed            load the demo data (make up only)
  check-config    read the configuration and report problems

Only the standard library is imported at the top: `consume` must monkey-patch with
eventlet before anything else is imported.
"""
from __future__ import annotations

import argparse
import importlib
import signal
import sys
import threading

COMMANDS = ("serve", "relay", "consume", "migrate", "declare-queues", "dead-letters", "seed", "check-config",
            "revision")


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
    definition = importlib.import_module(f"services.{service}.bootstrap").SERVICE
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
    from campus.grpc_server import GrpcServer
    runtime = definition.runtime(config)
    server = GrpcServer(bind=f"{config.grpc_bind_host}:{config.grpc_port}", workers=config.grpc_workers,
                        service_tokens=runtime.service_tokens, access=runtime.access,
                        grace_seconds=config.grpc_grace_seconds)
    for servicer in definition.servicers:
        server.add(servicer.register, servicer.build(runtime), servicer.full_name)
    server.serve_until_signalled(on_stop=[runtime.close])


def _relay(definition, config, _args) -> None:
    from campus.relay import OutboxRelay
    runtime = definition.runtime(config)
    stop = _stop_event()
    workers = [threading.Thread(target=task, args=(runtime, stop), name=task.__name__, daemon=True)
               for task in definition.background]
    for worker in workers:
        worker.start()
    OutboxRelay(runtime.db, config.amqp_url, poll_seconds=config.relay_poll_seconds).run(stop)
    for worker in workers:
        worker.join(timeout=10)
    runtime.close()


def _consume(definition, config, _args) -> None:
    if not definition.consumer:
        sys.exit(f"{definition.name} has no event consumer")
    import eventlet
    from nameko.runners import ServiceRunner
    consumer_cls = _consumer_class(definition)
    _declare_queues(definition, config, None)
    runner = ServiceRunner({
        "AMQP_URI": config.amqp_url,
        "max_workers": config.consumer_max_workers,
        "DELIVERY_LIMIT": config.consumer_delivery_limit,
        "DATABASE_FACTORY": lambda: definition.database(config),
        "HEARTBEAT": 30,
    })
    runner.add_service(consumer_cls)
    stopping = eventlet.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopping.ready() or stopping.send(True))
    runner.start()
    watcher = eventlet.spawn(runner.wait)
    stopping.wait()
    runner.stop()
    watcher.kill()


def _consumer_class(definition):
    module_name, _, class_name = definition.consumer.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def _declare_queues(definition, config, _args) -> None:
    if not definition.consumer:
        return
    import pika

    from campus import topology
    from campus.consumer import subscriptions_of
    consumer_cls = _consumer_class(definition)
    connection = pika.BlockingConnection(pika.URLParameters(config.amqp_url))
    try:
        topology.declare_subscriptions(connection.channel(), consumer_cls.name,
                                       subscriptions_of(consumer_cls), config.consumer_delivery_limit)
    finally:
        connection.close()


def _dead_letters(definition, config, args) -> None:
    from campus import dead_letters
    if not definition.consumer:
        sys.exit(f"{definition.name} has no event consumer")
    letters = dead_letters.inspect(config.amqp_url, _consumer_class(definition).name, replay=args.replay)
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
    runtime = definition.runtime(config)
    definition.seed(runtime)
    runtime.close()


def _check_config(definition, config, _args) -> None:
    print(f"{definition.name}: configuration is valid (database {config.database_url.split('@')[-1]})")
