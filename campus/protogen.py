"""Generate the Python modules of protos/ into ./cms (make protos).

The include root is protos/, so `protos/cms/<name>/v1/<name>.proto` becomes the
importable module `cms.<name>.v1.<name>_pb2` with no import rewriting.
"""
import pathlib
import sys

import grpc_tools
from grpc_tools import protoc

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main(out: pathlib.Path = ROOT) -> int:
    protos = sorted(str(p.relative_to(ROOT / "protos")) for p in (ROOT / "protos").rglob("*.proto"))
    well_known = pathlib.Path(grpc_tools.__file__).parent / "_proto"
    args = ["protoc", f"-I{ROOT / 'protos'}", f"-I{well_known}",
            f"--python_out={out}", f"--pyi_out={out}", f"--grpc_python_out={out}", *protos]
    code = protoc.main(args)
    if code == 0:
        for pkg in {p.parent for p in (out / "cms").rglob("*.py")} | {out / "cms"}:
            (pkg / "__init__.py").touch()
    return code


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
