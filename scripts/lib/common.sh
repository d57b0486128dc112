# shellcheck shell=bash
# Helpers shared by scripts/test: step headings with timing, free ports, HTTP probes and
# installing missing Debian packages. Sourced, not run; expects bash with `set -euo pipefail`.

# step TITLE: announce a step; step_done prints how long it took.
step() {
  STEP_TITLE=$1
  STEP_STARTED=$SECONDS
  printf '\n==> %s\n' "$STEP_TITLE"
}

step_done() {
  printf '<== %s: done in %ss\n' "$STEP_TITLE" "$((SECONDS - STEP_STARTED))"
}

note() { printf '    %s\n' "$*"; }

fail() {
  printf 'error: %s\n' "$*" >&2
  return 1
}

# A TCP port on 127.0.0.1 that is free right now (the kernel picks it).
free_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# http_status URL: the HTTP status of a GET (000 if nothing answered within 2 s).
# Uses Python because CI machines are not promised curl.
http_status() {
  python3 - "$1" <<'PY'
import sys, urllib.error, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
        print(response.status)
except urllib.error.HTTPError as error:
    print(error.code)
except Exception:
    print("000")
PY
}

dpkg_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

# apt_install PACKAGE...: install with apt-get, quietly; prints apt's log if it fails.
# Runs `apt-get update` once per shell.
apt_install() {
  (($# > 0)) || return 0
  local sudo=() log
  if ((EUID != 0)); then
    command -v sudo >/dev/null || { fail "need root (or sudo) to install: $*"; return 1; }
    sudo=(sudo)
  fi
  log=$(mktemp "${TMPDIR:-/tmp}/kansrijk-apt.XXXXXX")
  note "apt-get install $*"
  if [[ -z "${APT_UPDATED:-}" ]]; then
    "${sudo[@]}" apt-get update >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; fail "apt-get update failed"; return 1; }
    APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" \
    </dev/null >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; fail "apt-get install $* failed"; return 1; }
  rm -f "$log"
}

# ensure_system_packages PART...: install what the given parts need and is missing.
ensure_system_packages() {
  local part missing=()
  for part in "$@"; do
    case $part in
      postgres | faults)
        # Debian 12's `postgresql` brings server 15 and creates the `postgres` user.
        if ! [[ -x /usr/lib/postgresql/15/bin/initdb ]] || ! id postgres >/dev/null 2>&1; then
          [[ " ${missing[*]-} " == *" postgresql "* ]] || missing+=(postgresql)
        fi
        # faults also needs the venv, as browser does (`mount` comes with util-linux, always there)
        if [[ $part == faults && "$(python3 -c 'import sys; print(sys.base_prefix)')" == /usr ]] &&
          ! dpkg_installed python3-venv; then
          [[ " ${missing[*]-} " == *" python3-venv "* ]] || missing+=(python3-venv)
        fi
        ;;
      cluster)
        # PostgreSQL for primary and replica, nginx in front, openssl for its certificate,
        # systemd-analyze to check the units (from the systemd package), the venv for pytest.
        if ! [[ -x /usr/lib/postgresql/15/bin/initdb ]] || ! id postgres >/dev/null 2>&1; then
          [[ " ${missing[*]-} " == *" postgresql "* ]] || missing+=(postgresql)
        fi
        [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
        command -v openssl >/dev/null || missing+=(openssl)
        command -v systemd-analyze >/dev/null || missing+=(systemd)
        if [[ "$(python3 -c 'import sys; print(sys.base_prefix)')" == /usr ]] && ! dpkg_installed python3-venv; then
          [[ " ${missing[*]-} " == *" python3-venv "* ]] || missing+=(python3-venv)
        fi
        ;;
      browser)
        [[ -x /usr/bin/chromium ]] || missing+=(chromium)
        # Real fonts, so screenshots and axe's colour-contrast checks see text as users do.
        dpkg_installed fonts-liberation || missing+=(fonts-liberation)
        # Debian's own python3 needs python3-venv for `python3 -m venv`; other builds
        # (pyenv, python.org) carry venv and ensurepip themselves.
        if [[ "$(python3 -c 'import sys; print(sys.base_prefix)')" == /usr ]] && ! dpkg_installed python3-venv; then
          [[ " ${missing[*]-} " == *" python3-venv "* ]] || missing+=(python3-venv)
        fi
        ;;
    esac
  done
  if ((${#missing[@]} == 0)); then
    note "all present"
    return 0
  fi
  apt_install "${missing[@]}"
}
