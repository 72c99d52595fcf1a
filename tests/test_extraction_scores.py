"""The development set, scored by its own scorer: quotes, attribution and speakers.

The stories and the scorer are read in place from the shared folder beside the repo; the test
skips when that folder is absent.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articles.extraction import parse
from articles.extraction.serialize import article_to_json

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV_SET = SHARED / "extraction-dev"
SCORER = SHARED / "tools" / "score_extraction.py"
TARGETS = {"quote_f1": 0.95, "attributed_f1": 0.95, "speaker_f1": 0.90}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, float]:
    if not (DEV_SET / "gold.jsonl").is_file() or not SCORER.is_file():
        pytest.skip(f"{SHARED} is absent: the development set and its scorer sit beside the repo")
    predictions = tmp_path_factory.mktemp("scores") / "pred.jsonl"
    paths = sorted([*DEV_SET.glob("texts/*.txt"), *DEV_SET.glob("html/*.html")])
    with predictions.open("w", encoding="utf-8") as out:
        for path in paths:
            for article in parse(path.read_bytes(), name=path.name):
                out.write(json.dumps(article_to_json(article, path.stem), ensure_ascii=False))
                out.write("\n")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(DEV_SET / "gold.jsonl"), str(predictions)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    last_line = result.stdout.strip().splitlines()[-1]
    return {key: float(value) for key, value in (pair.split("=") for pair in last_line.split())}


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_dev_set_meets_the_target(scores, metric):
    assert scores[metric] >= TARGETS[metric], f"{metric}={scores[metric]:.3f}"
