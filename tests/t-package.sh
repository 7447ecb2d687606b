#!/usr/bin/env bash
# tests/t-package.sh - the Debian package that `make deb` leaves in $BUILD:
# lintian finds no error in it; installed with dpkg -i it puts every file,
# the user, the directories and the enabled unit in place and leaves
# /etc/postfix alone; the daemon, started as the installed unit starts it,
# checks mail through Debian's Postfix configured from the installed
# snippets (250 for a compliant message, 550 for a violation); an upgrade
# whose rules have a file renamed leaves no stale copy behind, keeps the
# admin's config and local rules, and the daemon starts again on them;
# purge removes what the install created.  Last, a `make install`
# installation moves to the package as the README says.
#
# Not part of `make test` (tests/run skips it unless asked by name):
# `make test-package` builds the package and runs it.
#
# The machine is never touched: everything after lintian runs chrooted into
# an overlay of / whose writes land in a tmpfs, in a mount, network and PID
# namespace of its own (so no process outlives it, and Postfix's ports are
# the namespace's own).  The upgrade is the same package repacked with
# dpkg-deb under a higher version, one rule file renamed.
. "$(dirname "$0")/lib.sh"
cd "$TOP"
PHASE=${AMZ_PKG_PHASE:-host}

# ---- on the host: lintian, the upgrade package, the namespace ---------------
if [ "$PHASE" = host ]; then
	if [ "$(id -u)" != 0 ]; then
		skip "the Debian package" "needs root (namespaces, dpkg)"
		exit 0
	fi
	for tool in unshare chroot dpkg-deb lintian postfix postconf swaks python3 ip md5sum; do
		command -v "$tool" >/dev/null || { skip "the Debian package" "$tool is not installed (make deb-deps)"; exit 0; }
	done
	DEB=$(ls "$BUILD"/amzmilter_*.deb 2>/dev/null | head -1)
	[ -n "$DEB" ] || { skip "the Debian package" "no $BUILD/amzmilter_*.deb: make test-package builds it"; exit 0; }
	S=$(mktemp -d /tmp/amz-pkg.XXXXXX)
	chmod 0755 "$S"
	trap 'rm -rf "$S"' EXIT
	diag "package: $DEB"

	lint=$(lintian "$DEB" 2>&1 | grep -v 'running with root privileges')
	is "$(printf '%s\n' "$lint" | grep '^E:')" "" "lintian reports no errors"
	[ -n "$lint" ] && diag "lintian: $(printf '%s\n' "$lint" | grep -c '^W:') warnings, $(printf '%s\n' "$lint" | grep -c '^I:') notes"

	cp "$DEB" "$S/pkg.deb"
	dpkg-deb -R "$DEB" "$S/up"
	ver=$(dpkg-deb -f "$DEB" Version)
	sed -i "s/^Version: .*/Version: $ver+t1/" "$S/up/DEBIAN/control"
	mv "$S/up/usr/share/amzmilter/rules/amazon/10-order.rules" "$S/up/usr/share/amzmilter/rules/amazon/11-order.rules"
	(cd "$S/up" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
	dpkg-deb --root-owner-group -b "$S/up" "$S/up.deb" >"$S/up.log" 2>&1
	ok "an upgrade ($ver+t1, rules/amazon/10-order.rules renamed to 11-order.rules) is packed" test -f "$S/up.deb"
	rm -rf "$S/up"

	echo "$_tap_n" >"$S/n"
	AMZ_PKG_PHASE=ns S=$S BUILD=$BUILD unshare --mount --net --pid --fork --propagation private bash "$0"
	rc=$?
	_tap_n=$(cat "$S/n")
	is "$(dpkg-query -W -f='${db:Status-Abbrev}' amzmilter 2>/dev/null)" "" "the machine's own dpkg database never saw the package"
	ok "the machine has no /usr/sbin/amzmilter" test ! -e /usr/sbin/amzmilter
	echo "1..$_tap_n"
	exit $rc
fi

# ---- in the namespace: the overlay root -------------------------------------
if [ "$PHASE" = ns ]; then
	R=$S/t/root
	mkdir -p "$S/t"
	mount -t tmpfs -o mode=0755 tmpfs "$S/t"
	mkdir -p "$S/t/up" "$S/t/work" "$R"
	if ! mount -t overlay overlay -o lowerdir=/,upperdir="$S/t/up",workdir="$S/t/work" "$R"; then
		_tap_n=$(cat "$S/n")
		ok "an overlay of / mounts (the install needs a root to write to)" false
		echo "$_tap_n" >"$S/n"
		exit 1
	fi
	mount -t proc proc "$R/proc"
	mount --rbind /dev "$R/dev"
	mount --rbind /sys "$R/sys"
	mount -t tmpfs -o mode=0755 tmpfs "$R/run"
	mount -t tmpfs -o mode=1777 tmpfs "$R/tmp"
	# the queue, fresh: the machine's Postfix may have mail in its own
	mount -t tmpfs -o mode=0755 tmpfs "$R/var/spool/postfix"
	mkdir -p "$R/var/lib/postfix" && mount -t tmpfs -o mode=0755 tmpfs "$R/var/lib/postfix"
	chown postfix:postfix "$R/var/lib/postfix"
	# the tree (wherever the clone is: under /tmp, hidden by the tmpfs
	# above, or on a mount of its own, which an overlay of / does not show)
	mkdir -p "$R$TOP" && mount --bind "$TOP" "$R$TOP"
	# the packages, the logs and the TAP count, shared with the host side
	mkdir -p "$R$S" && mount --bind "$S" "$R$S"
	chroot "$R" env AMZ_PKG_PHASE=chroot S="$S" BUILD="$BUILD" bash "$TOP/tests/t-package.sh"
	exit $?
fi

# ---- chrooted: install, run, upgrade, purge --------------------------------
_tap_n=$(cat "$S/n")
trap 'echo "$_tap_n" >"$S/n"' EXIT
export DEBIAN_FRONTEND=noninteractive
ip link set lo up
. tests/mta/stock-postfix.sh
SINK=$S/sink
SINK_PORT=2526
mkdir -p "$SINK"
postfix_sum() { find /etc/postfix -type f -print0 2>/dev/null | sort -z | xargs -0r md5sum | md5sum; }
# ran DESCRIPTION STATUS LOG - pass when STATUS is 0; else show LOG's end
ran() {
	ok "$1" test "$2" -eq 0
	[ "$2" -eq 0 ] || diag "$(tail -5 "$3")"
}
status() { dpkg-query -W -f='${db:Status-Abbrev}${Version}' amzmilter 2>/dev/null; }
GOOD_BODY="Hello, unfortunately the delivery of your order 112-4455667-8899001 is delayed by two days. We are sorry for the wait."

# install
before=$(postfix_sum)
dpkg -i "$S/pkg.deb" </dev/null >"$S/install.log" 2>&1
ran "dpkg -i installs the package" $? "$S/install.log"
like "$(status)" '^ii ' "dpkg says installed"
is "$(postfix_sum)" "$before" "the install leaves /etc/postfix as it was"
for p in amzmilter amzmilter-check amzmilter-orders; do
	ok "/usr/sbin/$p is installed" test -x "/usr/sbin/$p"
	is "$(ldd "/usr/sbin/$p" | grep -c 'not found')" 0 "$p finds every shared library"
done
like "$(/usr/sbin/amzmilter --version 2>&1)" "0\.[0-9]" "amzmilter --version runs"
is "$(diff -r -x local.d "$TOP/rules" /usr/share/amzmilter/rules 2>&1)" "" \
	"/usr/share/amzmilter/rules holds the tree's rules, lists and lexicons, and no local.d"
deps=$(dpkg-query -W -f='${Depends}' amzmilter)
for lib in libicu libstemmer libsqlite3 libhiredis libmagic1 libcld2; do
	like "$deps" "(^|, )$lib" "Depends names $lib (shlibs)"
done
conffiles=$(dpkg-query -W -f='${Conffiles}\n' amzmilter | awk '{print $1}' | sort | tr '\n' ' ')
is "$conffiles" "/etc/amzmilter/amzmilter.conf /etc/amzmilter/brands.d/example.conf.sample /etc/amzmilter/local.d/README /etc/amzmilter/local.d/example.rules.disabled /etc/logrotate.d/amzmilter " \
	"the conffiles are amzmilter.conf, the examples in brands.d and local.d and the logrotate snippet, not the shipped rules"
conf=/etc/amzmilter/amzmilter.conf
like "$(grep '^socket =' $conf)" '^socket = unix:/var/spool/postfix/amzmilter/amzmilter.sock$' "the config's socket is inside Postfix's queue directory"
like "$(grep '^rules =' $conf)" '^rules = /usr/share/amzmilter/rules$' "the config reads the packaged rules"
like "$(grep '^user =' $conf)" '^user = amzmilter$' "the config drops to the amzmilter user"
pw=$(getent passwd amzmilter)
like "$pw" '^amzmilter:' "the amzmilter user exists"
uid=$(printf '%s' "$pw" | cut -d: -f3)
ok "it is a system user (uid $uid)" test "${uid:-1000}" -lt 1000
like "$(printf '%s' "$pw" | cut -d: -f7)" 'nologin|/bin/false' "it has no login shell"
is "$(stat -c '%U:%G %a' /var/spool/amzmilter 2>&1)" "amzmilter:amzmilter 700" "/var/spool/amzmilter is the user's, 0700"
is "$(stat -c '%U:%G %a' /var/lib/amzmilter 2>&1)" "amzmilter:amzmilter 750" "/var/lib/amzmilter is the user's, 0750"
is "$(stat -c '%U:%G %a' /var/log/amzmilter 2>&1)" "amzmilter:adm 750" "/var/log/amzmilter is the user's, group adm, 0750"
is "$(stat -c '%U:%G %a' /var/spool/postfix/amzmilter 2>&1)" "amzmilter:postfix 750" "/var/spool/postfix/amzmilter is amzmilter:postfix, 0750"
UNIT=/lib/systemd/system/amzmilter.service
like "$(unit_key $UNIT ExecStart)" '^/usr/sbin/amzmilter ' "the unit is installed and runs /usr/sbin/amzmilter"
is "$(readlink /etc/systemd/system/multi-user.target.wants/amzmilter.service)" "$UNIT" "the unit is enabled"
if command -v systemd-analyze >/dev/null; then
	ok "systemd-analyze verify passes on the installed unit" systemd-analyze verify "$UNIT"
fi
NOTIFY=/lib/systemd/system/amzmilter-quarantine-notify
like "$(unit_key $NOTIFY.service ExecStart)" '^/usr/sbin/amzmilter-quarantine .* notify$' "the quarantine notice's unit runs /usr/sbin/amzmilter-quarantine notify"
ok "its timer is installed" test -f $NOTIFY.timer
ok "and not enabled until quarantine_notify is set" test ! -e /etc/systemd/system/timers.target.wants/amzmilter-quarantine-notify.timer
ok "amzmilter-quarantine is installed" test -x /usr/sbin/amzmilter-quarantine
like "$(grep '^quarantine_dir =' $conf)" '^quarantine_dir = /var/lib/amzmilter/quarantine$' "the config keeps quarantine records in /var/lib/amzmilter"
for f in main.cf.snippet master.cf.snippet amzmilter_transport; do
	ok "the Postfix $f is in /usr/share/doc/amzmilter/contrib/postfix, uncompressed" \
		cmp -s "$TOP/contrib/postfix/$f" "/usr/share/doc/amzmilter/contrib/postfix/$f"
done
ok "the Sendmail snippet too" cmp -s "$TOP/contrib/sendmail/amzmilter.mc" /usr/share/doc/amzmilter/contrib/sendmail/amzmilter.mc
for m in "$TOP"/contrib/*.[1-8]; do
	m=${m##*/}
	ok "the man page $m is installed" test -f "/usr/share/man/man${m##*.}/$m.gz"
