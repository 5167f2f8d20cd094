"""Every change of grades is in the audit hash chain, and the verifier command finds tampering."""
import os
import subprocess
import sys

from campus import audit
from campus.config import ROOT
from services.exams import service


def verify_command(runtime):
    env = {**os.environ, "EXAMS_DATABASE_URL": runtime.config.database_url, "CAMPUS_ENV": "test"}
    return subprocess.run([sys.executable, "-m", "campus.audit", "verify", "exams"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_recording_and_publishing_results_is_audited(runtime):
    with runtime.db.sessions() as session:
        seeded = audit.history(session, "result", "22P-123456/Autumn 2025/8601")
        published = audit.history(session, "semester", "Autumn 2025")
    assert [r.action for r in seeded] == ["recorded"] and '"final_exam_marks":71' in seeded[0].payload
    assert [r.action for r in published] == ["published"]
    service.record_result(runtime.db, runtime.config, registration_number="24B-100009", semester="Spring 2026",
                          level="bed", course_code="8604", course_title="Research Methods", credit_hours=3,
                          assignment_marks=60, final_exam_marks=40, workshop_attendance=90)
    service.record_result(runtime.db, runtime.config, registration_number="24B-100009", semester="Spring 2026",
                          level="bed", course_code="8604", course_title="Research Methods", credit_hours=3,
                          assignment_marks=60, final_exam_marks=55, workshop_attendance=90)
    with runtime.db.sessions() as session:
        changes = audit.history(session, "result", "24B-100009/Spring 2026/8604")
    assert [r.action for r in changes] == ["recorded", "changed"]
    assert '"final_exam_marks":55' in changes[1].payload and changes[1].actor == audit.SYSTEM
    assert audit.verify(runtime.db.engine).intact


def test_the_verifier_command_reports_a_grade_changed_behind_its_back(runtime):
    done = verify_command(runtime)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "intact" in done.stdout
    with runtime.db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE audit_chain SET payload = replace(payload, ':71', ':91') WHERE seq = 1")
    done = verify_command(runtime)
    assert done.returncode == 1
    assert "BROKEN at record 1" in done.stdout and "altered" in done.stdout
