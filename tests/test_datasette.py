"""Datasette as the analyst UI, checked over HTTP against a server this test starts.

The database is deliberately not called plantrace.db: the metadata (search on
the views, facets, labels) must apply whatever the file is called, and the
plugin's trace page must show a minute point with its linked action and the
evidence page outlined.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from plantrace.cli import app
from plantrace.store import models as m
from plantrace.store.db import open_db

from .analyst_fixtures import seed
from .conftest import ROOT
from .timeouts import timeout

pytest.importorskip("datasette", reason="Datasette is an extra: pip install -e '.[datasette]'")
CHROMIUM = "/usr/bin/chromium"
START_WAIT_S = 90


def _minutes_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.drawString(72, 770, "805 FOSTERING")
    c.showPage()
    c.drawString(72, 770, "a) A stall had helped foster carer recruitment in the county.")
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ds")
    db = folder / "demo.db"
    engine, Session_ = open_db(f"sqlite:///{db}")
    ids = seed(Session_)
    pdf = _minutes_pdf(folder / "minutes.pdf")
    with Session_.begin() as s:  # the seeded minutes become a real file, so its page can be drawn
        s.execute(update(m.Document).where(m.Document.id == ids["minutes_doc"])
                  .values(path=str(pdf), sha256=hashlib.sha256(pdf.read_bytes()).hexdigest()))
        s.execute(update(m.MinutePoint).where(m.MinutePoint.id == ids["point"]).values(bbox=[70, 62, 420, 76]))
    engine.dispose()

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    args = [sys.executable, "-m", "datasette", "serve", str(db), "--port", str(port)]
    if not any(ep.name == "plantrace" for ep in entry_points(group="datasette")):
        shim = folder / "plugins"  # a checkout not reinstalled since the entry point was added
        shim.mkdir()
        (shim / "plantrace_shim.py").write_text("from plantrace.datasette_plugin import *  # noqa\n")
        args += ["--plugins-dir", str(shim)]
    server = subprocess.Popen(args, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_WAIT_S
    while True:
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=2)
            break
        except (urllib.error.URLError, ConnectionError, OSError):
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"datasette did not start: {server.stderr.read().decode()[-500:]}")
            time.sleep(0.5)
    yield base, ids, db
    server.terminate()
    server.wait(timeout=20)


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("content-type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("content-type", ""), exc.read()


def _json(url: str):
    status, _, body = _get(url)
    assert status == 200, (url, body[:300])
    return json.loads(body)


@timeout(150)
def test_views_search_facets_and_labels_work_on_any_file_name(served):
    base, ids, _ = served
    rows = _json(f"{base}/demo/v_actions.json?_search=sufficiency&_shape=array")
    assert [r["code"] for r in rows] == ["1.2"]  # searched, not every row
    everything = _json(f"{base}/demo/v_actions.json?_shape=array")
    assert len(everything) > len(rows)
    data = _json(f"{base}/demo/v_actions.json")
    assert {"status", "council"} <= set(data["facet_results"])
    _, _, page = _get(f"{base}/demo/v_actions")
    assert b"One row per plan action" in page and b'name="_search"' in page
    _, _, page = _get(f"{base}/demo/action")
    assert f'href="/demo/recommendation/'.encode() in page and b'">1</a>' in page  # the label, not only the id


@timeout(150)
def test_the_trace_page_shows_the_point_its_action_and_the_outlined_page(served):
    base, ids, _ = served
    status, _, body = _get(f"{base}/-/plantrace/demo/point/{ids['point']}")
    text = body.decode()
    assert status == 200
    assert "Minute 805(a)" in text and "foster carer recruitment" in text
    assert "action 1.1" in text and "evidence: foster carers" in text and "Testshire" in text
    src = text.split('src="', 1)[1].split('"', 1)[0]
    status, kind, png = _get(base + src.replace("&amp;", "&"))
    assert status == 200 and kind == "image/png" and png.startswith(b"\x89PNG")

    _, _, links = _get(f"{base}/demo/v_links")
    assert f"/-/plantrace/demo/point/{ids['point']}".encode() in links  # the view links to the trace
    status, _, body = _get(f"{base}/-/plantrace/demo/action/{ids['1.1']}")
    assert status == 200 and b"805(a)" in body
    assert _get(f"{base}/-/plantrace/demo/point/999999")[0] == 404


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"no headless Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
@timeout(150)
def test_the_trace_page_renders_in_headless_chromium(served, tmp_path):
    base, ids, _ = served
    shot = tmp_path / "trace.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=1200,1600", f"{base}/-/plantrace/demo/point/{ids['point']}"],
                   check=True, timeout=120, capture_output=True)
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (1200, 1600) and len(im.convert("L").getcolors(256) or []) > 10  # not a blank page


def test_plantrace_datasette_writes_metadata_for_the_file_s_name(served, tmp_path):
    _, _, db = served
    copy = tmp_path / "council-2017.db"
    shutil.copy(db, copy)
    result = CliRunner().invoke(app, ["datasette", str(copy)])
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)
    tables = meta["databases"]["council-2017"]["tables"]
    assert tables["v_actions"]["fts_table"] == "action_fts" and tables["action"]["label_column"] == "code"
    missing = CliRunner().invoke(app, ["datasette", str(tmp_path / "nope.db")])
    assert missing.exit_code == 4
