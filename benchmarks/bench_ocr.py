"""OCR seconds per page: scans of the bundled PDFs' pages read back.

The scans are made as the tests make them (``tests.scans``: 200 dpi, noise,
a slight skew, one page sideways). Each page's time is the OCR step alone
(render, turn upright, level, rules, Tesseract), as ``source.ocr`` reports it,
and the whole extraction's wall time per page is given beside it. Tesseract
is held to one thread per page (see ``extract.ocr``), so the figure is per core.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plantrace.api import extract_record  # noqa: E402
from plantrace.extract.ocr import available  # noqa: E402
from tests.scans import scanned_pdf  # noqa: E402

CASES = [("001", [1, 2, 3], (2,)), ("000", [2, 3], (3,))]  # (bundled PDF, pages, sideways pages)


def main() -> int:
    why = available()
    if why:
        print(f"ocr: skipped ({why})")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for prefix, pages, sideways in CASES:
            (pdf,) = sorted((ROOT / "corpora" / "pdf").glob(f"{prefix}-*.pdf"))
            scan = scanned_pdf(pdf, pages, Path(tmp) / f"{prefix}.pdf", sideways=sideways)
            start = time.perf_counter()
            record = extract_record(scan)
            wall = time.perf_counter() - start
            ocr = record["source"]["ocr"]
            per_page = sum(o["seconds"] for o in ocr) / len(ocr)
            print(f"ocr {prefix} pages {pages}: {per_page:.1f} s per page OCR, {wall / len(pages):.1f} s per page "
                  f"extraction; confidence {record['source']['ocr_confidence']}; "
                  f"rotation {[o['rotation'] for o in ocr]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
