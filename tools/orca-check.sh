#!/bin/bash
# orca-check.sh: what the Orca screen reader really speaks in fieldguide, walked from the keyboard
# under a virtual display, written out as a transcript.
#
#   tools/orca-check.sh [-b BUILD_DIR] [-d DISPLAY_NUMBER] [-o OUT_DIR]
#
# Defaults: build/, display :94, /tmp/orca-check. It starts (and stops again) Xvfb on the display
# unless one runs there already, then, inside one D-Bus session (dbus-run-session): the AT-SPI bus
# (at-spi-bus-launcher), openbox (a window manager, so that the app's window is activated and
# focus events flow as on a desktop: without one the window is never active and Orca hears no
# focus), Orca with a debug file, and the app with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 on xcb, in a
# fresh HOME. It walks, with xdotool keys:
#   1. the B-Tree diagram: Tab to the drawing, Right three times, Tab through the playback bar;
#   2. Lab > Redis Cluster: Tab through the page's controls;
#   3. Study > Quiz: Tab to the first answer, Space picks it, Tab to Check, Space: the verdict;
#   4. Study > Decision wizard: Tab to an answer, Space picks it, Tab on.
# Out: OUT_DIR/orca-debug.out (Orca's own log), OUT_DIR/transcript.txt (each "SPEECH OUTPUT" line,
# in order, under the key that caused it), and a screenshot per part (OUT_DIR/*.png).
#
# Orca speaks nothing aloud here: the "SPEECH OUTPUT" lines are what it sends to speech-dispatcher
# (logged whether or not a voice is installed). Orca speaks a second or two after a key: a line
# may sit under the next key in the transcript. An Alt+letter is now and then taken by the menu
# bar alone (Tab then walks the menus): the script retries a menu three times, and a walk that
# went astray shows as such in the transcript; run it again.
#
# Developer tools only, never needed to build or test (not in tools/setup.sh):
#   apt-get install --no-install-recommends orca speech-dispatcher openbox xdotool xvfb \
#       at-spi2-core imagemagick
set -u

# ---- inside the D-Bus session: this script calls itself with ORCA_CHECK_INSIDE=1 ----
if [ "${ORCA_CHECK_INSIDE:-}" = 1 ]; then
    out=$ORCA_CHECK_OUT
    debug=$out/orca-debug.out
    transcript=$out/transcript.txt
    : >"$transcript"
    seen=0
    # Appends what Orca spoke since the last call, under `$1` (what was done).
    # Orca is done when its log has been still for a second (at most 10 s).
    heard() {
        sleep "${2:-0.5}"
        local now before=-1
        for _ in $(seq 20); do
            now=$(wc -l <"$debug")
            [ "$now" = "$before" ] && break
            before=$now
            sleep 1
        done
        echo "== $1" >>"$transcript"
        sed -n "$((seen + 1)),${now}p" "$debug" | grep -o "SPEECH OUTPUT: '.*'" |
            sed "s/^SPEECH OUTPUT: /   /" >>"$transcript"
        seen=$now
    }
    key() { # key NAME [TIMES]: press and write down what was spoken after each press
        for _ in $(seq "${2:-1}"); do
            xdotool key --clearmodifiers "$1"
            heard "$1"
        done
    }
    shot() { import -window root "$out/$1.png"; }
    # menu LETTER ITEM WORD: opens a menu (Alt+LETTER) until Orca names an item with WORD (an
    # Alt press is sometimes lost, and Orca speaks a moment after), then picks ITEM by its
    # underlined letter.
    menu() {
        for _ in 1 2 3; do
            local from
            from=$(wc -l <"$debug")
            xdotool key --clearmodifiers "alt+$1"
            for _ in $(seq 12); do # Orca's log, not the transcript: it may speak seconds later
                sleep 0.5
                tail -n +"$from" "$debug" | grep -q "SPEECH OUTPUT: '$3" && break 2
            done
            key Escape
        done
        heard "alt+$1"
        key "$2"
    }

    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    bus=$!
    sleep 1
    openbox >"$out/openbox.log" 2>&1 &
    wm=$!
    rm -rf "$out/home" && mkdir -p "$out/home" "$out/orca-prefs"
    export HOME=$out/home
    orca -u "$out/orca-prefs" --debug-file "$debug" >"$out/orca.log" 2>&1 &
    orca=$!
    sleep 5
    QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 "$ORCA_CHECK_APP" -platform xcb --diagram btree \
        >"$out/app.log" 2>&1 &
    app=$!
    for _ in $(seq 30); do
        win=$(xdotool search --onlyvisible --name fieldguide 2>/dev/null | head -1)
        [ -n "$win" ] && break
        sleep 1
    done
    xdotool windowsize "$win" 1920 1050 windowmove "$win" 0 0 windowactivate "$win"
    heard "the app opens on the B-Tree diagram" 4

    # 1. The B-Tree diagram: Tab until the drawing has the focus, then step and tour the bar.
    for _ in $(seq 25); do
        key Tab
        sed -n '/^== /h;/^== /!H;${x;p}' "$transcript" | grep -qi "canvas" && break
    done
    key Right 3
    shot btree
    key Tab 9

    # 2. Lab > Redis Cluster: its controls, one Tab at a time.
    menu l r "PostgreSQL index"
    key Tab 14
    shot lab-redis

    # 3. Study > Quiz: the first answer, picked, then Check: the verdict.
    menu s q "Decision wizard"
    key Tab
    key space
    key Tab
    key space
    shot quiz

    # 4. Study > Decision wizard: to the first answer, picked: the next question.
    menu s w "Decision wizard"
    key Tab 3
    key space
    key Tab
    shot wizard

    kill "$app" "$orca" "$wm" "$bus" 2>/dev/null
    wait "$app" 2>/dev/null
    echo "orca-check: transcript in $transcript"
    exit 0
fi


build=build
display=94
out=/tmp/orca-check
while getopts "b:d:o:h" opt; do
    case $opt in
    b) build=$OPTARG ;;
    d) display=$OPTARG ;;
    o) out=$OPTARG ;;
    *)
        sed -n '2,25p' "$0"
        exit 2
        ;;
    esac
done
for tool in orca openbox xdotool Xvfb dbus-run-session import; do
    command -v "$tool" >/dev/null || {
        echo "orca-check: $tool is missing (see the apt-get line in this script's header)" >&2
        exit 2
    }
done
app=$(realpath "$build/app/fieldguide")
[ -x "$app" ] || {
    echo "orca-check: no app at $app: build first" >&2
    exit 2
}
mkdir -p "$out"
out=$(realpath "$out")

xvfb_pid=
if [ ! -e "/tmp/.X11-unix/X$display" ]; then
    Xvfb ":$display" -screen 0 1920x1080x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
    xvfb_pid=$!
    sleep 2
fi

# The walk, run inside the D-Bus session (this script calls itself with --inside).
if [ "${ORCA_CHECK_INSIDE:-}" != 1 ]; then
    ORCA_CHECK_INSIDE=1 DISPLAY=":$display" ORCA_CHECK_APP="$app" ORCA_CHECK_OUT="$out" \
        dbus-run-session -- bash "$0"
    status=$?
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid"
    exit $status
fi
