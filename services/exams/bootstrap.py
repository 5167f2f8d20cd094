"""The exams service's definition: what the platform, the gateway and deploy know of it."""
from campus.definition import DeploySpec, Loop, ServiceDefinition
from services.exams.config import ExamsConfig

SERVICE = ServiceDefinition(
    name="exams",
    port=50053,
    proto="cms.exams.v1.exams",
    config=ExamsConfig,
    servicer="services.exams.grpc_api:ExamsServicer",
    student_record="results",  # staff reads and changes of it are chained (campus.access_log)
    models="services.exams.models:metadata",
    consumer="services.exams.consumers:ExamsConsumer",
    seed="services.exams.seed:seed",
    loops=(Loop("services.exams.loops:apply_marks_files", every_seconds="marks_file_poll_seconds"),),
    deploy=DeploySpec(autoscale=(3, 40)),  # result day
)
