"""Pack splitting against corpora/gold/real/packs.json: per pack, parts found vs expected,
page ranges right, kinds right, parts whose words equal the separately published file, and
false matches (a part keyed as another original of its pack).

usage: python benchmarks/pack_split.py [REAL_ROOT]   (default: corpora/real, then the shared corpus)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from plantrace.extract.content_key import content_key
from plantrace.extract.document import build_contract
from plantrace.extract.pack import sub_model
from plantrace.extract.pdf import load_pdf

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "corpora/gold/real/packs.json").read_text(encoding="utf-8"))


def main(roots: list[Path]) -> None:
    def find(rel):
        return next((r / rel for r in roots if (r / rel).is_file()), None)

    totals = {"expected": 0, "found": 0, "ranges": 0, "kinds": 0, "same_text": 0, "originals": 0, "false_match": 0}
    for pack in GOLD["packs"]:
        path = find(pack["path"])
        if path is None:
            print(f"missing {pack['path']}")
            continue
        model = load_pdf(path)
        record = build_contract(model)
        parts = record.get("parts") or [{**record, "pages": [1, len(model.pages)]}]
        found = {tuple(p["pages"]): p for p in parts}
        ranges = kinds = same = originals = false = 0
        keys = {}  # original -> its key
        for g in pack["parts"]:
            orig = g["original"] and find(str(Path(pack["path"]).parent.parent / "originals" / g["original"]))
            if orig:
                keys[g["original"]] = content_key(load_pdf(orig).pages)
        for g in pack["parts"]:
            part = found.get(tuple(g["pages"]))
            ranges += part is not None
            kinds += part is not None and part["kind"] == g["kind"]
            if g["original"]:
                originals += 1
                if g["original"] in keys and part is not None:
                    key = content_key(sub_model(model, *g["pages"]).pages)
                    same += key == keys[g["original"]]
                    false += any(key == k for name, k in keys.items() if name != g["original"])
        print(f"{Path(pack['path']).name[:60]}: parts found {len(parts)} / expected {len(pack['parts'])}, "
              f"ranges right {ranges}, kinds right {kinds}, same words as original {same}/{originals}, "
              f"false matches {false}")
        for key, n in (("expected", len(pack["parts"])), ("found", len(parts)), ("ranges", ranges),
                       ("kinds", kinds), ("same_text", same), ("originals", originals), ("false_match", false)):
            totals[key] += n
    print(f"total: {totals}")


if __name__ == "__main__":
    roots = [Path(a) for a in sys.argv[1:]] or [ROOT / "corpora/real", Path("/work/shared/corpora/real")]
    main(roots)
