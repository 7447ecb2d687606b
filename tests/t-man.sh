#!/usr/bin/env bash
# t-man.sh - the man pages: they format without a warning, amzmilter.conf(5)
# documents every key of the key table (milter/core/conf.c) with its type,
# default and choices, amzmilter-rules(5) every target (milter/rules/
# target.c) and placeholder, its local-file example loads, every program
# answers -V and --version, and `make install` puts each page in its
# section.  The names come from the C tables, so a key or target added
# without its documentation fails here.
source "$(dirname "$0")/lib.sh"
cd "$TOP"
T=$(mktemp -d /tmp/amz-man.XXXXXX)
trap 'rm -rf "$T" "$T.log"' EXIT
VERSION=$(sed -n 's/^VERSION *:= *//p' Makefile)
CONF5=contrib/amzmilter.conf.5
RULES5=contrib/amzmilter-rules.5

# 1. every page formats cleanly, as man(1) shows it and under groff's
# strictest warnings
for page in contrib/*.[1-8]; do
	warn=$( { MANWIDTH=80 man --warnings -l -Tutf8 "$page" >/dev/null; groff -ww -man -z "$page"; } 2>&1)
	is "$warn" "" "$(basename "$page") formats without a warning"
done

# entries PAGE - the names a page documents: the word after ".B"/".BI"
# on the line that follows a ".TP"
entries() {
	awk 'prev == ".TP" && $1 ~ /^\.B[IR]?$/ { print $2 } { prev = $0 }' "$1"
}

# rendered PAGE - the page as plain text, one paragraph a line, no
# justification spaces
rendered() {
	groff -man -Tascii -rLL=2000n -P-cbou "$1" 2>/dev/null | tr -s ' \t' ' '
}

# 2. amzmilter.conf(5): every key, with its type, default and choices
python3 - milter/core/conf.c >"$T/keys" <<'EOF'
import re, sys
src = open(sys.argv[1]).read()
table = re.search(r'static const KeyDef keys\[\] = \{(.*?)\n\};', src, re.S).group(1)
cstr = r'"(?:[^"\\]|\\.)*"'
for m in re.finditer(r'\{\s*"([^"]+)",\s*(K_\w+),\s*(NULL|%s)\s*,\s*[^,]+,\s*[^,]+,\s*(NULL|%s)\s*\}' % (cstr, cstr), table):
    name, kind, default, choices = m.groups()
    unq = lambda s: '' if s == 'NULL' else re.sub(r'\\(.)', r'\1', s[1:-1])
    print('\t'.join([name, kind, unq(default) or '-', unq(choices) or '-']))
EOF
nkeys=$(wc -l <"$T/keys")
ok "the key table of conf.c is read ($nkeys keys)" test "$nkeys" -ge 40
entries "$CONF5" | grep -E '^[a-z][a-z0-9_]*$' | sort -u >"$T/documented-keys"
rendered "$CONF5" >"$T/conf5.txt"
while IFS=$'\t' read -r key kind def choices; do
	if ! grep -qxF "$key" "$T/documented-keys"; then
		ok "amzmilter.conf(5) documents $key" false
		continue
	fi
	# the entry's first two lines: the tag and "(type; default ...)"
	head=$(grep -m1 -A1 -E "^ $key( \(|\$)" "$T/conf5.txt" | tr '\n' ' ')
	case $kind in
	K_STR) type=string ;; K_PATH) type=path ;; K_SIZE) type=size ;; K_UINT) type=number ;;
	K_MODE) type=mode ;; K_BOOL) type=boolean ;; K_ENUM) type=choice ;; K_DURATION) type=duration ;;
	K_NETS) type=networks ;; K_NAMES) type=names ;; K_LISTEN) type=address ;;
	K_DEST) type=destination ;;
	*) type=$kind ;;
	esac
	why=""
	[[ $head == *"($type"* ]] || why="$why type $type;"
	if [ "$def" = - ]; then
		[[ $head == *"no default"* || $head == *"default: the value of"* ]] || why="$why no default;"
	else
		[[ $head == *"default $def"* ]] || why="$why default $def;"
	fi
	if [ "$choices" != - ]; then
		for c in $choices; do
			[[ " $head " =~ [^a-z0-9_]$c[^a-z0-9_] ]] || why="$why choice $c;"
		done
	fi
	is "$why" "" "amzmilter.conf(5) documents $key"
done <"$T/keys"
cut -f1 "$T/keys" | sort >"$T/table-keys"
is "$(comm -23 "$T/documented-keys" "$T/table-keys" | tr '\n' ' ')" "" \
	"amzmilter.conf(5) documents no key the table lacks"

# 3. amzmilter-rules(5): every target and placeholder the compiler knows
sed -n '/^static const TargetDef targets\[\] = {/,/^};/p' milter/rules/target.c |
	sed -n 's/^[[:space:]]*{ *"\([^"]*\)", *TG_.*/\1/p' | sed 's/^header\.$/header./' >"$T/targets"
