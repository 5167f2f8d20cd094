"""The gateway: the only public HTTP surface, combining the services for each audience."""
from __future__ import annotations

import re
import threading
import uuid

from flask import Flask, current_app, g, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.datastructures import FileStorage
from werkzeug.middleware.proxy_fix import ProxyFix

from campus import auth, logs
from campus import config as config_mod
from gateway import portal, problems
from gateway.blueprints import (
    access_log,
    bank,
    books,
    case_timeline,
    examinations,
    finance,
    health,
    notifications,
    public,
    records,
    requests,
    staff,
    student,
    tracking,
)
from gateway.blueprints import auth as auth_bp
from gateway.config import GatewayConfig
from gateway.context import Gateway
from gateway.limits import limiter
from gateway.openapi import api, check_json_body

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class JsonProvider(DefaultJSONProvider):
    """Flask's, but an uploaded file is written as its name: spectree renders a refused
    upload form's errors (their input included) as JSON before our hook answers 400."""

    @staticmethod
    def default(o):
        if isinstance(o, FileStorage):
            return o.filename or "file"
        return DefaultJSONProvider.default(o)


def create_app(config: GatewayConfig | None = None, gateway: Gateway | None = None) -> Flask:
    config = config or config_mod.load(GatewayConfig)
    logs.setup(config.log_level, "gateway")
    app = Flask(__name__)
    app.json = JsonProvider(app)
    app.config.update(MAX_CONTENT_LENGTH=config.max_body_bytes, JSON_SORT_KEYS=False,
                      RATELIMIT_STORAGE_URI=config.redis_url or "memory://",
                      RATELIMIT_HEADERS_ENABLED=True)
    if config.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.trusted_proxies, x_proto=config.trusted_proxies)
    app.extensions["cms_gateway"] = context = gateway or Gateway.build(config)
    if gateway is None:
        threading.Thread(target=context.warm_up, name="jwks-warm-up", daemon=True).start()
        context.feed.start()  # after gunicorn's fork: each worker polls for itself
    problems.install(app)
    limiter.init_app(app)
    api_blueprints = (health.bp, auth_bp.bp, student.bp, public.bp, staff.bp, records.bp, *examinations.BLUEPRINTS,
                      *finance.BLUEPRINTS, *requests.BLUEPRINTS, *notifications.BLUEPRINTS,
                      *tracking.BLUEPRINTS, access_log.bp, case_timeline.bp,
                      *books.BLUEPRINTS, bank.bp)
    for blueprint in api_blueprints:
        app.register_blueprint(blueprint)
    api.register(app)
    portal.install(app, api_blueprints)
    app.before_request(_begin)
    app.after_request(_finish)
    app.teardown_request(_end)
    return app


#: The routes that take a file (a bulk admission CSV): bodies up to the upload limit, not
#: the usual one. Set before anything reads the body.
UPLOAD_ENDPOINTS = frozenset({"records.post_admission_file", "portal_staff.admission_files",
                              "exams_staff.post_marks_file", "portal_staff.marks_files",
                              "finance_staff.post_settlement", "portal_staff.settlements",
                              *requests.UPLOADS})


def _begin():
    offered = request.headers.get("X-Request-ID", "")
    g.request_id_token = auth.request_id.set(offered if REQUEST_ID.match(offered) else uuid.uuid4().hex[:16])
    if request.endpoint in UPLOAD_ENDPOINTS:
        request.max_content_length = current_app.extensions["cms_gateway"].config.max_upload_bytes
    check_json_body()


def _finish(response):
    response.headers["X-Request-ID"] = auth.request_id.get()
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if current_app.extensions["cms_gateway"].config.environment == "production":
        # Production is HTTPS only (TLS ends at the ingress): browsers must never try plain HTTP.
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response


def _end(_error=None):
    token = g.pop("request_id_token", None)
    if token is not None:
        auth.request_id.reset(token)
