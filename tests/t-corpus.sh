#!/usr/bin/env bash
# tests/t-corpus.sh - the labelled corpus (tests/corpus) against the shipped
# ruleset and conf/amzmilter.conf.
#
# One TAP line per message: the verdict's action and its set of rules must
# equal the line of tests/corpus/labels.tsv.  The checker takes every
# message to one recipient in one run.  Then: --stats counts each rule as
# often as the labels do, and SENDER_NOT_APPROVED (off in the shipped
# configuration, whose approved-sender list is empty) works on the From
# address once a local list names the sender.
source "$(dirname "$0")/lib.sh"
cd "$TOP"

CHECK="$BUILD/amzmilter-check"
CONF=conf/amzmilter.conf
CORPUS=tests/corpus
LABELS=$CORPUS/labels.tsv

if [ ! -x "$CHECK" ]; then
	skip "corpus" "$CHECK not built"
	echo "1..$_tap_n"
	exit 0
fi

tmp=$(mktemp -d /tmp/amz-corpus.XXXXXX)
source "$TOP/tests/mta/milter.sh"
trap 'milter_stop; rm -rf "$tmp"' EXIT

# summarise - JSON lines of amzmilter-check -> "file<TAB>action<TAB>rules"
summarise() {
	python3 -c '
import json, os, sys
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    o = json.loads(line)
    rules = sorted({h["rule"] for h in o["hits"]})
    print("%s\t%s\t%s" % (os.path.basename(o["file"]), o["action"], ",".join(rules) or "-"))
'
}

# --- every message, grouped by recipient ------------------------------------
: >"$tmp/got"
for rcpt in $(awk -F'\t' '!/^#/ { print $4 }' "$LABELS" | sort -u); do
	awk -F'\t' -v r="$rcpt" '!/^#/ && $4 == r { print "'"$CORPUS"'/messages/" $1 }' "$LABELS" >"$tmp/files"
	xargs -d '\n' "$CHECK" -c "$CONF" --json --rcpt "$rcpt" <"$tmp/files" 2>"$tmp/err" | summarise >>"$tmp/got"
	if [ -s "$tmp/err" ]; then
		diag "amzmilter-check --rcpt $rcpt said:"
		sed 's/^/#   /' "$tmp/err" | head -n 20
	fi
done

while IFS=$'\t' read -r file action rules rcpt; do
	case $file in '#'*|'') continue ;; esac
	got=$(awk -F'\t' -v f="$file" '$1 == f { print $2 " " $3 }' "$tmp/got")
	want="$action $rules"
	if [ "$got" != "$want" ]; then
		is "$got" "$want" "$file"
		# what fired, with the reply text, to see why
		"$CHECK" -c "$CONF" --rcpt "$rcpt" "$CORPUS/messages/$file" 2>&1 | sed 's/^/#   /' | head -n 30
	else
		is "$got" "$want" "$file"
	fi
done <"$LABELS"

# --- --stats: one count per rule ID, as often as the labels name it ----------
"$CHECK" -c "$CONF" --stats "$CORPUS/messages" >"$tmp/stats" 2>&1
n=$(awk -F'\t' '!/^#/' "$LABELS" | wc -l)
like "$(head -n 1 "$tmp/stats")" "^$n messages:" "--stats counts $n messages"
for id in $(awk -F'\t' '!/^#/ && $3 != "-" { gsub(",", "\n", $3); print $3 }' "$LABELS" | sort -u); do
	want=$(awk -F'\t' -v id="$id" '!/^#/ { n = split($3, a, ","); for (i = 1; i <= n; i++) if (a[i] == id) c++ } END { print c + 0 }' "$LABELS")
	got=$(awk -v id="$id" '$1 == id { print $2 }' "$tmp/stats")
	is "$got" "$want" "--stats: $id fired on $want messages"
done

# --- SENDER_NOT_APPROVED with an approved-sender list -------------------------
# Amazon judges the From: address; the envelope (a helpdesk's VERP return
# path) is compared only when SENDER_ENVELOPE_NOT_APPROVED is enabled.
mkdir -p "$tmp/local.d" "$tmp/spool"
sed -e "s|^rules *=.*|rules = $TOP/rules|" -e "s|^local_rules *=.*|local_rules = $tmp/local.d|" \
    -e "s|^spool *=.*|spool = $tmp/spool|" -e "s|^socket *=.*|socket = unix:$tmp/sock|" "$CONF" >"$tmp/amzmilter.conf"
