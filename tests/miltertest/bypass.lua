-- tests/miltertest/bypass.lua - bypass and the second hop over the milter
-- protocol: a bypassed relay message leaves the first pass with a verdict
-- token "a=bypass", and the second hop ({daemon_name} = amzmilter-hop),
-- whose client is 127.0.0.1, lets that very message through and removes
-- the token; without the token the second hop checks it.
--
-- Run: miltertest -s tests/miltertest/bypass.lua  with MT_SOCKET set.
-- Output: "RESULT ok LABEL" or "RESULT fail LABEL: why" per case.

local sock = os.getenv("MT_SOCKET")
local RELAY = "buyer1@marketplace.amazon.de"
local BODY = "Hello, please visit http://www.fabrikam-shop.example/ for more.\r\n"

-- pass - one transaction on a new connection; returns the connection after
-- end of message (the caller checks and disconnects) and the reply
local function pass(macros, from, headers)
	local conn = mt.connect(sock, 40, 0.25)
	if conn == nil then error("cannot connect to " .. sock) end
	mt.macro(conn, SMFIC_MAIL, "i", "BYPASSQ", table.unpack(macros))
	if mt.mailfrom(conn, "<" .. from .. ">") ~= nil then error("mailfrom") end
	mt.macro(conn, SMFIC_RCPT, "{rcpt_addr}", RELAY)
	if mt.rcptto(conn, "<" .. RELAY .. ">") ~= nil then error("rcptto") end
	if mt.data(conn) ~= nil then error("data") end
	if mt.getreply(conn) ~= SMFIR_CONTINUE then return conn, mt.getreply(conn), "data" end
	for _, h in ipairs(headers) do
		if mt.header(conn, h[1], h[2]) ~= nil then error("header") end
	end
	if mt.eoh(conn) ~= nil then error("eoh") end
	if mt.bodystring(conn, BODY) ~= nil then error("body") end
	if mt.eom(conn) ~= nil then error("eom") end
	return conn, mt.getreply(conn), "eom"
end

local function result(label, why)
	if why then mt.echo("RESULT fail " .. label .. ": " .. why) else mt.echo("RESULT ok " .. label) end
end

local function headers(token)
	local h = { { "From", "Shop <orders@shop.example>" }, { "To", RELAY },
	            { "Subject", "Your order 302-1234567-1234567" },
	            { "Message-ID", "<bypass.1@shop.example>" } }
	if token then h[#h + 1] = { "X-Amzmilter-Checked", token } end
	return h
end

mt.set_timeout(30)

-- 1. not bypassed: the link breaks a rule
local conn, r, at = pass({ "{client_addr}", "198.51.100.9" }, "orders@shop.example", headers())
result("a client outside bypass_networks is checked (reject)",
       (r ~= SMFIR_REPLYCODE and r ~= SMFIR_REJECT) and ("answered " .. tostring(r) .. " at " .. at) or nil)
mt.disconnect(conn)

-- 2. bypassed network: accepted with a token a=bypass
conn, r, at = pass({ "{client_addr}", "192.0.2.7" }, "orders@shop.example", headers())
local token = mt.getheader(conn, "X-Amzmilter-Checked", 0)
local why = nil
if r ~= SMFIR_CONTINUE and r ~= SMFIR_ACCEPT then why = "answered " .. tostring(r) .. " at " .. at
elseif token == nil or not token:find("a=bypass", 1, true) then why = "no token a=bypass: " .. tostring(token) end
result("a client in bypass_networks is accepted unchecked, with a token a=bypass", why)
mt.disconnect(conn)

-- 3. the second hop takes that token: accepted, token removed
if token then
	conn, r, at = pass({ "{daemon_name}", "amzmilter-hop", "{client_addr}", "127.0.0.1" },
	                   "orders@shop.example", headers(token))
	why = nil
	if r ~= SMFIR_CONTINUE and r ~= SMFIR_ACCEPT then why = "answered " .. tostring(r) .. " at " .. at
	elseif not mt.eom_check(conn, MT_HDRDELETE, "X-Amzmilter-Checked") then why = "token not removed" end
	result("the second hop lets the bypassed message through and removes the token", why)
	mt.disconnect(conn)
	-- 4. the token on an edited message: checked again
	conn, r, at = pass({ "{daemon_name}", "amzmilter-hop", "{client_addr}", "127.0.0.1" },
	                   "orders@shop.example", { { "From", "Shop <orders@shop.example>" }, { "To", RELAY },
	                   { "Subject", "edited" }, { "X-Amzmilter-Checked", token } })
	result("the bypass token on another message does not pass the second hop",
	       (r ~= SMFIR_REPLYCODE and r ~= SMFIR_REJECT) and ("answered " .. tostring(r)) or nil)
	mt.disconnect(conn)
else
	result("the second hop lets the bypassed message through and removes the token", "no token")
	result("the bypass token on another message does not pass the second hop", "no token")
end

-- 5. the second hop is never bypassed, even from a bypassed network
conn, r, at = pass({ "{daemon_name}", "amzmilter-hop", "{client_addr}", "192.0.2.7" },
                   "orders@shop.example", headers())
result("the second hop checks a message without a token, whatever its client",
       (r ~= SMFIR_REPLYCODE and r ~= SMFIR_REJECT) and ("answered " .. tostring(r) .. " at " .. at) or nil)
mt.disconnect(conn)

-- 6. SASL login bypass (glob)
conn, r, at = pass({ "{client_addr}", "198.51.100.9", "{auth_authen}", "helpdesk-eu" },
                   "orders@shop.example", headers())
token = mt.getheader(conn, "X-Amzmilter-Checked", 0)
why = nil
if r ~= SMFIR_CONTINUE and r ~= SMFIR_ACCEPT then why = "answered " .. tostring(r) .. " at " .. at
elseif token == nil or not token:find("a=bypass", 1, true) then why = "no token a=bypass" end
result("a SASL login in bypass_logins is accepted unchecked, with a token", why)
mt.disconnect(conn)

-- 7. another login is checked
conn, r, at = pass({ "{client_addr}", "198.51.100.9", "{auth_authen}", "mallory" },
                   "orders@shop.example", headers())
result("another SASL login is checked (reject)",
       (r ~= SMFIR_REPLYCODE and r ~= SMFIR_REJECT) and ("answered " .. tostring(r) .. " at " .. at) or nil)
mt.disconnect(conn)
