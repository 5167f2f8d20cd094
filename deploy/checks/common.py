"""What every part of the check shares: the report, where deploy/ is, YAML, pinned images."""
from __future__ import annotations

import pathlib
from dataclasses import dataclass, field

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent.parent
IMAGE_NAME = "campus-management"


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


def load_yaml(path: pathlib.Path) -> dict:
    return yaml.safe_load(path.read_text()) or {}


def check_pinned(image: str, where: str, report: Report) -> None:
    name = image.partition("@")[0]
    tag = name.rpartition(":")[2] if ":" in name.rpartition("/")[2] else ""
    if "@sha256:" in image:
        return
    if not tag or tag == "latest":
        report.add(where, f"image {image or '(none)'} must be pinned to a tag other than latest")