ntargets=$(wc -l <"$T/targets")
ok "the target table of target.c is read ($ntargets targets)" test "$ntargets" -ge 60
entries "$RULES5" | sort -u >"$T/documented-targets"
while read -r target; do
	ok "amzmilter-rules(5) documents the target $target" grep -qxF "$target" "$T/documented-targets"
done <"$T/targets"
grep -o '\[PH_[A-Z]*\] = "[a-z]*"' milter/rules/target.c | sed 's/.*"\(.*\)"/\1/' | grep . >"$T/placeholders"
ok "the placeholders of target.c are read" test "$(wc -l <"$T/placeholders")" -ge 10
rendered "$RULES5" >"$T/rules5.txt"
while read -r ph; do
	ok "amzmilter-rules(5) documents {$ph}" grep -qF "{$ph}" "$T/rules5.txt"
done <"$T/placeholders"

# 4. the local file of amzmilter-rules(5)'s EXAMPLES loads as written,
# with its lexicon entry
example() {   # example "HEADING TEXT" - the .RS/.RE block after it, unescaped
	awk -v h="$1" 'index($0, h) { on = 1; next }
		on && $0 == ".RS" { in_rs = 1; next }
		on && in_rs && $0 == ".RE" { exit }
		in_rs { print }' "$RULES5" | sed -e 's/\\e/\\/g' -e 's/\\-/-/g'
}
mkdir -p "$T/local/lexicon/en"
example "A local file," >"$T/local/50-site.rules"
example "local.d/lexicon/en/number_label.words" >"$T/local/lexicon/en/number_label.words"
ok "the local-file example has rules" grep -q '^override PROMOTION' "$T/local/50-site.rules"
ok "the lexicon example has an entry" grep -q '^acme warranty desk' "$T/local/lexicon/en/number_label.words"
sed -e "s|^rules *=.*|rules = $TOP/rules|" -e "s|^local_rules *=.*|local_rules = $T/local|" \
	-e "s|^spool *=.*|spool = $T/spool|" -e "s|^socket *=.*|socket = unix:$T/sock|" \
	conf/amzmilter.conf >"$T/amzmilter.conf"
out=$("$BUILD/amzmilter" -n -c "$T/amzmilter.conf" 2>&1)
rc=$?
ok "the local-file example of amzmilter-rules(5) loads" test $rc -eq 0
[ $rc -eq 0 ] || printf '%s\n' "$out" | sed 's/^/# /'

# 5. -V and --version on every program `make all` builds: "PROGRAM
# VERSION", exit 0
progs=$(sed -n 's/^all: //p' Makefile | tr ' ' '\n' | sed -n 's|^\$(BUILD)/||p')
ok "the programs are read from the Makefile ($(echo $progs))" test "$(echo "$progs" | wc -w)" -ge 4
for prog in $progs; do
	for opt in -V --version; do
		out=$("$BUILD/$prog" "$opt" 2>&1)
		rc=$?
		like "$out rc=$rc" "^$prog $VERSION( \(.*\))? rc=0\$" "$prog $opt prints the version and exits 0"
	done
	ok "$prog(8) documents -V" grep -qE '^\.BR? .*\\-V' "contrib/$prog.8"
done

# 6. make install puts every page into its section
make -s install BUILD="$BUILD" DESTDIR="$T/root" PREFIX=/usr >"$T.log" 2>&1
ok "make install succeeds" test $? -eq 0
for page in contrib/*.[1-8]; do
	name=$(basename "$page")
	ok "$name is installed in man${name##*.}" test -f "$T/root/usr/share/man/man${name##*.}/$name"
done
ok "man finds amzmilter.conf(5) in the installed tree" \
	bash -c "MANPATH='$T/root/usr/share/man' man -w 5 amzmilter.conf | grep -q '/man5/amzmilter.conf.5'"
