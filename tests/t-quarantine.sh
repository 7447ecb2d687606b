#!/usr/bin/env bash
# tests/t-quarantine.sh - the quarantine you can see, through a private
# Postfix with both hops of contrib/postfix (the second one on a free port,
# unchrooted) and a sink:
#   a violating message is held and amzmilter keeps a record (0750 / 0640);
#   amzmilter-quarantine list and show give its rule and reason; a user who
#   cannot read the records is refused; notify mails a notice (no body of
#   the held mail) once; release delivers it through the second hop with
#   "X-Amzmilter-Verdict: released (quarantine)" and no token; delete drops
#   it and its record; prune; the verdict header of a tagged message has its
#   space; with add_headers = internal nothing X-Amzmilter-* reaches the sink.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/postfix.sh"
. "$TOP/tests/mta/milter.sh"

pf_suite "quarantine through Postfix's two hops" quarantine postfix postconf postqueue postsuper postcat swaks python3
[ -x "$BUILD/amzmilter-quarantine" ] || { skip "quarantine" "$BUILD/amzmilter-quarantine is not built"; exit 0; }
HOP_PORT=$(free_port)
RELAY=q7k2m4q7z1v9c3b@marketplace.amazon.com
ADMIN=postmaster@admin.example
FROM=support@contoso-outdoor.example
Q=$T/quarantine

mkdir -p "$T/milter"
milter_conf "$T/milter" second_hop=amzmilter-hop "quarantine_dir=$Q" "quarantine_notify=$ADMIN"
cat >"$T/milter/local.d/test.rules" <<'EOF'
rule TEST_QUARANTINE
  describe "Held for review (test rule)."
  match subject =~ /\[hold-me\]/
  action quarantine

override LINK_NOT_HTTPS
  action tag
EOF
milter_start "$T/milter" || { is "not running" "running" "amzmilter starts"; exit 0; }
pf_setup "$T/pf" "$SMTP_PORT" "$SINK_PORT" "$MILTER_SPEC" || exit 1
# the shipped second hop, as it is but for its port, the socket and chroot
sed -n '/^amzmilter-hop /,/^$/p' "$TOP/contrib/postfix/master.cf.snippet" |
	sed -e "s/^127\.0\.0\.1:10027 /127.0.0.1:$HOP_PORT /" -e 's/^\([^ #][^ ]* \+[a-z]\+ \+[-ny] \+[-ny] \+\)y /\1n /' \
	    -e "s|unix:amzmilter/amzmilter.sock|$MILTER_SPEC|" >>"$PF/etc/master.cf"
sed "s/10027/$HOP_PORT/" "$TOP/contrib/postfix/amzmilter_transport" >"$PF/etc/amzmilter_transport"
pf_conf "transport_maps = regexp:$PF/etc/amzmilter_transport" "milter_default_action = accept"
sink_start "$T/sink" "$SINK_PORT" || { is "no sink" "sink" "sink starts"; exit 0; }
pf_start || { is "$(tail -n 5 "$(pf_log)" "$PF/log/setup.log" 2>/dev/null)" "" "private Postfix starts"; exit 0; }
ok "the second hop runs unchrooted on its own port" grep -q "^127.0.0.1:$HOP_PORT inet  n       -       n " "$PF/etc/master.cf"

AQ() { "$BUILD/amzmilter-quarantine" -c "$T/milter/amzmilter.conf" -C "$PF/etc" "$@"; }
N=0
# send SUBJECT BODY - one message to the relay address; sets MID
send() {
	N=$((N + 1))
	MID="<q$N.$$@contoso-outdoor.example>"
	OUT=$(swaks --server "127.0.0.1:$SMTP_PORT" --from "$FROM" --to "$RELAY" \
		--header "Subject: $1" --header "Message-Id: $MID" --body "$2" 2>&1)
}
# qid_of - the queue ID Postfix gave the last message (its 250 reply)
qid_of() { printf '%s\n' "$OUT" | sed -n 's/.*250 2\.0\.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' | tail -1; }
# wait_held N - until the hold queue has N messages (10 s)
wait_held() {
	local i
	for i in $(seq 100); do [ "$(pf_hold_count)" -eq "$1" ] && return 0; sleep 0.1; done
	return 1
}

