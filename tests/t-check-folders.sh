#!/usr/bin/env bash
# tests/t-check-folders.sh - build/amzmilter-check on folders of mail, as
# an admin points it at a sink's folder, a maildir or an mbox: every
# message counts once, what is not mail (a sink's .env envelope files,
# notes) is skipped and named, an mbox counts message by message with
# mboxrd ">From " quoting undone, a maildir's tmp/ is not read.
. "$(dirname "$0")/lib.sh"

if [ ! -x "$BUILD/amzmilter-check" ]; then
	skip "amzmilter-check on folders" "$BUILD/amzmilter-check is not built"
	exit 0
fi
T=$(mktemp -d /tmp/amz-folders.XXXXXX)
trap 'rm -rf "$T"' EXIT
sed -E "s#^([a-z_]+ *= *)\.\./#\1$TOP/#" "$TOP/conf/amzmilter.conf" >"$T/amzmilter.conf"
G=$TOP/tests/golden
GOOD=$G/compliant-order-id.eml
BAD=$G/html-foreign-href.eml
check() { "$BUILD/amzmilter-check" -c "$T/amzmilter.conf" "$@"; }

# a sink's folder: NNNNNN.eml with NNNNNN.env, and a note
mkdir -p "$T/sink"
cp "$GOOD" "$T/sink/000001.eml"; printf 'from a@example.com\nrcpt b@marketplace.amazon.com\n' >"$T/sink/000001.env"
cp "$BAD" "$T/sink/000002.eml"; printf 'from a@example.com\nrcpt b@marketplace.amazon.com\n' >"$T/sink/000002.env"
echo "checked on Monday" >"$T/sink/notes.txt"
: >"$T/sink/empty"
out=$(check --stats "$T/sink" 2>"$T/err")
like "$(echo "$out" | head -1)" '^2 messages: 1 accept 1 reject$' "--stats on a sink's folder counts its two messages, not the .env files or the note"
like "$(cat "$T/err")" 'skipped 4 files that are not mail' "the skipped files are counted on stderr"
ok "the .env files are named" grep -q "000002.env" "$T/err"
ok "the note is named" grep -q "notes.txt" "$T/err"
ok "the empty file is named" grep -q "/empty$" "$T/err"
out=$(check --json "$T/sink" 2>/dev/null)
is "$(echo "$out" | wc -l)" 2 "--json on the folder prints one object per message"
out=$(check --json "$T/sink/notes.txt" 2>/dev/null)
is "$(echo "$out" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["file"])')" "$T/sink/notes.txt" \
	"a file named on the command line is checked whatever it looks like"

# an mbox of two messages, the second with a quoted ">From " body line
{
	printf 'From seller@example.com Mon Dec  7 10:00:00 2026\n'; cat "$GOOD"
	printf '\nFrom seller@example.com Mon Dec  7 10:00:01 2026\n'; cat "$BAD"
	printf '\nFrom seller@example.com Mon Dec  7 10:00:02 2026\nFrom: seller@example.com\nTo: 8xk2m4q7z1v9c3b@marketplace.amazon.com\n'
	printf 'Subject: Order 112-4455667-8899001\n\nHello,\n>From the warehouse: your order 112-4455667-8899001 left today.\n\n'
} >"$T/box.mbox"
out=$(check --stats "$T/box.mbox")
like "$(echo "$out" | head -1)" '^3 messages: 2 accept 1 reject$' "an mbox of three messages counts three"
out=$(check --json "$T/box.mbox")
is "$(echo "$out" | python3 -c 'import json,sys; print(" ".join(json.loads(l)["file"].rsplit(":",1)[1]+"="+json.loads(l)["action"] for l in sys.stdin))')" \
	"1=accept 2=reject 3=accept" "each mbox message is named FILE:N with its own verdict"
facts=$(check --facts "$T/box.mbox")
ok "mboxrd quoting is undone: the body reads 'From the warehouse'" grep -q '[^>]From the warehouse' <<<"$facts"
ok "the separator line is not part of the message" bash -c '! grep -q "Mon Dec  7 10:00:0" <<<"$1"' _ "$facts"
printf 'From seller@example.com Mon Dec  7 10:00:00 2026\nFrom: a@example.com\nSubject: one\n\nHello,\nFrom here on, a line that starts with From but follows no blank line.\n' >"$T/one.mbox"
out=$(check --stats "$T/one.mbox")
like "$(echo "$out" | head -1)" '^1 messages:' "a body line starting with From that follows text is not a separator"

# a maildir: cur/ and new/ count, tmp/ (deliveries in progress) does not; a Maildir++ folder does
mkdir -p "$T/md/cur" "$T/md/new" "$T/md/tmp" "$T/md/.Sent/cur" "$T/md/.Sent/new" "$T/md/.Sent/tmp"
cp "$GOOD" "$T/md/cur/1700000000.M1P1.host:2,S"
cp "$BAD" "$T/md/new/1700000001.M2P2.host"
cp "$BAD" "$T/md/tmp/1700000002.M3P3.host"
cp "$GOOD" "$T/md/.Sent/cur/1700000003.M4P4.host:2,S"
touch "$T/md/dovecot-uidlist"
out=$(check --stats "$T/md" 2>"$T/err")
like "$(echo "$out" | head -1)" '^3 messages: 2 accept 1 reject$' "a maildir: cur, new and the .Sent folder count, tmp does not"
ok "the maildir's index file is skipped and named" grep -q dovecot-uidlist "$T/err"

# a FIFO in a folder is not mail: skipped, not read (reading it would block)
mkfifo "$T/sink/pipe"
out=$(timeout 20 "$BUILD/amzmilter-check" -c "$T/amzmilter.conf" --stats "$T/sink" 2>"$T/err"); rc=$?
is "$rc" 1 "a folder holding a FIFO is checked without blocking (exit 1: one reject)"
ok "the FIFO is named as skipped" grep -q "/pipe$" "$T/err"
