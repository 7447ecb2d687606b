#!/usr/bin/env bash
# t-install.sh - `make install` into a DESTDIR: binaries, rules, man pages,
# and a config with system paths and a dedicated user; a reinstall replaces
# the shipped rules whole and leaves /etc/amzmilter alone; `make uninstall`
# removes what install installed, with PURGE=1 the config too.
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
ok "with local.d's README" cmp -s rules/local.d/README "$D/etc/amzmilter/local.d/README"
ok "and the example override" cmp -s rules/local.d/example.rules.disabled "$D/etc/amzmilter/local.d/example.rules.disabled"
ok "the example brand file is in brands.d" cmp -s conf/brands.d/example.conf.sample "$D/etc/amzmilter/brands.d/example.conf.sample"
ok "the man pages are installed" test -f "$D/usr/share/man/man8/amzmilter.8"
ok "the logrotate snippet is installed" cmp -s contrib/logrotate/amzmilter "$D/etc/logrotate.d/amzmilter"
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
echo "# edited by the admin" >> "$D/etc/logrotate.d/amzmilter"
make -s install BUILD="$BUILD" DESTDIR="$D" PREFIX=/usr >>"$D.log" 2>&1
ok "a reinstall keeps an existing config" grep -q "edited by the admin" "$conf"
ok "a reinstall keeps an existing logrotate snippet" grep -q "edited by the admin" "$D/etc/logrotate.d/amzmilter"

# A file renamed upstream: the copy under its old name is what a reinstall
# used to leave behind, and every rule in it was then defined twice.
R=$D/usr/share/amzmilter/rules
cp "$R/amazon/10-order.rules" "$R/amazon/09-order-old-name.rules"
echo 'list carrier_hosts += { track.mycarrier.example }' >"$D/etc/amzmilter/local.d/site.rules"
echo "# edited by the admin" >>"$D/etc/amzmilter/local.d/README"
make -s install BUILD="$BUILD" DESTDIR="$D" PREFIX=/usr >>"$D.log" 2>&1
ok "a reinstall removes a shipped rule file the tree no longer has" test ! -e "$R/amazon/09-order-old-name.rules"
ok "and keeps the rest" test -f "$R/amazon/10-order.rules"
ok "leaves no temporary copy of the rules" test ! -e "$D/usr/share/amzmilter/rules.new"
out=$("$D/usr/sbin/amzmilter" -n -u root -c "$D/check.conf" 2>&1)
like "$out" "OK, [0-9]+ rules" "the reinstalled rules pass -n"
ok "a reinstall keeps the admin's local.d files" test -f "$D/etc/amzmilter/local.d/site.rules"
ok "and the admin's edit of local.d's README" grep -q "edited by the admin" "$D/etc/amzmilter/local.d/README"

make -s uninstall DESTDIR="$D" PREFIX=/usr >>"$D.log" 2>&1
ok "make uninstall succeeds" test $? -eq 0
ok "it removes the programs" test ! -e "$D/usr/sbin/amzmilter" -a ! -e "$D/usr/sbin/amzmilter-check" -a ! -e "$D/usr/sbin/amzmilter-orders"
ok "the shipped rules" test ! -e "$D/usr/share/amzmilter"
ok "the man pages" test -z "$(find "$D/usr/share/man" -type f)"
ok "and keeps the config" grep -q "edited by the admin" "$conf"
ok "and local.d" test -f "$D/etc/amzmilter/local.d/site.rules"
ok "and the logrotate snippet" test -f "$D/etc/logrotate.d/amzmilter"
make -s uninstall PURGE=1 DESTDIR="$D" PREFIX=/usr >>"$D.log" 2>&1
ok "make uninstall PURGE=1 removes /etc/amzmilter too" test ! -e "$D/etc/amzmilter"
ok "... and the logrotate snippet" test ! -e "$D/etc/logrotate.d/amzmilter"
rm -f "$D.log"
