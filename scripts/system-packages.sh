#!/usr/bin/env bash
# The Debian packages the tests need, installed when missing (called by `make test`);
# with the argument `build`, only what the build itself needs (called by `make build`
# and `make serve`): the CJK fonts the 一图读懂 poster's PNG is drawn with.
#
#   chromium          browser tests (Playwright drives Debian's build; no browser download)
#   nginx             the site is served by the nginx configuration we ship
#   fonts-noto-cjk    Chinese text in screenshots and layout checks; the poster (build too)
#   java (JRE)        the Nu HTML Checker (vnu.jar, from npm's vnu-jar)
#   npm               installs axe-core and vnu-jar from package-lock.json
#
# As root, or with sudo that needs no password: apt-get update, then install.
# Otherwise: stop at once with the one command to run.
# For its own test: SYSTEM_ROOT=DIR looks for the files under DIR, and
# SYSTEM_PACKAGES_DRY_RUN=1 prints the commands instead of running them.
set -euo pipefail

root=${SYSTEM_ROOT:-}
has_file() { [ -e "$root$1" ]; }
has_command() { if [ -n "$root" ]; then [ -x "$root/usr/bin/$1" ]; else command -v "$1" >/dev/null 2>&1; fi; }

target=${1:-test}   # the make target that needs them: test (everything) or build
missing=()
if [ "$target" != build ]; then
  has_file /usr/bin/chromium || missing+=(chromium)
  has_file /usr/sbin/nginx || missing+=(nginx)
fi
# nicheng_report.poster.fonts reads the same two files
{ has_file /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc && has_file /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc; } \
  || missing+=(fonts-noto-cjk)
if [ "$target" != build ]; then
  has_command java || missing+=(default-jre-headless)
  has_command npm || missing+=(npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

install=(apt-get install -y -qq --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "make $target needs Debian packages: run \`sudo apt-get update && sudo ${install[*]}\`, then make $target again / 请先运行上面的命令安装系统软件包，再运行 make $target" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1 && [ -z "${SYSTEM_PACKAGES_DRY_RUN:-}" ]; then
  echo "make $target needs these packages, and this machine has no apt-get: ${missing[*]} / 本机没有 apt-get，请自行安装: ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages / 安装系统软件包: ${missing[*]}" >&2
run() { if [ -n "${SYSTEM_PACKAGES_DRY_RUN:-}" ]; then echo "would run: $*" >&2; else "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
run "${sudo[@]}" apt-get update -qq
run "${sudo[@]}" "${install[@]}" >/dev/null
