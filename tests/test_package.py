"""The package as a user gets it: one import root, a library API, typed records,
and a wheel that works when installed without ``-e`` outside the checkout."""
from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

import plantrace
import plantrace.api
from plantrace.records import Document, json_schema

ROOT = Path(__file__).resolve().parents[1]
PDFS = sorted((ROOT / "corpora" / "pdf").glob("*.pdf"))


@functools.lru_cache(maxsize=None)
def _json_record(pdf: Path) -> dict:
    """The contract record as JSON has it (tuples become lists), extracted once per module."""
    return json.loads(json.dumps(plantrace.api.extract_record(pdf), ensure_ascii=False, default=str))


def test_every_stage_is_under_one_root():
    import plantrace.extract
    import plantrace.ingest
    import plantrace.link
    import plantrace.normalise
    import plantrace.store

    for mod in (plantrace.extract, plantrace.ingest, plantrace.link, plantrace.normalise, plantrace.store):
        assert mod.__name__.startswith("plantrace.")


def test_no_module_outside_the_root_imports_a_bare_stage_name():
    bare = re.compile(r"^\s*(from|import) (extract|ingest|link|normalise|store)\b", re.M)
    offenders = []
    for folder in ("extract", "ingest", "link", "normalise", "store", "plantrace", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            if bare.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        if re.search(r"(from|import) (extract|ingest|link|normalise|store)\b", nb.read_text(encoding="utf-8")):
            offenders.append(str(nb.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("pdf", PDFS[:2] + PDFS[3:4], ids=lambda p: p.name[:3])
def test_typed_document_round_trips_the_contract_exactly(pdf):
    record = _json_record(pdf)
    doc = Document.from_record(record)
    assert doc.to_record() == record
    assert doc.to_json() == json.dumps(record, ensure_ascii=False, indent=2)


def test_extract_is_both_the_stage_and_the_call():
    doc = plantrace.extract(PDFS[1])
    assert isinstance(doc, Document)
    assert doc.kind == "minutes" and len(doc.points) == 31
    assert doc.meeting.items[0].number


def test_checked_in_schema_is_the_generated_one():
    stored = json.loads((ROOT / "plantrace" / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    assert stored == json_schema(), "run `plantrace schema --out plantrace/schema/document.schema.json`"


def test_extract_json_validates_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    for pdf in PDFS:
        jsonschema.validate(_json_record(pdf), schema)


def test_readme_python_example_runs(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Python", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    exec(compile(textwrap.dedent(block), "README.md", "exec"), {})
    assert (tmp_path / "council.db").exists()


def test_read_only_open_never_creates(tmp_path):
    from plantrace.store.db import DatabaseUnavailable

    missing = tmp_path / "missing.db"
    with pytest.raises(DatabaseUnavailable, match="no such database"):
        plantrace.open(f"sqlite:///{missing}", create=False)
    assert not missing.exists()


def _site_packages() -> list[str]:
    """Where this interpreter finds its dependencies (a venv's own, and the system's
    when the venv was made with --system-site-packages)."""
    import site

    dirs = [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    return list(dict.fromkeys(d for d in dirs if Path(d).is_dir()))


@pytest.mark.slow
def test_wheel_installed_outside_the_checkout_runs_every_command(tmp_path):
    """Build the wheel, install it (no -e) into a new virtualenv that borrows only the
    dependencies of this one, and use it from a folder outside the checkout."""
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(dist), str(ROOT)], check=True)
    wheel = next(dist.glob("plantrace-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"plantrace"}
    assert "plantrace/extract/data/authorities.txt" in names
    assert "plantrace/store/alembic.ini" in names
    assert "plantrace/schema/document.schema.json" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # the dependencies of this environment, but not its (editable) plantrace: a .pth in a
    # plain folder adds it to sys.path without running the editable finder's hook
    Path(site, "deps.pth").write_text("".join(d + "\n" for d in _site_packages()))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)],
                   check=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "store.py").write_text("raise SystemExit('the wrong store was imported')\n")
    (work / "link.py").write_text("raise SystemExit('the wrong link was imported')\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PLANTRACE_DB")}
    plantrace_bin = venv / "bin" / "plantrace"

    def run(*args, ok=True):
        proc = subprocess.run([str(plantrace_bin), *args], cwd=work, env=env, capture_output=True, text=True)
        if ok:
            assert proc.returncode == 0, proc.stderr
        return proc

    assert "plantrace" in run("--version").stdout
    where = subprocess.run([str(py), "-c", "import plantrace.extract as e; print(e.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(site)
    assert subprocess.run([str(py), "-c", "import extract"], cwd=tmp_path, env=env,
                          capture_output=True).returncode != 0
    corpus = work / "corpus"
    corpus.mkdir()
    for pdf in PDFS:
        out = run("extract", str(pdf), "--json").stdout
        assert json.loads(out)["source"]["pages"] > 0
        (corpus / pdf.name).symlink_to(pdf)
    db = f"sqlite:///{work / 'w.db'}"
    run("ingest", str(corpus), "--db", db)
    assert json.loads(run("status", "--db", db, "--json").stdout)["tables"]["document"] == len(PDFS)
    assert json.loads(run("links", "--db", db, "--json").stdout)
    run("search", "scorecard", "--db", db)
    run("export", "--out", str(work / "out"), "--db", db)
    run("schema")
    missing = run("status", "--db", str(work / "nope.db"), ok=False)
    assert missing.returncode == 4 and "no such database" in missing.stderr
    assert not (work / "nope.db").exists()
