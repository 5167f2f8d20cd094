"""(e) The generated files are up to date: what deploy/render.py would write from the process
table, the services' definitions and deploy/templates/ is what deploy_dir holds."""
from __future__ import annotations

import pathlib

import jinja2

from deploy import render
from deploy.checks.common import Report


def check_generated(deploy_dir: pathlib.Path, report: Report) -> None:
    try:
        files = render.render(deploy_dir)
    except (render.RenderError, jinja2.TemplateError) as error:
        report.add("templates", f"cannot be rendered: {error}")
        return
    report.count("generated files", len(files))
    for line in render.differences(deploy_dir, files):
        where, _, what = line.partition(": ")
        report.add(where, f"{what}; regenerate it with `make deploy-files` (edit deploy/templates/, not the file)")
