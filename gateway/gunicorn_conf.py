"""gunicorn settings, from the gateway's configuration (GATEWAY_* environment)."""
from campus.config import load
from gateway.config import REQUEST_LINE_LIMIT, GatewayConfig

_config = load(GatewayConfig)

bind = f"{_config.bind_host}:{_config.port}"
workers = _config.workers
threads = _config.threads
worker_class = "gthread"
# No preload: each worker imports the app after the fork, so gRPC channels are made there.
preload_app = False
timeout = 30
graceful_timeout = 20
keepalive = 5
limit_request_line = REQUEST_LINE_LIMIT  # documented as every operation's 414
# Worker heartbeats go to memory, not to a read-only root file system.
worker_tmp_dir = "/dev/shm"
accesslog = "-"
# The path without its query string: queries carry what must not be logged (a reset link's
# token, a complaint look-up's email or mobile, what someone searched the FAQ for).
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms rid=%({x-request-id}o)s pid=%(p)s'
