#!/usr/bin/env bash
# Retakes the README's screenshots (resources/screenshots/*.png) from a built fieldguide, so that
# a change to a screen is followed by one command instead of a dozen hand-made pictures:
#   tools/screenshots.sh [NAME...]     all of them, or only the named ones (e.g. lsm-diagram)
# Each picture is a fresh app (its own empty settings folder) on a private Xvfb display, at
# 1600x1000 (the window's first size), driven by xdotool where a key is needed; the figure of the
# 100,000-key B-Tree comes from `fieldguide export`. Look at every picture before committing it.
# Needs: xvfb, xdotool, imagemagick (apt-get install xvfb xdotool imagemagick).
# BUILD_DIR (default: build) is where the app was built.
set -euo pipefail
cd "$(dirname "$0")/.."
app="$PWD/${BUILD_DIR:-build}/app/fieldguide"
out="$PWD/resources/screenshots"
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done
[ -x "$app" ] || { echo "screenshots: no app at $app (build first)" >&2; exit 1; }

work="$(mktemp -d)"
display=":${SCREENSHOT_DISPLAY:-$((50 + RANDOM % 40))}" # SCREENSHOT_DISPLAY=N: display :N
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY="$display"
sleep 1

# shot NAME "ARGS" [KEY...]: starts the app with ARGS, presses each KEY (xdotool names; "sleep"
# waits a second; "click:X,Y" clicks there in the window), and photographs the window.
# largest PID: the app's largest visible window (Qt makes small helper windows too; presenting
# opens a full-screen one) in wid and geometry, with the keyboard focus (there is no window
# manager to give it).
largest() {
    local best=0 w WIDTH HEIGHT X Y WINDOW SCREEN
    wid=""
    for w in $(xdotool search --onlyvisible --pid "$1" 2>/dev/null); do
        eval "$(xdotool getwindowgeometry --shell "$w")"
        if [ $((WIDTH * HEIGHT)) -gt "$best" ]; then
            best=$((WIDTH * HEIGHT)) wid="$w" geometry="${WIDTH}x${HEIGHT}+${X}+${Y}"
        fi
    done
    [ -n "$wid" ] || { echo "screenshots: the app showed no window" >&2; exit 1; }
    xdotool windowfocus --sync "$wid"
}

shot() {
    local name="$1" args="$2" wid="" geometry=""
    shift 2
    rm -rf "$work/home" && mkdir -p "$work/home"
    # shellcheck disable=SC2086 # ARGS is a list of words
    XDG_CONFIG_HOME="$work/home" XDG_DATA_HOME="$work/home" XDG_RUNTIME_DIR="$work" \
        "$app" $args >/dev/null 2>&1 &
    local pid=$!
    sleep 3
    for key in "$@"; do
        largest "$pid"
        case "$key" in
        sleep) sleep 1 ;;
        click:*) # click:X,Y - a click at X,Y of the window (to give the focus to a widget)
            local at="${key#click:}"
            xdotool mousemove --window "$wid" "${at%,*}" "${at#*,}" click 1 && sleep 0.5 ;;
        *) xdotool key "$key" && sleep 0.5 ;;
        esac
    done
    sleep 1.5
    largest "$pid"
    import -window root -crop "$geometry" +repage "$out/$name.png"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "$out/$name.png"
}

# The 100,000-key B-Tree, searched at its last step, as `export` draws it.
lod() {
    cat >"$work/lod.json" <<'EOF'
{ "engine": "btree", "title": "A real index: 100,000 random inserts (99,485 distinct keys) at order 64, then a search",
  "params": { "order": 64 }, "narrate": false,
  "ops": [ { "op": "insert-random", "count": 100000, "seed": 64, "min": 1, "max": 9999999 },
           { "op": "search", "key": 4242424 } ] }
EOF
    "$app" export "$work/lod.json" --out "$out/btree-100k-lod.png" --width 1600 --height 900
    echo "$out/btree-100k-lod.png"
}

want() { [ "${#names[@]}" -eq 0 ] || [[ " ${names[*]} " == *" $1 "* ]]; }
names=("$@")
want reader-light && shot reader-light "--chapter relational --theme light"
want reader-dark && shot reader-dark "--chapter kafka#architecture --theme dark"
want matrix-table && shot matrix-table "--chapter decision-matrix --theme light"
want figure-flowchart && shot figure-flowchart "--chapter database-types#when-to-use-what-decision-flowchart --theme light"
for d in btree lsm hashslot kafka downsample; do
    # End: the last step of the default scenario.
    theme=light
    [ "$d" = kafka ] && theme=dark # the README shows one diagram in the dark theme
    want "$d-diagram" && shot "$d-diagram" "--diagram $d --theme $theme" End
done
want btree-vs-lsm && shot btree-vs-lsm "--diagram btree-vs-lsm --theme light"
want presentation-diagram && shot presentation-diagram "--diagram btree --theme projector" End F5
want presentation-section && shot presentation-section "--chapter kafka --theme projector" shift+F5
# The Study menu's tools, by their menu letters.
want decision-wizard && shot decision-wizard "--theme light" alt+s w
want scenario-explorer && shot scenario-explorer "--theme light" alt+s s
want quiz && shot quiz "--theme light" alt+s q
want btree-100k-lod && lod
exit 0
