"""The identity service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import DeploySpec, Loop, SecretFile, ServiceDefinition
from services.identity.config import IdentityConfig

SERVICE = ServiceDefinition(
    name="identity",
    port=50051,
    proto="cms.identity.v1.identity",
    config=IdentityConfig,
    servicer="services.identity.grpc_api:IdentityServicer",
    models="services.identity.models:metadata",
    seed="services.identity.seed:seed",
    loops=(Loop("services.identity.mailer:send_mail", every_seconds="mail_poll_seconds"),
           Loop("services.identity.session_feed:sweep", every_seconds=60)),
    access_verifier="services.identity.keys:verifier",
    public_keys="services.identity.keys:public_keys",
    ended_sessions="services.identity.session_feed:source",
    # Identity owns staff accounts, so it names the departments every policy chooses from.
    departments=("admissions", "examinations", "treasury", "regional", "dispatch", "student_services"),
    centre_bound=("regional",),
    deploy=DeploySpec(
        secret_files=(SecretFile("identity-signing-key", "signing-key.pem", setting="IDENTITY_SIGNING_KEY_FILE",
                                 about="An Ed25519 private key in PEM: "
                                       "openssl genpkey -algorithm ed25519 -out signing-key.pem"),),
        config_maps=("identity-config",),  # mail settings, the hashing budget
        # argon2: IDENTITY_HASHING_MEMORY_MIB / IDENTITY_ARGON2_MEMORY_KIB hashes at once.
        memory_budget="IDENTITY_HASHING_MEMORY_MIB",
        egress_ports=((587, "SMTP submission, for its mail"),),
    ),
)