# 1. a tagged message: its verdict header has its space, the token is gone
send "Order 302-1234567-1234567" "Return here: http://www.amazon.com/gp/css/returns"
f=$(sink_delivered_id "$MID")
ok "tag: delivered through both hops" test -n "$f"
is "$(tr -d '\r' <"$f" | grep -i '^X-Amzmilter-Verdict')" "X-Amzmilter-Verdict: tag" "tag: 'X-Amzmilter-Verdict: tag', with its space"
like "$(tr -d '\r' <"$f" | grep -i '^X-Amzmilter-Rules')" '^X-Amzmilter-Rules: LINK_NOT_HTTPS' "tag: 'X-Amzmilter-Rules: LINK_NOT_HTTPS'"
ok "tag: no verdict token left" bash -c "! grep -qi '^X-Amzmilter-Checked' '$f'"

# 2. held: the hold queue and amzmilter's record
send "[hold-me] Order 302-1234567-1234567" "Order 302-1234567-1234567 ships today. SECRET-BODY-TEXT"
QID=$(qid_of)
ok "held: accepted ($QID) and in the hold queue" wait_held 1
ok "held: a record named by the queue ID" test -f "$Q/$QID"
is "$(stat -c %a "$Q")" 750 "held: the record directory is 0750"
is "$(stat -c %a "$Q/$QID")" 640 "held: the record is 0640"
like "$(cat "$Q/$QID")" "rules=.*TEST_QUARANTINE" "held: the record names the rule"
like "$(cat "$Q/$QID")" "message_id=$MID" "held: and the Message-ID"
ok "held: and not a word of the body" bash -c "! grep -q SECRET-BODY-TEXT '$Q/$QID'"

out=$(AQ list); rc=$?
is "$rc" 0 "list: exit 0"
like "$out" "^$QID  held  [0-9]+m  from=<$FROM> to=<$RELAY>" "list: the held message, its sender and recipient"
like "$out" "rules: +.*TEST_QUARANTINE" "list: its rule"
like "$out" "reason: +TEST_QUARANTINE: Held for review \(test rule\)\." "list: its reason"
like "$out" 'subject: \[hold-me\] Order' "list: its subject"
out=$(AQ show "$QID")
like "$out" "message-id: $MID" "show: the record"
like "$out" "X-Amzmilter-Verdict: quarantine" "show: the headers as held (postcat), with the verdict"

# 3. who may read the records
out=$(runuser -u nobody -- "$BUILD/amzmilter-quarantine" -c "$T/milter/amzmilter.conf" -C "$PF/etc" list 2>&1); rc=$?
is "$rc" 2 "a user who cannot read the records: exit 2"
like "$out" "cannot read the quarantine records: .*Permission denied.*personal data" "and told why"