done
ok "README.md is in /usr/share/doc/amzmilter" test -f /usr/share/doc/amzmilter/README.md.gz

# run: Postfix from the installed snippets, the daemon as the unit starts it
stock_postfix "$SINK_PORT" /var/log/mail.log
stock_paste /usr/share/doc/amzmilter/contrib/postfix
ok "postfix check passes with the installed snippets pasted" postfix check
for d in $(unit_key $UNIT RuntimeDirectory); do
	install -d -m "$(unit_key $UNIT RuntimeDirectoryMode | head -1)" "/run/$d"
done
pre=$(unit_key $UNIT ExecStartPre | head -1)
start=$(unit_key $UNIT ExecStart | head -1)
sock=$(sed -n 's/^socket *= *unix://p' $conf)
$pre >"$S/check.log" 2>&1
ok "the unit's ExecStartPre (amzmilter -n) passes" test $? -eq 0
stock_amzmilter "$start" "$sock" "$S/amzmilter.log"
ok "the daemon, started as the unit's ExecStart, serves $sock" test $? -eq 0
python3 tests/mta/sink.py "$SINK" "127.0.0.1:$SINK_PORT" >>"$S/sink.log" 2>&1 &
postfix start >/dev/null 2>&1
for _ in $(seq 100); do
	python3 -c 'import socket; socket.create_connection(("127.0.0.1", 25), 1)' 2>/dev/null && break
	sleep 0.1
