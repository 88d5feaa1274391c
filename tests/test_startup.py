"""Start-up: the command line loads no heavy library until a command needs it.

Every ``plantrace`` call, ``--help`` included, pays for what importing the CLI
imports; spaCy, pandas, camelot and the PDF readers take seconds between them.
The test names what is imported, not how long it takes (a clock on a shared
machine proves nothing).
"""
from __future__ import annotations

import json
import subprocess
import sys

# Loaded only by the command or function that needs them.
HEAVY = ("spacy", "pandas", "pyarrow", "camelot", "cv2", "dask", "sqlalchemy", "dateparser", "pdfplumber",
         "pdfminer", "pypdfium2", "pytesseract", "matplotlib", "numpy", "alembic", "rapidfuzz", "wordfreq")


def _imported_after(code: str) -> set[str]:
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_library():
    loaded = _imported_after("import plantrace.cli")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_help_loads_no_heavy_library():
    code = ("import sys\nsys.argv = ['plantrace', 'extract', '-h']\nimport plantrace.cli as c\n"
            "try:\n    c.app()\nexcept SystemExit:\n    pass")
    loaded = _imported_after(code)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_library_api_is_still_reachable_lazily():
    loaded = _imported_after("import plantrace\nassert callable(plantrace.extract)\nplantrace.open\nplantrace.Document")
    assert "spacy" not in loaded and "pandas" not in loaded
