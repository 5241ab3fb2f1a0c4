"""A web worker holds only what pages need (issue 16: at most 200 MB a worker).

Libraries that make files people download (spreadsheets, Word documents, calendar
files, PDFs) or that reach GOV.UK Notify are imported when such a file is made or a
message sent, not when a worker starts: together they are about 30 MB a worker that
most requests never use. Checked in a fresh interpreter that loads the app as
gunicorn does (every URL and view imported).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What no page needs until someone downloads a file or a message is sent.
ONLY_WHEN_USED = [
    "openpyxl",
    "docx",
    "icalendar",
    "ninja",
    "notifications_python_client",
    "pydantic",
    "requests",
    "weasyprint",
]

LOAD_THE_APP = """
import json, sys
import django
django.setup()
from django.urls import get_resolver
import coplan.wsgi

def views(patterns):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from views(pattern.url_patterns)
        else:
            yield pattern.callback

list(views(get_resolver().url_patterns))
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_a_worker_starts_without_the_libraries_only_downloads_and_sending_use():
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "coplan.settings",
    }
    loaded = subprocess.run(
        [sys.executable, "-c", LOAD_THE_APP],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=True,
        timeout=120,
    )

    imported = set(json.loads(loaded.stdout.strip().splitlines()[-1]))

    assert [name for name in ONLY_WHEN_USED if name in imported] == []
