"""(d) The Dockerfile: pinned bases, a builder and a runtime stage, the locked install and the
protogen step, a numeric non-root user, no build tools at run time, the gateway as CMD; and
a .dockerignore that keeps the work tree's leftovers out of the build context."""
from __future__ import annotations

import json
import pathlib
import re

from deploy.checks.common import Report, check_pinned
from deploy.processes import GATEWAY

WHERE = "docker/Dockerfile"
#: Paths a build must never take from the work tree (.dockerignore), and paths it needs.
MUST_IGNORE = (".venv/bin/python", "var/db/finance.sqlite3", "cms/__init__.py", ".git/HEAD",
               "campus/__pycache__/config.cpython-311.pyc", ".pytest_cache/v/x")
MUST_SEND = ("requirements.txt", "protos/cms/finance/v1/finance.proto", "campus/config.py",
             "services/finance/service.py", "gateway/config.py")
RUNTIME_ENV = ("PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1", "PYTHONPATH=/app")
BUILD_TOOLS = re.compile(r"\b(gcc|g\+\+|build-essential|make|python3-dev)\b")

Stage = list[tuple[str, str]]


def dockerfile_instructions(text: str) -> Stage:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    instructions, pending = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        keyword, _, rest = line.partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
    return instructions


def check_dockerfile(deploy_dir: pathlib.Path, report: Report) -> None:
    stages = _stages(dockerfile_instructions((deploy_dir / "docker" / "Dockerfile").read_text()), report)
    report.count("Dockerfile stages", len(stages))
    if len(stages) < 2:
        report.add(WHERE, "must be multi-stage (a builder and a runtime stage)")
        return
    runs = " ".join(rest for stage in stages for keyword, rest in stage if keyword == "RUN")
    if "-m campus.protogen" not in runs:
        report.add(WHERE, "no `python -m campus.protogen` step: the cms package would be missing")
    if "pip install -r requirements.txt" not in runs:
        report.add(WHERE, "no `pip install -r requirements.txt` step")
    _check_runtime(stages[-1], report)
    _check_dockerignore(deploy_dir.parent / ".dockerignore", report)


def _stages(instructions: Stage, report: Report) -> list[Stage]:
    """The instructions of each stage; every base image that is no earlier stage is pinned."""
    args: dict[str, str] = {}
    stages: list[Stage] = []
    names: set[str] = set()
    for keyword, rest in instructions:
        if keyword == "ARG" and not stages:
            name, _, default = rest.partition("=")
            args[name] = default
        if keyword == "FROM":
            words = [w for w in rest.split() if not w.startswith("--")]
            image = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), m.group(0)), words[0])
            if image not in names:
                check_pinned(image, f"{WHERE} FROM {words[0]}", report)
            if len(words) >= 3 and words[1].upper() == "AS":
                names.add(words[2])
            stages.append([])
        elif stages:
            stages[-1].append((keyword, rest))
    return stages


def _check_runtime(final: Stage, report: Report) -> None:
    users = [rest for keyword, rest in final if keyword == "USER"]
    if not users or not re.fullmatch(r"\d+(:\d+)?", users[-1]) or users[-1].split(":")[0] == "0":
        report.add(WHERE, "the runtime stage must end with USER <numeric uid other than 0>")
    if BUILD_TOOLS.search(" ".join(rest for keyword, rest in final if keyword == "RUN")):
        report.add(WHERE, "the runtime stage must not install build tools")
    env = " ".join(rest for keyword, rest in final if keyword == "ENV")
    for setting in RUNTIME_ENV:
        if setting not in env:
            report.add(WHERE, f"the runtime stage must set {setting}")
    cmds = [rest for keyword, rest in final if keyword == "CMD"]
    try:
        cmd = tuple(json.loads(cmds[-1])) if cmds else ()
    except json.JSONDecodeError:
        cmd = ()
    if cmd != GATEWAY.command:
        report.add(WHERE, f"CMD must be the gateway in exec form: {json.dumps(list(GATEWAY.command))}")


def _check_dockerignore(path: pathlib.Path, report: Report) -> None:
    if not path.exists():
        report.add(".dockerignore", "missing at the repository root")
        return
    patterns = [line.strip() for line in path.read_text().splitlines()
                if line.strip() and not line.strip().startswith("#")]
    for candidate in MUST_IGNORE:
        if not _docker_ignored(candidate, patterns):
            report.add(".dockerignore", f"lets {candidate} into the build context")
    for candidate in MUST_SEND:
        if _docker_ignored(candidate, patterns):
            report.add(".dockerignore", f"keeps {candidate} out, but the image needs it")


def _docker_ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule: the last pattern matching the path or one of its parents decides."""
    parts = path.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        regex = _dockerignore_regex(pattern.lstrip("!").strip("/"))
        if any(regex.fullmatch(prefix) for prefix in prefixes):
            ignored = not negate
    return ignored


def _dockerignore_regex(pattern: str) -> re.Pattern:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "[":
            end = pattern.index("]", i)
            out, i = out + pattern[i:end + 1], end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)