done
# mail MARK: a compliant and a violating message; both replies right
mail() {
	local out
	out=$(stock_send "buyer-ok-$1@marketplace.amazon.com" "Order 112-4455667-8899001" "$GOOD_BODY")
	like "$out" '<- +250 .*queued as' "$1: compliant relay mail gets 250"
	ok "$1: and is delivered through the second hop" delivered_to "buyer-ok-$1@marketplace.amazon.com"
	out=$(stock_send "buyer-bad-$1@marketplace.amazon.com" "Your parcel" "Hello, your parcel has shipped.")
	like "$out" '<\*\* +550[- ]5\.7\.1' "$1: relay mail without an order ID gets 550 5.7.1"
	like "$out" 'ORDER_ID_MISSING' "$1: naming the rule"
}
mail installed

# upgrade: the admin's changes stay, the renamed rule file replaces the old
echo "# kept by the admin" >>$conf
echo 'list carrier_hosts += { track.mycarrier.example }' >/etc/amzmilter/local.d/site.rules
dpkg -i "$S/up.deb" </dev/null >"$S/upgrade.log" 2>&1
ran "dpkg -i upgrades the package" $? "$S/upgrade.log"
like "$(status)" '^ii .*\+t1$' "dpkg says the new version is installed"
ok "the renamed rule file is gone under its old name" test ! -e /usr/share/amzmilter/rules/amazon/10-order.rules
ok "and is there under its new one" test -f /usr/share/amzmilter/rules/amazon/11-order.rules
ok "the admin's change to amzmilter.conf is kept" grep -qx "# kept by the admin" $conf
ok "the admin's local.d/site.rules is kept" test -f /etc/amzmilter/local.d/site.rules
like "$(cat /var/lib/dpkg/info/amzmilter.postinst)" "_dh_action=restart" "under systemd the postinst restarts the service on upgrade"
$pre >"$S/check.log" 2>&1
ran "amzmilter -n passes on the upgraded rules (no rule defined twice)" $? "$S/check.log"
kill -TERM "$amz_pid"; wait "$amz_pid" 2>/dev/null
stock_amzmilter "$start" "$sock" "$S/amzmilter.log"
ok "the daemon starts again after the upgrade" test $? -eq 0
mail upgraded

