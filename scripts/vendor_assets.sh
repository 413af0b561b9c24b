#!/usr/bin/env bash
# Regenerate static/vendor/ from pinned npm packages (`make vendor`; see static/README.md).
#
# Each package is fetched with `npm pack` into a temporary directory (no install, no lifecycle scripts,
# no node_modules anywhere near the repository), checked against the integrity hash pinned below, and only
# the files folium's maps need are copied, together with each package's licence file.
# Needs: bash, npm/node, tar. Network: the npm registry only.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/static/vendor"

# name@version  sha512 integrity (from `npm pack --json`); a mismatch aborts the run.
PACKAGES=(
  "leaflet@1.9.3 sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ=="
  "jquery@3.7.1 sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYUdADVD7CkUUizgkpLfg=="
  "bootstrap@5.2.2 sha512-dEtzMTV71n6Fhmbg4fYJzQsw1N29hJKO1js5ackCgIpDcGid2ETMGC6zwSYw09v05Y+oRdQ9loC54zB1La3hHQ=="
  "@fortawesome/fontawesome-free@6.2.0 sha512-CNR7qRIfCwWHNN7FnKUniva94edPdyQzil/zCwk3v6k4R6rR2Fr8i4s3PM7n/lyfPA6Zfko9z5WDzFxG9SW1uQ=="
  "leaflet.awesome-markers@2.0.5 sha512-Ne/xDjkGyaujwNVVkv2tyXQUV0ZW7gZ0Mo0FuQY4jp2qWrvXi0hwDBvmZyF/8YOvybyMabTMM/mFWCTd1jZIQA=="
  "d3@3.5.17 sha512-yFk/2idb8OHPKkbAL8QaOaqENNoMhIaSHZerk3oQsECwkObkCpJyjYwCe+OHiq6UEdhe1m8ZGARRRO3ljFjlKg=="
  "leaflet.markercluster@1.5.3 sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA=="
  "leaflet.featuregroup.subgroup@1.0.2 sha512-9nCVg8nUe686+BtPbUT7ALOe/IA+8Mum+rkA8pfPpCkH0WvKevRrH+JMcMTjAoNQKVI0uxrWrLV5w298SS3ESA=="
  "leaflet.sync@0.2.4 sha512-e59CcQNMFFZJWCAGzyFxcsVldWd0cU7G71q2Zh5a5Pbe7ua4G7CNQcKz51IALf0NzOyRF7ws6gjnndiVWkYN+w=="
)

