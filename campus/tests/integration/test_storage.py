"""The attachment stores: S3-compatible object storage (against s3rver, an S3 server from
npm: MinIO itself is not packaged here) and the local folder, behind one face."""
import pathlib
import socket
import subprocess
import time

import pytest

from campus import storage

pytestmark = pytest.mark.integration
S3RVER = pathlib.Path(__file__).resolve().parents[3] / ".cache" / "npm" / "node_modules" / ".bin" / "s3rver"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def object_store_url(tmp_path_factory):
    if not S3RVER.exists():
        pytest.fail(f"{S3RVER} is missing: `make test` installs it (npm)")
    port = _free_port()
    server = subprocess.Popen([str(S3RVER), "-d", str(tmp_path_factory.mktemp("s3")), "-p", str(port), "--silent"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield f"http://S3RVER:S3RVER@127.0.0.1:{port}/campus-requests"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(params=["object store", "folder"])
def store(request, object_store_url, tmp_path):
    return storage.open_store(tmp_path, object_store_url if request.param == "object store" else "")


def test_a_document_is_kept_read_back_and_deleted(store):
    name = storage.new_name()
    store.put(name, b"%PDF-1.4 a document", "application/pdf")
    assert store.get(name) == b"%PDF-1.4 a document"
    store.delete(name)
    with pytest.raises(Exception):  # noqa: B017 - each store's own "not found"
        store.get(name)


def test_only_names_we_made_reach_a_store(store):
    for name in ("../../etc/passwd", "a/b", "", "ABCDEF" * 6):
        with pytest.raises(ValueError):
            store.put(name, b"x", "application/pdf")


def test_the_bucket_is_made_once_and_found_again(object_store_url, tmp_path):
    first = storage.open_store(tmp_path, object_store_url)
    name = storage.new_name()
    first.put(name, b"kept", "image/png")
    assert storage.open_store(tmp_path, object_store_url).get(name) == b"kept"  # another replica
    assert not any(tmp_path.iterdir())  # nothing on local disk


def test_a_malformed_object_store_url_stops_the_service_at_start_up():
    from services.requests.config import RequestsConfig
    with pytest.raises(ValueError) as refused:
        RequestsConfig(environment="test", object_store_url="s3://bucket-without-credentials")
    assert "object_store_url" in str(refused.value)
    assert "hunter2" not in repr(RequestsConfig(
        environment="test", object_store_url="http://key:hunter2@minio:9000/campus-requests"))