# purge
kill -TERM "$amz_pid"; wait "$amz_pid" 2>/dev/null
postfix stop >/dev/null 2>&1
dpkg --purge amzmilter </dev/null >"$S/purge.log" 2>&1
ran "dpkg --purge removes the package" $? "$S/purge.log"
is "$(status)" "" "dpkg no longer knows it"
for p in /etc/amzmilter /var/spool/amzmilter /var/lib/amzmilter /var/spool/postfix/amzmilter \
	/var/log/amzmilter /etc/logrotate.d/amzmilter /usr/sbin/amzmilter /usr/share/amzmilter /usr/share/doc/amzmilter $UNIT \
	/etc/systemd/system/multi-user.target.wants/amzmilter.service; do
	ok "purge leaves no $p" test ! -e "$p" -a ! -L "$p"
done
ok "the amzmilter user stays (Debian policy: files elsewhere may be its own)" bash -c "getent passwd amzmilter >/dev/null"

# moving from `make install` to the package, as the README says
if [ -x "$BUILD/amzmilter" ] && [ -x "$BUILD/amzmilter-check" ] && [ -x "$BUILD/amzmilter-orders" ]; then
	make -s -o all install BUILD="$BUILD" >"$S/make-install.log" 2>&1
	ok "make install (PREFIX=/usr/local)" test $? -eq 0
	echo "# kept by the admin" >>$conf
	make -s uninstall >"$S/make-uninstall.log" 2>&1
	ok "make uninstall" test $? -eq 0
	ok "it removes the binaries" test ! -e /usr/local/sbin/amzmilter -a ! -e /usr/local/sbin/amzmilter-orders
	ok "and the shipped rules" test ! -e /usr/local/share/amzmilter
	ok "and the man pages" test ! -e /usr/local/share/man/man8/amzmilter.8
	ok "and keeps /etc/amzmilter" grep -qx "# kept by the admin" $conf
	dpkg -i --force-confold "$S/pkg.deb" </dev/null >"$S/install2.log" 2>&1
	ran "dpkg -i --force-confold installs over it without a question" $? "$S/install2.log"
	ok "the config is the admin's" grep -qx "# kept by the admin" $conf
	sed -i 's|^rules = /usr/local/share/amzmilter/rules$|rules = /usr/share/amzmilter/rules|' $conf
	$pre >"$S/check.log" 2>&1
	ran "with its rules line pointed at /usr/share/amzmilter, amzmilter -n passes" $? "$S/check.log"
	dpkg --purge amzmilter </dev/null >>"$S/purge.log" 2>&1
else
	skip "moving from make install" "$BUILD is not built"
fi
