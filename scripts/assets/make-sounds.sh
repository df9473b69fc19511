#!/usr/bin/env bash
# Synthesises the game's UI sounds into assets/audio/<name>.ogg and <name>.mp3 with SoX.
#
#   apt-get install -y sox libsox-fmt-all      (libsox-fmt-all brings the Vorbis and MP3 writers)
#   bash scripts/assets/make-sounds.sh
#
# Every sound is mono, 44.1 kHz, peak-normalised to about -3 dBFS, with a short fade in and out so
# it starts and ends on silence. Names: card choice up down danger ending timer click.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/assets/audio"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

command -v sox >/dev/null || { echo "sox is not installed (apt-get install -y sox libsox-fmt-all)" >&2; exit 1; }

RATE=44100
S=(-r "$RATE" -c 1 -b 16)

# note FILE FREQ DUR [ATTACK] [VOLUME] [TYPE]
# A soft bell-like note: the fundamental plus a quieter octave and twelfth, each with an exponential
# decay (a logarithmic fade over four times the note length, so the note rings but dies away), a
# quick rise and a short fade at the end.
note() {
  local file=$1 freq=$2 dur=$3 attack=${4:-0.006} vol=${5:-1} type=${6:-sine}
  local f2 f3 l1 l2 l3
  f2=$(awk -v f="$freq" 'BEGIN { printf "%.3f", f * 2 }')
  f3=$(awk -v f="$freq" 'BEGIN { printf "%.3f", f * 3 }')
  l1=$(awk -v d="$dur" 'BEGIN { printf "%.3f", d * 4 }')
  l2=$(awk -v d="$dur" 'BEGIN { printf "%.3f", d * 2.4 }')
  l3=$(awk -v d="$dur" 'BEGIN { printf "%.3f", d * 1.4 }')
  sox -n "${S[@]}" "$TMP/a.wav" synth "$l1" "$type" "$freq" fade l 0 "$l1" "$l1"
  sox -n "${S[@]}" "$TMP/b.wav" synth "$l2" sine "$f2" fade l 0 "$l2" "$l2"
  sox -n "${S[@]}" "$TMP/c.wav" synth "$l3" sine "$f3" fade l 0 "$l3" "$l3"
  sox -m -v 0.7 "$TMP/a.wav" -v 0.22 "$TMP/b.wav" -v 0.08 "$TMP/c.wav" "$TMP/n.wav"
  sox "$TMP/n.wav" "$file" trim 0 "$dur" fade q "$attack" -0 "$(awk -v d="$dur" 'BEGIN { print d * 0.3 }')" vol "$vol"
}

# delay IN OUT SECONDS: pad the start with silence
delay() { sox "$1" "$2" pad "$3"; }

# finish NAME WAV: normalise, fade the edges, write .ogg and .mp3
finish() {
  local name=$1 wav=$2
  sox "$wav" "${S[@]}" "$TMP/$name.final.wav" gain -n -3.2 fade q 0.004 -0 0.012
  rm -f "$OUT/$name.ogg" "$OUT/$name.mp3"
  sox "$TMP/$name.final.wav" -C 3 "$OUT/$name.ogg"
  sox "$TMP/$name.final.wav" -C 64.2 "$OUT/$name.mp3"
  echo "$name: $(soxi -D "$TMP/$name.final.wav")s"
}

# --- card: a soft paper whoosh that ends in a light tap --------------------------------------------
sox -n "${S[@]}" "$TMP/whoosh.wav" synth 0.26 pinknoise fade h 0.15 0.26 0.11 highpass 500 lowpass 4500 bandreject 3000 2000
sox -n "${S[@]}" "$TMP/tap.wav" synth 0.07 sine 180 fade q 0.002 0.07 0.065
delay "$TMP/tap.wav" "$TMP/tap_d.wav" 0.17
sox -m -v 0.9 "$TMP/whoosh.wav" -v 0.5 "$TMP/tap_d.wav" "$TMP/card.wav"
finish card "$TMP/card.wav"

# --- choice: a warm, short two-partial confirm ("tock-ding") ---------------------------------------
note "$TMP/c1.wav" 587.33 0.14 0.003 0.8 # D5
note "$TMP/c2.wav" 880.00 0.30 0.004 0.9 # A5
delay "$TMP/c2.wav" "$TMP/c2d.wav" 0.06
sox -m "$TMP/c1.wav" "$TMP/c2d.wav" "$TMP/choice.wav"
finish choice "$TMP/choice.wav"

