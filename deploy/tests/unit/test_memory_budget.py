"""deploy/check.py holds a gRPC server's self-imposed memory budget within its pod's limit."""
from deploy.checks.common import Report
from deploy.checks.memory import BASELINE_MIB, check_memory_budgets, mebibytes


def _rendered(limit: str, budget: str | None) -> dict:
    data = {"IDENTITY_HASHING_MEMORY_MIB": budget} if budget is not None else {}
    container = {"name": "identity-grpc", "resources": {"limits": {"memory": limit}},
                 "envFrom": [{"configMapRef": {"name": "identity-config"}}]}
    return {"Deployment": {"identity-grpc": {"spec": {"template": {"spec": {"containers": [container]}}}}},
            "ConfigMap": {"identity-config": {"data": data}}}


def test_quantities():
    assert mebibytes("512Mi") == 512 and mebibytes("1Gi") == 1024 and round(mebibytes("512M")) == 488


def test_a_budget_that_fits_passes_and_one_that_does_not_is_reported():
    fits, too_big = Report(), Report()
    check_memory_budgets("k8s/base", _rendered("512Mi", "256"), fits)
    check_memory_budgets("k8s/base", _rendered("512Mi", str(512 - BASELINE_MIB + 1)), too_big)
    assert not fits.problems
    assert len(too_big.problems) == 1 and "IDENTITY_HASHING_MEMORY_MIB" in too_big.problems[0]


def test_without_the_setting_the_configured_default_counts():
    report = Report()
    check_memory_budgets("k8s/base", _rendered("384Mi", None), report)  # default 256 + baseline > 384
    assert len(report.problems) == 1