# 4. notify: one notice per new held message, once
n=$(sink_count)
out=$(AQ notify); rc=$?
is "$rc" 0 "notify: exit 0"
like "$out" "1 held message notified to $ADMIN" "notify: says what it sent"
ok "notify: the notice arrives" sink_wait $((n + 1)) 15
nf=$(grep -l "^rcpt $ADMIN" "$SINK_DIR"/*.env 2>/dev/null | head -1)
ok "notify: addressed to quarantine_notify" test -n "$nf"
nf=${nf%.env}.eml
like "$(cat "$nf" 2>/dev/null)" "$QID +held" "notify: names the queue ID"
like "$(cat "$nf" 2>/dev/null)" "TEST_QUARANTINE: Held for review" "notify: and the reason"
like "$(cat "$nf" 2>/dev/null)" "amzmilter-quarantine release QID" "notify: and how to release"
ok "notify: no body of the held mail" bash -c "! grep -q SECRET-BODY-TEXT '$nf'"
out=$(AQ notify)
is "$out" "" "notify again: nothing new, nothing sent"

# 5. release: delivered through the second hop, marked released
out=$(AQ release "$QID"); rc=$?
is "$rc" 0 "release: exit 0"
f=$(sink_delivered_id "$MID")
ok "release: the message is delivered" test -n "$f"
is "$(tr -d '\r' <"$f" | grep -i '^X-Amzmilter-Verdict')" "X-Amzmilter-Verdict: released (quarantine)" "release: its verdict header says released"
like "$(tr -d '\r' <"$f" | grep -i '^X-Amzmilter-Rules')" "TEST_QUARANTINE" "release: the rules header stays"
ok "release: no verdict token left" bash -c "! grep -qi '^X-Amzmilter-Checked' '$f'"
like "$(cat "$MILTER_DIR/milter.log")" "checked-before=quarantine \(second hop, verdict token\)" "release: the second hop let it out on its token"
is "$(pf_hold_count)" 0 "release: the hold queue is empty"
out=$(AQ list)
like "$out" "^$QID  released" "list: the record, marked released"
like "$out" "released: .* by root" "list: by whom"
out=$(AQ release "$QID" 2>&1); rc=$?
is "$rc" 1 "release of a message no longer held: exit 1"
like "$out" "$QID: not in the hold queue" "and says so"

# 6. delete: gone from the hold queue, the record and the list
send "[hold-me] Order 302-1234567-1234567" "Order 302-1234567-1234567 ships today."
Q2=$(qid_of)
ok "delete: a second message held" wait_held 1
out=$(AQ delete "$Q2"); rc=$?
is "$rc" 0 "delete: exit 0"
is "$(pf_hold_count)" 0 "delete: gone from the hold queue"
ok "delete: its record removed" test ! -e "$Q/$Q2"
is "$(AQ list | grep -c "^$Q2 ")" 0 "delete: not in the list"
sleep 1
ok "delete: never delivered" test -z "$(grep -lF -- "$MID" "$SINK_DIR"/*.eml 2>/dev/null)"

# 7. a held message without a record is listed, marked
send "[hold-me] Order 302-1234567-1234567" "Order 302-1234567-1234567 ships today."
Q3=$(qid_of)
wait_held 1
rm -f "$Q/$Q3"
like "$(AQ list)" "^$Q3  held, no record" "a held message without a record is listed, marked"

# 8. prune: the records of messages no longer held
out=$(AQ prune)
like "$out" "^1 records" "prune: removes the released message's record"
ok "prune: that record is gone" test ! -e "$Q/$QID"
AQ delete "$Q3" >/dev/null

# 9. add_headers = internal: nothing X-Amzmilter-* leaves
echo "add_headers = internal" >>"$MILTER_DIR/amzmilter.conf"
mark=$(milter_log_size)
milter_hup
milter_wait_log "$mark" "reloaded" 10
send "Order 302-1234567-1234567" "Return here: http://www.amazon.com/gp/css/returns"
f=$(sink_delivered_id "$MID")
ok "internal: a tagged message is delivered" test -n "$f"
ok "internal: without any X-Amzmilter header" bash -c "! grep -qi '^X-Amzmilter-' '$f'"
send "[hold-me] Order 302-1234567-1234567" "Order 302-1234567-1234567 ships today."
Q4=$(qid_of)
ok "internal: a held message" wait_held 1
like "$(AQ show "$Q4")" "X-Amzmilter-Verdict: quarantine" "internal: carries the verdict while held (local use)"
AQ release "$Q4" >/dev/null
f=$(sink_delivered_id "$MID")
ok "internal: released, it is delivered" test -n "$f"
ok "internal: without any X-Amzmilter header" bash -c "! grep -qi '^X-Amzmilter-' '$f'"

echo "1..$_tap_n"
