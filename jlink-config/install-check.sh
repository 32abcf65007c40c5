#!/usr/bin/env bash
# Installs the .deb as a user would (apt-get), runs it, removes and purges it, and checks that
# nothing is left. Exits non-zero at the first failed check. Run as root on a machine where
# changing the installed packages is fine (a CI container, the development machine).
#
# One install covers both kinds of system: it is installed with /usr/share/applications hidden
# (a server: no menu entry, the install must still succeed), then the directory is put back and
# the package reconfigured (a desktop: the menu entry appears and its command opens the window).
# Builds the .deb first when target/installer has none.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
start=$(date +%s)

fail() { echo "install-check: FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

[ "$(id -u)" = 0 ] || fail "run as root (apt-get install/remove)"
export DEBIAN_FRONTEND=noninteractive
# wait for another apt-get/dpkg on the machine rather than fail on its lock
apt=(apt-get -y -q -o DPkg::Lock::Timeout=300)

if ! ls target/installer/dae-workbench_*.deb >/dev/null 2>&1; then
  step "building the .deb"
  mvn -B -q -DskipTests package
  bash jlink-config/build-installer.sh
fi
deb=$(ls "$repo"/target/installer/dae-workbench_*.deb | head -n 1)
dpkg -s dae-workbench >/dev/null 2>&1 && fail "dae-workbench is already installed: apt-get purge dae-workbench first"

launcher=/opt/dae-workbench/bin/dae-workbench
menu_entry=/usr/share/applications/dae-workbench-dae-workbench.desktop
apps=/usr/share/applications
hidden=$apps.install-check-hidden
work=$(mktemp -d)
# put the hidden menu directory back, merged with whatever a dependency installed meanwhile
restore_apps() {
  [ -d "$hidden" ] || return 0
  if [ -d "$apps" ]; then cp -a "$hidden/." "$apps/" && rm -rf "$hidden"; else mv "$hidden" "$apps"; fi
}
made=()  # menu directories the check creates, removed again even when a check fails
trap 'restore_apps; for dir in "${made[@]}"; do rm -rf "$dir"; done; rm -rf "$work"' EXIT
had_apps=no
if [ -d "$apps" ]; then had_apps=yes; mv "$apps" "$hidden"; fi

step "apt-get install $(basename "$deb") (no $apps: a system without a desktop)"
"${apt[@]}" install "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install"; }
[ "$(dpkg-query -W -f '${Status}' dae-workbench)" = "install ok installed" ] \
  || fail "package not fully configured: $(dpkg-query -W -f '${Status}' dae-workbench)"
[ ! -e "$menu_entry" ] || fail "menu entry installed although $apps was missing"
dpkg -L dae-workbench >"$work/files"
echo "installed: $(wc -l <"$work/files") paths, $(du -sh /opt/dae-workbench | cut -f1) in /opt/dae-workbench"

step "the command on the PATH"
[ "$(readlink /usr/bin/dae-workbench)" = "$launcher" ] || fail "/usr/bin/dae-workbench does not link to $launcher"
[ "$(command -v dae-workbench)" = /usr/bin/dae-workbench ] || fail "dae-workbench is not found on the PATH"
dae-workbench --version || fail "dae-workbench --version"

step "dae-workbench denoise, from another folder"
cp "$repo/sample-images/real/skimage-page.png" "$work/"
(cd "$work" && dae-workbench denoise --out cleaned skimage-page.png) || fail "dae-workbench denoise"
[ -s "$work/cleaned/skimage-page.png" ] || fail "denoise wrote no $work/cleaned/skimage-page.png"

step "with a desktop: menu entry on reconfigure, its command opens the window"
restore_apps
# xdg-desktop-menu also wants the menu directories a desktop installs; make the missing ones
for dir in /etc/xdg/menus /usr/share/desktop-directories; do
  [ -d "$dir" ] || { mkdir -p "$dir"; made+=("$dir"); }
done
mkdir -p "$apps"
dpkg-reconfigure dae-workbench || fail "dpkg-reconfigure dae-workbench"
[ -f "$menu_entry" ] || fail "no menu entry $menu_entry although $apps exists"
exec_cmd=$(sed -n 's/^Exec=//p' "$menu_entry")
[ "$exec_cmd" = "$launcher" ] || fail "menu entry runs '$exec_cmd', not $launcher"
if command -v xvfb-run >/dev/null; then
  xvfb-run -a timeout 40 "$exec_cmd" >"$work/window.log" 2>&1 || true
  grep -q "window up" "$work/window.log" || { cat "$work/window.log"; fail "the menu entry's command opened no window"; }
  grep "window up" "$work/window.log"
else
  echo "(xvfb-run missing: window not tried)"
fi
! grep -E "ClassNotFound|NoClassDefFound|UnsatisfiedLink" "$work"/*.log || fail "missing classes or natives (above)"

step "apt-get remove, then purge"
"${apt[@]}" remove dae-workbench >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "apt-get remove"; }
[ ! -e /usr/bin/dae-workbench ] && [ ! -L /usr/bin/dae-workbench ] || fail "/usr/bin/dae-workbench left after remove"
[ ! -e "$menu_entry" ] || fail "menu entry left after remove"
while read -r path; do
  [ -d "$path" ] && [ ! -L "$path" ] && continue  # shared directories (/opt, /usr/share/doc) stay
  [ ! -e "$path" ] || fail "$path left after remove"
done <"$work/files"
"${apt[@]}" purge dae-workbench >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "apt-get purge"; }
dpkg -s dae-workbench >/dev/null 2>&1 && fail "dpkg still knows dae-workbench after purge"
# where packages install; not the home folders: the user's ~/.dae-workbench is theirs to keep,
# and checkouts and ~/.m2 hold files of this name
left=$(find /opt /usr /etc /var -name '*dae-workbench*' 2>/dev/null || true)
[ -z "$left" ] || fail "left after purge: $left"
[ "$had_apps" = yes ] || rmdir "$apps" 2>/dev/null || true

echo "install-check: OK in $(( $(date +%s) - start )) s"
