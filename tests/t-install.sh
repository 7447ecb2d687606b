#!/usr/bin/env bash
# t-install.sh - `make install` into a DESTDIR: binaries, rules, man pages,
# and a config with system paths and a dedicated user.
source "$(dirname "$0")/lib.sh"
cd "$TOP"
D=$(mktemp -d /tmp/amz-install.XXXXXX)
trap 'rm -rf "$D"' EXIT

make -s install BUILD="$BUILD" DESTDIR="$D" PREFIX=/usr >"$D.log" 2>&1
ok "make install succeeds" test $? -eq 0
ok "the daemon is installed" test -x "$D/usr/sbin/amzmilter"
ok "the checker is installed" test -x "$D/usr/sbin/amzmilter-check"
ok "the order tool is installed" test -x "$D/usr/sbin/amzmilter-orders"
ok "... and its man page" test -f "$D/usr/share/man/man8/amzmilter-orders.8"
ok "the shipped rules are installed" test -f "$D/usr/share/amzmilter/rules/amazon/10-order.rules"
ok "the rule lists are installed" test -f "$D/usr/share/amzmilter/rules/lists/carrier-hosts.list"
ok "local overrides are not installed with the shipped rules" test ! -e "$D/usr/share/amzmilter/rules/local.d"
ok "the local override directory exists" test -d "$D/etc/amzmilter/local.d"
ok "the man pages are installed" test -f "$D/usr/share/man/man8/amzmilter.8"
conf=$D/etc/amzmilter/amzmilter.conf
like "$(grep '^user' "$conf")" '^user = amzmilter$' "the installed config names the amzmilter user"
like "$(grep '^rules' "$conf")" '^rules = /usr/share/amzmilter/rules$' "the installed config points at the installed rules"
like "$(grep '^local_rules' "$conf")" '^local_rules = /etc/amzmilter/local.d$' "the installed config points at /etc/amzmilter/local.d"
if getent group postfix >/dev/null; then
	like "$(grep '^socket =' "$conf")" '^socket = unix:/var/spool/postfix/amzmilter/amzmilter.sock$' \
		"with Postfix, the installed config puts the socket inside Postfix's chroot"
else
	like "$(grep '^socket =' "$conf")" '^socket = unix:/run/amzmilter/amzmilter.sock$' "without Postfix, the socket is under /run"
fi
like "$(grep '^spool' "$conf")" '^spool = /var/spool/amzmilter$' "the installed config uses /var/spool/amzmilter"
if getent group postfix >/dev/null; then
	like "$(grep 'socket_group' "$conf")" '^socket_group = postfix$' "with a postfix group, the socket is given to it"
fi
like "$(grep '^mode' "$conf")" '^mode = enforce$' "the installed config enforces"

# The installed config, pointed back into DESTDIR, loads every rule.
sed -e "s|^rules = |rules = $D|" -e "s|^local_rules = |local_rules = $D|" "$conf" > "$D/check.conf"
# (read as root: the amzmilter user exists only after an install without DESTDIR)
out=$("$D/usr/sbin/amzmilter" -n -u root -c "$D/check.conf" 2>&1)
like "$out" "OK, [0-9]+ rules" "the installed config and rules pass -n"
if ! getent passwd amzmilter >/dev/null; then
	out=$("$D/usr/sbin/amzmilter" -n -c "$D/check.conf" 2>&1)
	like "$out" "user amzmilter: no such user" "-n names a configured user that does not exist"
fi

# A second install keeps the admin's edited config.
echo "# edited by the admin" >> "$conf"
make -s install BUILD="$BUILD" DESTDIR="$D" PREFIX=/usr >>"$D.log" 2>&1
ok "a reinstall keeps an existing config" grep -q "edited by the admin" "$conf"
rm -f "$D.log"
