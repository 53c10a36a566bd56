"""The set-up on a fresh machine: a new venv made by the interpreter itself, with the pip it ships
(23.2 for Python 3.11, which could not read the lock), an empty pip cache, and the lock installed
into it by scripts/install-lock.sh as scripts/setup.sh does."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _locked_versions() -> dict[str, str]:
    text = (REPO / "requirements" / "lock.txt").read_text("utf-8")
    return {name.lower().replace("_", "-"): version
            for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", text, re.M)}


@pytest.mark.slow
def test_the_lock_installs_into_a_new_venv_with_the_interpreters_own_pip(tmp_path):
    base_python = Path(sys.base_prefix) / "bin" / "python3"
    venv = tmp_path / "venv"
    subprocess.run([str(base_python), "-m", "venv", str(venv)], check=True, timeout=300)
    shipped = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"],
                             capture_output=True, text=True, check=True).stdout
    env = os.environ | {"PIP_CACHE_DIR": str(tmp_path / "empty-cache"), "PIP_NO_COMPILE": "1"}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run([str(REPO / "scripts" / "install-lock.sh"), str(venv)], capture_output=True,
                          text=True, env=env, timeout=1200)
    assert done.returncode == 0, f"{shipped}\n{done.stdout}\n{done.stderr}"
    frozen = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "freeze", "--all"],
                            capture_output=True, text=True, check=True).stdout
    installed = {name.lower().replace("_", "-"): version
                 for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)$", frozen, re.M)}
    locked = _locked_versions()
    assert installed == locked, {name: (installed.get(name), locked.get(name))
                                 for name in installed.keys() | locked.keys()
                                 if installed.get(name) != locked.get(name)}
