"""Composition root of the identity service."""
from campus.runtime import ServiceDefinition, Servicer
from cms.identity.v1 import identity_pb2_grpc
from services.identity import keys, mailer, seed
from services.identity.config import IdentityConfig
from services.identity.grpc_api import IdentityServicer
from services.identity.models import metadata
from services.identity.service import Identity

SERVICE = ServiceDefinition(
    name="identity",
    config=IdentityConfig,
    metadata=metadata,
    servicers=[Servicer(identity_pb2_grpc.add_IdentityServiceServicer_to_server,
                        "cms.identity.v1.IdentityService",
                        lambda runtime: IdentityServicer(Identity.from_runtime(runtime)))],
    seed=seed.seed,
    background=[mailer.send_mail],
    # Identity verifies access tokens with its own keys: asking itself over gRPC would
    # make every authenticated call depend on a call to itself.
    access_verifier=keys.verifier,
)
