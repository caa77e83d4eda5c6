#!/usr/bin/env bash
# `make lock`: writes the lock files from the direct dependencies, with pip-tools' pip-compile.
#
#   pyproject.toml  [project] dependencies      -> requirements/build.txt  (make build, make serve)
#                   + [project.optional-dependencies] test
#                                               -> requirements/test.txt   (make test, make check, make bench)
#                   + the properdocs / zensical extra
#                                               -> requirements/properdocs.txt, zensical.txt (make build ENGINE=…)
#   requirements/lock.in (pip-tools itself)     -> requirements/lock.txt   (this script)
#
# Every package, the transitive ones included, is pinned with the sha256 of each of its
# files on PyPI, and the Makefile installs them with `pip install --require-hashes`.
# requirements/test.txt is locked under requirements/build.txt's pins (--constraint), so
# both have each build package at the same version. setuptools is in both: the project
# itself is installed editable without build isolation, and jieba (published as source
# only) is built with it.
#
# A version already in a lock is kept, so after an edit of pyproject.toml only what the
# edit needs changes. To move on:
#   make lock UPGRADE=1                          everything to its newest allowed release
#   make lock UPGRADE_PACKAGE=mkdocs-material    that package (and what it needs) only; several: "a b"
#
# pip-tools runs in a throw-away venv, installed from requirements/lock.txt with hashes.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
"$python" -m venv "$tool"
"$tool/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt

# compile OUT NOTE PIP-COMPILE-ARGS...: the lock OUT, with NOTE as its first comment lines.
compile() {
  local out=$1 note=$2 name upgrade=()
  shift 2
  [ -n "${UPGRADE:-}" ] && upgrade+=(--upgrade)
  # Only where OUT has it: pip-compile would add a package it is told to upgrade to any lock.
  for name in ${UPGRADE_PACKAGE:-}; do
    name=$(echo "$name" | tr 'A-Z_.' 'a-z--')
    if grep -q "^$name==" "$out"; then upgrade+=(--upgrade-package "$name"); fi
  done
  CUSTOM_COMPILE_COMMAND="make lock" "$tool/bin/pip-compile" --quiet --generate-hashes --allow-unsafe \
    --strip-extras --no-emit-index-url --no-emit-find-links "${upgrade[@]}" --output-file "$out" "$@"
  { printf '%s\n' "$note"; cat "$out"; } > "$out.new" && mv "$out.new" "$out"
}

compile requirements/lock.txt "# pip-tools, which writes the locks: \`make lock\` installs it from this file." \
  requirements/lock.in
compile requirements/build.txt "# What \`make build\` and \`make serve\` install, with \`pip install --require-hashes\`: the build's
# dependencies (pyproject.toml's [project] dependencies) and everything they need, and
# setuptools. No test tools. Do not edit: change pyproject.toml, then run \`make lock\`." \
  --build-deps-for editable pyproject.toml
compile requirements/test.txt "# What \`make test\`, \`make check\` and \`make bench\` install, with \`pip install --require-hashes\`:
# requirements/build.txt (the same versions) and the test extra (pyproject.toml's
# [project.optional-dependencies] test) with everything it needs. Do not edit: change
# pyproject.toml, then run \`make lock\`." \
  --build-deps-for editable --extra test --constraint requirements/build.txt pyproject.toml
# The other site engines, each locked under requirements/build.txt's pins (so one .venv
# holds the build and an engine): installed by the Makefile only when ENGINE= names one.
for engine in properdocs zensical; do
  compile "requirements/$engine.txt" "# What \`make build ENGINE=$engine\` installs besides requirements/build.txt (the same versions),
# with \`pip install --require-hashes\`: the $engine extra of pyproject.toml and what it needs.
# Do not edit: change pyproject.toml, then run \`make lock\`." \
    --extra "$engine" --constraint requirements/build.txt pyproject.toml
done
