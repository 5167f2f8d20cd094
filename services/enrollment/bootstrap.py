"""The enrollment service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import Loop, ServiceDefinition
from services.enrollment.config import EnrollmentConfig

SERVICE = ServiceDefinition(
    name="enrollment",
    port=50052,
    proto="cms.enrollment.v1.enrollment",
    config=EnrollmentConfig,
    servicer="services.enrollment.grpc_api:EnrollmentServicer",
    student_record="profile",  # staff reads and changes of it are chained (campus.access_log)
    models="services.enrollment.models:metadata",
    consumer="services.enrollment.consumers:EnrollmentConsumer",
    seed="services.enrollment.seed:seed",
    loops=(Loop("services.enrollment.peers:sweep_registrations", every_seconds="registration_sweep_seconds"),
           Loop("services.enrollment.peers:open_accounts", every_seconds="account_sweep_seconds"),
           Loop("services.enrollment.peers:apply_admission_files", every_seconds="admission_file_poll_seconds")),
    # her published results, the semester's challan, and an admitted student's account
    calls=("exams", "finance", "identity"),
)
