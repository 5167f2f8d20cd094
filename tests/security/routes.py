"""Every route of the gateway with the audience its view declares, read from an app that
talks to nothing (the routes and their declarations are static)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from campus import testing
from campus.grpc_client import ServiceClients
from gateway.app import create_app
from gateway.config import GatewayConfig
from gateway.context import Gateway

#: Views open to everyone, by endpoint. A view that declares no audience and is not here
#: fails the battery: a new route must say who it is for.
PUBLIC_ENDPOINTS = {
    "portal_public.home", "portal_public.login", "portal_public.logout", "portal_public.track",
    "portal_public.programmes", "portal_public.roll_number_slip", "portal_public.verify_form", "portal_public.verify",
    "portal_public.results", "portal_public.result",
    "portal_accounts.activate", "portal_accounts.forgot_password", "portal_accounts.reset_password",
    "auth.activate", "auth.login", "auth.refresh", "auth.forgot_password", "auth.reset_password",
    "public.degree_tracking", "tracking_public.get_by_roll_number", "books_public.get_books", "portal_public.books",
    "public.catalogue", "public.programs",
    "public.offerings", "public.centres",
    "exams_public.get_public_roll_number_slip", "exams_public.verify_document", "exams_public.get_document_keys",
    "exams_public.get_date_sheet", "exams_public.get_public_result", "finance_public.get_banks",
    "helpdesk_public.get_challenge", "helpdesk_public.post_complaint", "helpdesk_public.get_complaint_status",
    "portal_public.help", "portal_public.help_filed", "portal_public.help_status",
    "faq_public.search_faq", "faq_public.get_faq_article", "faq_public.vote_faq",
    "portal_public.faq", "portal_public.faq_article", "portal_public.faq_vote",
    "health.healthz", "health.readyz", "health.openapi_document",
    "static",
}
#: The API's documentation pages (spectree's own views).
DOCS_PREFIX = "openapi_"


@dataclass(frozen=True)
class Route:
    method: str
    rule: str            # Flask's, like /api/v1/me/requests/<request_number>
    endpoint: str
    audience: frozenset[str]

    @property
    def path(self) -> str:
        """The OpenAPI spelling: /api/v1/me/requests/{request_number}."""
        return self.rule.replace("<", "{").replace(">", "}")

    @property
    def is_api(self) -> bool:
        """Answered in JSON (and documented), not a portal page."""
        return self.rule.startswith("/api/") or self.endpoint.startswith("health.")

    def url(self, values: dict[str, str]) -> str:
        path = self.path
        for name, value in values.items():
            path = path.replace("{" + name + "}", str(value))
        assert "{" not in path, f"{self.rule}: a path parameter the battery has no record for"
        return path


@functools.cache
def offline_app():
    config = GatewayConfig(environment="test")
    clients = ServiceClients(testing.service_tokens("gateway"))
    return create_app(config, Gateway(config, clients, testing.TestUsers().verifier))


def routes() -> list[Route]:
    app = offline_app()
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(DOCS_PREFIX):
            continue
        view = app.view_functions[rule.endpoint]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append(Route(method, rule.rule, rule.endpoint, getattr(view, "audience", frozenset())))
    return sorted(found, key=lambda r: (r.rule, r.method))