echo 'list approved_senders += { @contoso-outdoor.example orders@fabrikam-haushalt.example }' >"$tmp/local.d/senders.rules"
sender_rules() {    # FROM-HEADER ENVELOPE FILE RCPT -> sorted rule IDs
	sed "1,/^\$/s|^From:.*|From: $1|" "$CORPUS/messages/$3" >"$tmp/from.eml"
	"$CHECK" -c "$tmp/amzmilter.conf" --json --from "$2" --rcpt "$4" "$tmp/from.eml" | summarise | cut -f3
}
lab() { awk -F'\t' -v p="$1" 'index($1, p) == 1 { print $1 "\t" $4; exit }' "$LABELS"; }
IFS=$'\t' read -r f1 r1 < <(lab 001-)
IFS=$'\t' read -r f2 r2 < <(lab 002-)
verp=bounces+a1b2c3d4@mailer.helpdesk.example
is "$(sender_rules 'Support <support@contoso-outdoor.example>' "$verp" "$f1" "$r1")" "-" "approved From domain, VERP envelope: SENDER_NOT_APPROVED stays quiet"
is "$(sender_rules 'help@eu.contoso-outdoor.example' "$verp" "$f1" "$r1")" "-" "From at a subdomain of an approved domain: quiet"
is "$(sender_rules '"Orders" <Orders@Fabrikam-Haushalt.example>' "$verp" "$f2" "$r2")" "-" "approved From address (any case): quiet"
is "$(sender_rules 'service@fabrikam-haushalt.example' orders@fabrikam-haushalt.example "$f2" "$r2")" "SENDER_NOT_APPROVED" "approved envelope, another From address at that domain: SENDER_NOT_APPROVED"
is "$(sender_rules 'Contoso <support@contoso-outdoor.example.evil.example>' support@contoso-outdoor.example "$f1" "$r1")" "SENDER_NOT_APPROVED" "look-alike From domain: SENDER_NOT_APPROVED"
is "$(sender_rules '"orders@fabrikam-haushalt.example" <x@evil.example>' orders@fabrikam-haushalt.example "$f2" "$r2")" "SENDER_NOT_APPROVED" "approved address only in the display name: SENDER_NOT_APPROVED"
reply=$("$CHECK" -c "$tmp/amzmilter.conf" --json --from orders@fabrikam-haushalt.example --rcpt "$r2" "$tmp/from.eml" |
	python3 -c 'import json,sys; print(" ".join(h["message"] for h in json.loads(sys.stdin.readline())["hits"] if h["rule"] == "SENDER_NOT_APPROVED"))')
like "$reply" 'x@evil.example' "the reply names the From address"
sed -i '1,/^$/{/^From:/d}' "$tmp/from.eml"
is "$("$CHECK" -c "$tmp/amzmilter.conf" --json --from orders@fabrikam-haushalt.example --rcpt "$r2" "$tmp/from.eml" | summarise | cut -f3)" \
	"SENDER_NOT_APPROVED" "no From header at all: SENDER_NOT_APPROVED"
{
	echo 'enable SENDER_ENVELOPE_NOT_APPROVED'
	echo 'rule LOCAL_CEO_ONLY_BY_HAND'
	echo '  describe "{value} writes to buyers by hand only."'
	echo '  match    from_address in { ceo@contoso-outdoor.example }'
	echo '  action   reject'
} >"$tmp/local.d/envelope.rules"
is "$(sender_rules 'support@contoso-outdoor.example' "$verp" "$f1" "$r1")" "SENDER_ENVELOPE_NOT_APPROVED" "envelope required too: a VERP envelope elsewhere is SENDER_ENVELOPE_NOT_APPROVED"
is "$(sender_rules 'support@contoso-outdoor.example' bounces+x@contoso-outdoor.example "$f1" "$r1")" "-" "envelope required too: an approved envelope domain is quiet"
is "$(sender_rules 'CEO <ceo@contoso-outdoor.example>' support@contoso-outdoor.example "$f1" "$r1")" "LOCAL_CEO_ONLY_BY_HAND" "a local rule tests the bare From address"
rm -f "$tmp/local.d/envelope.rules"

# --- the whole corpus through the milter protocol, on one connection --------
# The daemon must reach the checker's verdict with the body cut in random
# chunks; every message is one transaction.
if [ -x "$BUILD/amzmilter" ] && command -v miltertest >/dev/null; then
	milter_conf "$tmp/milter"
	if milter_start "$tmp/milter"; then
		plan=$tmp/plan
		: >"$plan"
		total=0
		while IFS=$'\t' read -r file action rules rcpt; do
			case $file in "#"*|"") continue ;; esac
			total=$((total + 1))
			{
				echo "message $file"
				echo "eml $TOP/$CORPUS/messages/$file"
				echo "from seller@example.com"
				echo "rcpt $rcpt"
				echo "chunk random $total"
				echo "expect $action"
				[ "$rules" != "-" ] && [ "$action" = tag ] && echo "rules ${rules//,/ }"
				echo "end"
			} >>"$plan"
		done <"$LABELS"
		out=$(MT_SOCKET=$MILTER_SPEC MT_PLAN=$plan miltertest -s "$TOP/tests/miltertest/message.lua" 2>&1)
		good=$(grep -c '^RESULT ok ' <<<"$out")
		is "$good" "$total" "milter protocol: all $total corpus messages get the labelled action"
		grep '^RESULT fail ' <<<"$out" | head -n 10 | sed 's/^/# /'
		ok "milter still running after the corpus" kill -0 "$MILTER_PID"
	else
		ok "amzmilter starts for the protocol run" false
	fi
else
	skip "corpus through the milter protocol" "amzmilter or miltertest missing"
fi

echo "1..$_tap_n"