# --- up: a rising two-note chime (C5 -> G5) --------------------------------------------------------
note "$TMP/u1.wav" 523.25 0.30
note "$TMP/u2.wav" 783.99 0.40
delay "$TMP/u2.wav" "$TMP/u2d.wav" 0.13
sox -m "$TMP/u1.wav" "$TMP/u2d.wav" "$TMP/up.wav"
finish up "$TMP/up.wav"

# --- down: a falling, softer two-note (A4 -> F4), rounder attack -----------------------------------
note "$TMP/d1.wav" 440.00 0.30 0.02 1 triangle
note "$TMP/d2.wav" 349.23 0.40 0.02 1 triangle
delay "$TMP/d2.wav" "$TMP/d2d.wav" 0.15
sox -m "$TMP/d1.wav" "$TMP/d2d.wav" "$TMP/down.wav" lowpass 2500
finish down "$TMP/down.wav"

# --- danger: two low, gentle pulses ----------------------------------------------------------------
sox -n "${S[@]}" "$TMP/p.wav" synth 0.2 sine 196 synth 0.2 sine mix 392 fade h 0.05 0.2 0.12
delay "$TMP/p.wav" "$TMP/p2.wav" 0.28
sox -m "$TMP/p.wav" "$TMP/p2.wav" "$TMP/danger.wav" lowpass 1200
finish danger "$TMP/danger.wav"

# --- ending: a short cadence C5 E5 G5 -> C6 with a soft chord under the last note (~1.5 s) ---------
note "$TMP/e1.wav" 523.25 0.45
note "$TMP/e2.wav" 659.25 0.45
note "$TMP/e3.wav" 783.99 0.50
note "$TMP/e4.wav" 1046.50 1.00
note "$TMP/e5.wav" 523.25 0.95 0.08 0.45
note "$TMP/e6.wav" 659.25 0.95 0.08 0.35
delay "$TMP/e2.wav" "$TMP/e2d.wav" 0.17
delay "$TMP/e3.wav" "$TMP/e3d.wav" 0.34
delay "$TMP/e4.wav" "$TMP/e4d.wav" 0.52
delay "$TMP/e5.wav" "$TMP/e5d.wav" 0.52
delay "$TMP/e6.wav" "$TMP/e6d.wav" 0.52
sox -m "$TMP/e1.wav" "$TMP/e2d.wav" "$TMP/e3d.wav" "$TMP/e4d.wav" "$TMP/e5d.wav" "$TMP/e6d.wav" "$TMP/ending.wav" trim 0 1.5
finish ending "$TMP/ending.wav"

# --- timer: a soft bell struck twice ("time is up") ------------------------------------------------
bell() { # FILE FREQ DUR: inharmonic partials of a small bell, each decaying at its own rate
  local file=$1 f=$2 d=$3
  local p=(1 2.0 2.76 5.40) v=(0.6 0.25 0.14 0.05) i
  for i in 0 1 2 3; do
    local fr len
    fr=$(awk -v f="$f" -v m="${p[$i]}" 'BEGIN { printf "%.3f", f * m }')
    len=$(awk -v d="$d" -v i="$i" 'BEGIN { printf "%.3f", d / (1 + i * 0.9) }')
    sox -n "${S[@]}" "$TMP/bp$i.wav" synth "$(awk -v l="$len" 'BEGIN { print l * 3 }')" sine "$fr" \
      fade l 0.004 -0 "$(awk -v l="$len" 'BEGIN { print l * 3 }')" trim 0 "$len" fade q 0 -0 "$(awk -v l="$len" 'BEGIN { print l * 0.4 }')" \
      vol "${v[$i]}" pad 0 "$(awk -v d="$d" -v l="$len" 'BEGIN { print d - l }')"
  done
  sox -m "$TMP/bp0.wav" "$TMP/bp1.wav" "$TMP/bp2.wav" "$TMP/bp3.wav" "$file"
}
bell "$TMP/t1.wav" 659.25 1.0
bell "$TMP/t2.wav" 659.25 1.2
delay "$TMP/t2.wav" "$TMP/t2d.wav" 0.45
sox -m "$TMP/t1.wav" "$TMP/t2d.wav" "$TMP/timer.wav"
finish timer "$TMP/timer.wav"

# --- click: a tiny focus tick -----------------------------------------------------------------------
sox -n "${S[@]}" "$TMP/k.wav" synth 0.045 sine 1760 synth 0.045 sine mix 2640 fade q 0.002 0.045 0.04 highpass 600
finish click "$TMP/k.wav"

ls -l "$OUT"
