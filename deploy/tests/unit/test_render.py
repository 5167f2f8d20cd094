"""deploy.render: --check names each out-of-date file and writes nothing; a run writes them
back and deletes what it generated for a service that is gone. On a copy in tmp_path."""
import shutil

import pytest

from deploy import render


@pytest.fixture
def tree(tmp_path):
    shutil.copytree(render.DEPLOY, tmp_path / "deploy", ignore=shutil.ignore_patterns("__pycache__", "tests"))
    return tmp_path / "deploy"


def test_the_repository_files_are_what_it_writes():
    assert render.differences() == []


def test_check_names_each_file_that_differs_and_writes_nothing(tree, capsys):
    (tree / "k8s/base/exams.yaml").write_text((tree / "k8s/base/exams.yaml").read_text() + "# by hand\n")
    (tree / "postgres/initdb.sh").unlink()
    gone = tree / "k8s/base/bursary.yaml"
    gone.write_text(render.GENERATED + "\n")
    assert render.main(["--check", str(tree)]) == 1
    err = capsys.readouterr().err
    assert "k8s/base/exams.yaml: differs" in err and "postgres/initdb.sh: missing" in err
    assert "k8s/base/bursary.yaml: generated for a service that no longer exists" in err
    assert "k8s/base/gateway.yaml" not in err  # written by hand
    assert gone.exists() and not (tree / "postgres/initdb.sh").exists()

    assert render.main([str(tree)]) == 0
    assert not gone.exists() and (tree / "postgres/initdb.sh").stat().st_mode & 0o111
    assert render.main(["--check", str(tree)]) == 0