for tool in npm node tar; do
  command -v "$tool" >/dev/null || { echo "vendor_assets.sh: '$tool' is required" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/drillmap-vendor.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/vendor"
mkdir -p "$WORK/pkg" "$STAGE"

# Fetch, verify and unpack: $WORK/pkg/<name>/ holds the package's files (the tarball's package/ folder).
fetch() {
  local spec="$1" want="$2" name tgz got
  name="${spec%@*}"
  name="${name#@*/}"          # @fortawesome/fontawesome-free -> fontawesome-free
  if ! tgz="$(cd "$WORK" && npm pack --loglevel=error "$spec" 2>"$WORK/npm.log" | tail -n 1)" || [ ! -f "$WORK/$tgz" ]; then
    echo "vendor_assets.sh: npm pack $spec failed:" >&2
    cat "$WORK/npm.log" >&2
    exit 1
  fi
  got="sha512-$(node -e 'const c=require("crypto"),f=require("fs");
    process.stdout.write(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' \
    "$WORK/$tgz")"
  if [ "$got" != "$want" ]; then
    echo "vendor_assets.sh: integrity mismatch for $spec: got $got, pinned $want" >&2
    exit 1
  fi
  mkdir -p "$WORK/pkg/$name"
  tar -xzf "$WORK/$tgz" -C "$WORK/pkg/$name" --strip-components=1
  echo "  $spec  ok"
}

# put <package> <source path inside the package> <destination path under static/vendor>
put() {
  local src="$WORK/pkg/$1/$2" dst="$STAGE/$3"
  [ -f "$src" ] || { echo "vendor_assets.sh: $1 has no $2" >&2; exit 1; }
  mkdir -p "$(dirname "$dst")"
  cp "$src" "$dst"
}

echo "Fetching pinned packages into $WORK"
for entry in "${PACKAGES[@]}"; do
  # shellcheck disable=SC2086
  fetch $entry
done

# Leaflet (BSD-2-Clause): the map library itself, its CSS and the default marker/layer-control images.
put leaflet dist/leaflet.js leaflet/leaflet.js
put leaflet dist/leaflet.css leaflet/leaflet.css
for img in layers.png layers-2x.png marker-icon.png marker-icon-2x.png marker-shadow.png; do
  put leaflet "dist/images/$img" "leaflet/images/$img"
done
put leaflet LICENSE leaflet/LICENSE

# jQuery (MIT): required by folium's default_js.
put jquery dist/jquery.min.js jquery/jquery.min.js
put jquery LICENSE.txt jquery/LICENSE.txt

# Bootstrap 5 (MIT): popups/tooltips styling used by folium templates.
put bootstrap dist/js/bootstrap.bundle.min.js bootstrap/bootstrap.bundle.min.js
put bootstrap dist/css/bootstrap.min.css bootstrap/bootstrap.min.css
put bootstrap LICENSE bootstrap/LICENSE

# Font Awesome Free (icons CC-BY-4.0, fonts OFL-1.1, code MIT): folium.Icon(prefix="fa").
# css/ and webfonts/ must stay siblings: all.min.css loads ../webfonts/*.
put fontawesome-free css/all.min.css fontawesome/css/all.min.css
for font in fa-brands-400 fa-regular-400 fa-solid-900 fa-v4compatibility; do
  put fontawesome-free "webfonts/$font.woff2" "fontawesome/webfonts/$font.woff2"
  put fontawesome-free "webfonts/$font.ttf" "fontawesome/webfonts/$font.ttf"
done
put fontawesome-free LICENSE.txt fontawesome/LICENSE.txt

# Leaflet.awesome-markers: folium.Icon markers. The CSS only references the "soft" and "shadow" sprites.
put leaflet.awesome-markers dist/leaflet.awesome-markers.js awesome-markers/leaflet.awesome-markers.js
put leaflet.awesome-markers dist/leaflet.awesome-markers.css awesome-markers/leaflet.awesome-markers.css
for img in markers-soft.png markers-soft@2x.png markers-shadow.png markers-shadow@2x.png; do
  put leaflet.awesome-markers "dist/images/$img" "awesome-markers/images/$img"
done
put leaflet.awesome-markers LICENSE awesome-markers/LICENSE

# d3 v3 (BSD-3-Clause): only for branca colormap legends (their template uses the d3 v3 API).
put d3 d3.min.js d3/d3.v3.min.js
put d3 LICENSE d3/LICENSE

# Leaflet.markercluster (MIT): the site map groups place symbols that overlap at the current zoom.
# MarkerCluster.Default.css (the plugin's stock cluster icons) is kept with the plugin; the map draws its own.
put leaflet.markercluster dist/leaflet.markercluster.js leaflet.markercluster/leaflet.markercluster.js
put leaflet.markercluster dist/MarkerCluster.css leaflet.markercluster/MarkerCluster.css
put leaflet.markercluster dist/MarkerCluster.Default.css leaflet.markercluster/MarkerCluster.Default.css
put leaflet.markercluster MIT-LICENCE.txt leaflet.markercluster/MIT-LICENCE.txt

# Leaflet.FeatureGroup.SubGroup (BSD-2-Clause, by a markercluster maintainer): one layer-control entry per
# alliance whose markers join the shared cluster group.
put leaflet.featuregroup.subgroup dist/leaflet.featuregroup.subgroup.js \
  leaflet.featuregroup.subgroup/leaflet.featuregroup.subgroup.js
put leaflet.featuregroup.subgroup LICENSE leaflet.featuregroup.subgroup/LICENSE

# Leaflet.Sync (BSD-3-Clause): the Compare page's two maps pan and zoom together.
put leaflet.sync L.Map.Sync.js leaflet.sync/L.Map.Sync.js
put leaflet.sync LICENSE leaflet.sync/LICENSE

# folium.Icon(angle=N) adds the class fa-rotate-N; folium loads the rules from a GitHub file. Generate them.
mkdir -p "$STAGE/folium"
for n in $(seq 0 359); do
  printf '.fa-rotate-%d{-webkit-transform:rotate(%ddeg);transform:rotate(%ddeg)}' "$n" "$n" "$n"
done >"$STAGE/folium/leaflet.awesome.rotate.min.css"
printf '\n' >>"$STAGE/folium/leaflet.awesome.rotate.min.css"

find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE" -type f -exec chmod 644 {} +

rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
cp -R "$STAGE" "$DEST"

count="$(find "$DEST" -type f | wc -l)"
size="$(du -sh "$DEST" | cut -f1)"
echo "static/vendor regenerated: $count files, $size"
