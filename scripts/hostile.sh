#!/usr/bin/env bash
# The worst case of each class of hostile input (issue 16), with the time
# and peak memory (largest process of the run, child processes included)
# of `vitae` on it. Usage: scripts/hostile.sh [path/to/vitae]
#
# Each case is built in a fresh temporary folder. Nothing here needs the
# network or root.
set -uo pipefail
VITAE=$(realpath "${1:-target/release/vitae}")
REPO=$(pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

PROFILE='[basics]
name = "Ada Quill"
'

# measure NAME COMMAND...: runs the command in $WORK/NAME, prints one row.
measure() {
  local name=$1; shift
  local log="$WORK/$name.time"
  ( cd "$WORK/$name" && /usr/bin/time -o "$log" -f "%e %M" "$@" >/dev/null 2>"$WORK/$name.err" )
  local code=$?
  read -r seconds kb < <(tail -n 1 "$log") || { seconds=?; kb=0; }
  printf '| %-34s | %4s | %7s s | %6d MiB |\n' "$name" "$code" "$seconds" $((kb / 1024))
}

case_dir() { mkdir -p "$WORK/$1"; cd "$WORK/$1" || exit 1; }

echo '| case                               | exit |    time |   peak RSS |'
echo '|------------------------------------|------|---------|------------|'

case_dir 01-discovery
mkdir cvs && printf '%s' "$PROFILE" >cvs/me.toml
ln -s /proc/self/environ cvs/environ.toml; ln -s /dev/zero cvs/zero.toml; mkfifo cvs/pipe.toml
measure 01-discovery "$VITAE" render cvs --timeout 5

case_dir 02-layout-toml
mkdir lay && printf '#set document(title: [T])\nHi\n' >lay/main.typ && ln -s /dev/zero lay/layout.toml
printf '%s' "$PROFILE" >me.toml
measure 02-layout-toml "$VITAE" render me.toml --layout ./lay

case_dir 03-profile-layout
mkdir -p cv outside && printf '#panic("ran")\n' >outside/main.typ
printf 'layout = "../outside"\n%s' "$PROFILE" >cv/me.toml
measure 03-profile-layout "$VITAE" render cv/me.toml

case_dir 04-output-escape
mkdir -p cv away && ln -s "$WORK/04-output-escape/away" cv/out
printf 'output = "out/me.pdf"\n%s' "$PROFILE" >cv/me.toml
measure 04-output-escape "$VITAE" render cv/me.toml

case_dir 05-same-output
printf '%s\n[[variants]]\nname = "a"\noutput = "x.pdf"\n\n[[variants]]\nname = "b"\noutput = "x.pdf"\n' "$PROFILE" >me.toml
measure 05-same-output "$VITAE" render me.toml --all-variants -j 2

case_dir 06-bare-name-photo
"$VITAE" render "$REPO/profiles/sam-export.toml" -o shot.pdf -f png --ppi 20 >/dev/null 2>&1 || true
printf '%sphoto = "shot-1.png"\n' "$PROFILE" >me.toml
measure 06-bare-name-photo "$VITAE" render me.toml

for pattern in '[' '**a ' '_a ' '[a]('; do
  name="07-markup-$(printf '%s' "$pattern" | od -An -tx1 | tr -d ' \n')"
  case_dir "$name"
  python3 -c "import sys; p=sys.argv[1]; print('[basics]\nname = \"A\"\nsummary = \"\"\"' + p * ((1000000 - 60) // len(p)) + '\"\"\"')" "$pattern" >me.toml
  measure "$name" "$VITAE" render me.toml --timeout 30
done

case_dir 08-ten-thousand-warnings
python3 -c "print('''$PROFILE''' + '[[variants]]\nname = \"v\"\ninclude = [' + ', '.join(f'\"t{i}\"' for i in range(10000)) + ']')" >me.toml
measure 08-ten-thousand-warnings "$VITAE" render me.toml --variant v

case_dir 09-pixel-bomb
python3 -c "
import struct, zlib, sys
def chunk(kind, data): return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
raw = zlib.compress(b'\0' * (90000 * 4 + 1) * 10, 9)
sys.stdout.buffer.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 90000, 90000, 8, 6, 0, 0, 0)) + chunk(b'IDAT', raw) + chunk(b'IEND', b''))
" >bomb.png
printf '%sphoto = "bomb.png"\n' "$PROFILE" >me.toml
measure 09-pixel-bomb "$VITAE" render me.toml

case_dir 10-runaway-layouts
mkdir hog spin pages
printf '#let a = ()\n#for i in range(1000000000) { a.push(str(i) * 100) }\n' >hog/main.typ
printf '#let x = 0\n#for i in range(100000) { for j in range(100000) { x += 1 } }\n' >spin/main.typ
printf '#set document(title: [T])\n#for i in range(200000) [#i #pagebreak()]\n' >pages/main.typ
for i in $(seq -w 1 60); do printf '[basics]\nname = "Person %s"\n' "$i" >"p$i.toml"; done
for i in 10 20; do printf 'layout = "./hog"\n%s' "$PROFILE" >"p$i.toml"; done
printf 'layout = "./spin"\n%s' "$PROFILE" >p30.toml
printf 'layout = "./pages"\n%s' "$PROFILE" >p40.toml
measure 10-runaway-layouts "$VITAE" render . -j 2 --timeout 3 -f png --ppi 20

case_dir 12-yaml-bomb
python3 -c "
lines = ['cv:', '  name: Ada', '  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
lines += [f'  a{i}: &a{i} [' + ', '.join([f'*a{i-1}'] * 9) + ']' for i in range(1, 9)]
print('\n'.join(lines))" >bomb.yaml
measure 12-yaml-bomb "$VITAE" import bomb.yaml

case_dir 13-terminal-escapes
printf 'locale = "en\\u001b[2J\\u001b[Hall good"\n%s' "$PROFILE" >me.toml
measure 13-terminal-escapes "$VITAE" render me.toml --color never
if grep -q $'\x1b' "$WORK/13-terminal-escapes.err"; then echo "  13: an escape reached the terminal"; fi

case_dir 16-megabyte-of-bullets
python3 -c "print('''$PROFILE''' + '[[work]]\nname = \"A\"\nhighlights = [' + ','.join(['\"x\"'] * 261000) + ']')" >me.toml
measure 16-megabyte-of-bullets "$VITAE" render me.toml
