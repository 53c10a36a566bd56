#!/usr/bin/env bash
# install-lock.sh VENV [PIP OPTION…]: installs requirements/lock.txt, exact versions with their
# hashes, into the virtual environment VENV. First the lock's own pip, installed by whatever pip
# the interpreter shipped: pip 23.2 (Python 3.11's) reads an extra such as fonttools[woff] as a
# requirement of its own and takes the newest release, which --require-hashes refuses, so the
# lock must be read by the pip it was made with. tests/test_setup.py runs this on a new venv.
set -euo pipefail
venv="$1"; shift
lock="$(dirname "$0")/../requirements/lock.txt"
pip_entry="$venv/.aqyl-pip.txt"
# The pip entry of the lock: its == line and hash lines, up to the next entry or comment.
awk '/^pip==/ { on = 1; print; next } on && /^ +--hash/ { print; next } { on = 0 }' "$lock" > "$pip_entry"
grep -q '^pip==' "$pip_entry" || { echo "requirements/lock.txt pins no pip" >&2; exit 1; }
# A machine's pip configuration may name local indexes that are not there; pip then warns once
# per package, which buries any real message.
quiet_pip() {
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@" 2>&1 \
    | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
}
quiet_pip --require-hashes --no-deps -r "$pip_entry" "$@"
quiet_pip --require-hashes -r "$lock" "$@"
