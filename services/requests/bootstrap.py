"""Composition root of the requests service."""
from campus.runtime import ServiceDefinition, Servicer
from cms.requests.v1 import requests_pb2_grpc
from services.requests.config import RequestsConfig
from services.requests.grpc_api import RequestsServicer
from services.requests.models import metadata
from services.requests.peers import resume_stalled_filings

SERVICE = ServiceDefinition(
    name="requests",
    config=RequestsConfig,
    metadata=metadata,
    servicers=[Servicer(requests_pb2_grpc.add_RequestsServiceServicer_to_server,
                        "cms.requests.v1.RequestsService", RequestsServicer)],
    consumer="services.requests.consumers:RequestsConsumer",
    background=[resume_stalled_filings],
)
