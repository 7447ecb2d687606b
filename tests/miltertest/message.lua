-- tests/miltertest/message.lua - drive a running amzmilter over the milter
-- protocol with real messages and check each outcome.
--
-- Run: miltertest -s tests/miltertest/message.lua   with, in the environment:
--   MT_SOCKET  the filter's socket (unix:/path or inet:PORT@127.0.0.1)
-- and either MT_PLAN, a file with one or more transactions sent one after the
-- other on ONE connection (format below), or one transaction given by
--   MT_EML MT_FROM MT_RCPTS MT_DATA MT_CHUNK MT_SEED MT_EXPECT MT_CODE
--   MT_REPLY MT_RULES MT_DELETED MT_LABEL
-- (MT_RCPTS: space-separated "addr" or "addr=EXPECTED-REPLY[:CODE[:XCODE]]"
-- words; MT_CODE: "CODE [XCODE]").
--
-- Plan file: one keyword per line, a transaction ends with "end":
--   message LABEL
--   eml PATH                        the message (.eml, LF or CRLF)
--   from ADDR                       envelope sender
--   macro NAME VALUE                a macro sent with MAIL FROM, like Postfix's
--                                   {client_addr} or {auth_authen}
--   rcpt ADDR [continue|replycode|reject|tempfail|accept] [CODE [XCODE]]
--   data [continue|accept]          reply expected to DATA; "accept" ends
--                                   the transaction there (not checked)
--   chunk whole|byte|random [SEED]  how the body is cut into body chunks
--   expect accept|tag|quarantine|reject|tempfail|discard
--   code CODE [XCODE]               the SMTP code (e.g. 552) and enhanced
--                                   status (5.3.4) of the reject/tempfail
--   reply TEXT                      the exact SMTP reply expected at end of
--                                   message; "\r\n" stands for a line break
--   rules ID...                     rule IDs expected in X-Amzmilter-Rules
--                                   (tag) or in the reply (reject)
--   deleted NAME                    header NAME must be removed (chgheader)
--   end
--
-- Output: one line per transaction, "RESULT ok LABEL" or
-- "RESULT fail LABEL: why"; tests/t-miltertest.sh and tests/t-golden.sh turn
-- them into TAP.  The exit status is 1 when any transaction failed.
--
-- Headers go to the filter as Postfix sends them: value without the leading
-- blank, folded lines joined with "\n"; the body goes with CRLF line ends.
--
-- Replies: "reject" and "tempfail" (of a message or a recipient) need the
-- filter's own SMTP reply (SMFIR_REPLYCODE; a plain SMFIR_REJECT/TEMPFAIL
-- means it set none, or one of the wrong class, which libmilter drops) whose
-- every line has a 5xx code for reject, 4xx for tempfail, and an enhanced
-- status of the same class; "code", "reply" and a rcpt CODE/XCODE pin it
-- down.  miltertest shows a reply's text only at end of message and only to
-- an exact comparison, so the connection goes through replytap.py (next to
-- this script), which logs the text of every SMFIR_REPLYCODE the filter
-- sends: replies at RCPT, header and body time are checked the same way.

local R = {
	[SMFIR_CONTINUE] = "continue", [SMFIR_ACCEPT] = "accept",
	[SMFIR_REJECT] = "reject", [SMFIR_TEMPFAIL] = "tempfail",
	[SMFIR_DISCARD] = "discard", [SMFIR_REPLYCODE] = "replycode",
}

-- reply_name - the name of a reply code, for messages
local function reply_name(code)
	return R[code] or string.format("'%s'", string.char(math.floor(code)))
end

local function unescape(s)
	return (s:gsub("\\r", "\r"):gsub("\\n", "\n"):gsub("\\t", "\t"))
end

local function words(s)
	local t = {}
	for w in (s or ""):gmatch("%S+") do t[#t + 1] = w end
	return t
end

-- read_file - whole file or nil, error
local function read_file(path)
	local f, err = io.open(path, "rb")
	if not f then return nil, err end
	local data = f:read("*a")
	f:close()
	return data
end

-- split_message - headers {name, value} in order, and the body with CRLF
local function split_message(raw)
	local text = raw:gsub("\r\n", "\n")
	local head, body = text:match("^(.-)\n\n(.*)$")
	if not head then head, body = text, "" end
	local headers = {}
	for line in (head .. "\n"):gmatch("(.-)\n") do
		if line:match("^[ \t]") and #headers > 0 then
			local h = headers[#headers]
			h.value = h.value .. "\n" .. line
		else
			local name, value = line:match("^([^:]+):[ \t]*(.*)$")
			if name then headers[#headers + 1] = { name = name, value = value } end
		end
	end
	return headers, (body:gsub("\n", "\r\n"))
end

-- chunks - the body cut as requested
local function chunks(body, mode, seed)
	local t = {}
	if mode == "byte" then
		for i = 1, #body do t[#t + 1] = body:sub(i, i) end
	elseif mode == "random" then
		math.randomseed(tonumber(seed) or 1)
		local i = 1
		while i <= #body do
			local n = math.random(1, 97)
			t[#t + 1] = body:sub(i, i + n - 1)
			i = i + n
		end
	else
		local i = 1
		while i <= #body do
			t[#t + 1] = body:sub(i, i + 65534)
			i = i + 65535
		end
	end
	return t
end

-- read_plan - transactions from a plan file
local function read_plan(path)
	local data, err = read_file(path)
	if not data then return nil, err end
	local plan, cur = {}, nil
	for line in data:gmatch("[^\n]+") do
		local key, rest = line:match("^%s*(%S+)%s*(.-)%s*$")
		if key == nil or key:sub(1, 1) == "#" then
			-- comment or blank
		elseif key == "message" then
			cur = { label = rest, from = "support@contoso-outdoor.example", rcpts = {}, rules = {}, deleted = {},
				macros = {}, chunk = "whole", expect = "accept", data = "continue" }
		elseif cur == nil then
			return nil, "plan: '" .. key .. "' before 'message'"
		elseif key == "eml" then cur.eml = rest
		elseif key == "from" then cur.from = rest
		elseif key == "macro" then
			local name, value = rest:match("^(%S+)%s+(.-)$")
			if not name then return nil, "plan: macro NAME VALUE" end
			cur.macros[#cur.macros + 1] = name
			cur.macros[#cur.macros + 1] = value
		elseif key == "rcpt" then
			local w = words(rest)
			cur.rcpts[#cur.rcpts + 1] = { addr = w[1], expect = w[2] or "continue", code = w[3], xcode = w[4] }
		elseif key == "data" then cur.data = rest
		elseif key == "chunk" then
			local w = words(rest)
			cur.chunk, cur.seed = w[1], w[2]
		elseif key == "expect" then cur.expect = rest
		elseif key == "code" then
			local w = words(rest)
			cur.code, cur.xcode = w[1], w[2]
		elseif key == "reply" then cur.reply = unescape(rest)
		elseif key == "rules" then cur.rules = words(rest)
		elseif key == "deleted" then cur.deleted[#cur.deleted + 1] = rest
		elseif key == "end" then plan[#plan + 1] = cur; cur = nil
		else return nil, "plan: unknown keyword '" .. key .. "'" end
	end
	if cur then plan[#plan + 1] = cur end
	return plan
end

-- env_plan - one transaction from MT_* variables
local function env_plan()
	local t = {
		label = os.getenv("MT_LABEL") or os.getenv("MT_EML") or "message",
		eml = os.getenv("MT_EML"), from = os.getenv("MT_FROM") or "seller@example.org",
		rcpts = {}, rules = words(os.getenv("MT_RULES")), deleted = words(os.getenv("MT_DELETED")),
		chunk = os.getenv("MT_CHUNK") or "whole", seed = os.getenv("MT_SEED"),
		expect = os.getenv("MT_EXPECT") or "accept", data = os.getenv("MT_DATA") or "continue",
	}
	local reply = os.getenv("MT_REPLY")
	if reply and reply ~= "" then t.reply = reply end
	local cw = words(os.getenv("MT_CODE"))
	t.code, t.xcode = cw[1], cw[2]
	for _, w in ipairs(words(os.getenv("MT_RCPTS") or "buyer@marketplace.amazon.com")) do
		local addr, exp, code, xcode = w:match("^(.-)=(%a+):?(%d*):?([%d.]*)$")
		t.rcpts[#t.rcpts + 1] = { addr = addr or w, expect = exp or "continue",
			code = code ~= "" and code or nil, xcode = xcode ~= "" and xcode or nil }
	end
	return { t }
end

local function bracket(a)
	if a:sub(1, 1) == "<" then return a end
	return "<" .. a .. ">"
end

local EXPECT_CODE = {
	continue = { [SMFIR_CONTINUE] = true },
	accept = { [SMFIR_ACCEPT] = true },
	replycode = { [SMFIR_REPLYCODE] = true },
	reject = { [SMFIR_REJECT] = true, [SMFIR_REPLYCODE] = true },
	tempfail = { [SMFIR_TEMPFAIL] = true, [SMFIR_REPLYCODE] = true },
}

-- The reply tap: replytap.py's pipe and directory, and how many replies of
-- its log were taken
local tap = { proc = nil, dir = nil, seen = 0 }

-- tap_start - run replytap.py in front of upstream; the socket to connect
-- to, or nil and why not
local function tap_start(upstream)
	local src = debug.getinfo(1, "S").source:gsub("^@", "")
	local here = src:match("^(.*/)") or "./"
	local f = io.popen("exec python3 '" .. here .. "replytap.py' '" .. upstream .. "'", "r")
	if f == nil then return nil, "cannot run " .. here .. "replytap.py" end
	local dir = f:read("*l")
	if dir == nil or dir == "" then
		f:close()
		return nil, "replytap.py did not start"
	end
	tap.proc, tap.dir = f, dir
	return "unix:" .. dir .. "/tap.sock"
end

-- tap_take - the text of the newest SMTP reply the filter sent since the
-- last call (lines joined by "\r\n"), or nil when it sent none
local function tap_take()
	local f = io.open(tap.dir .. "/replies", "rb")
	if f == nil then return nil end
	local all = {}
	for line in f:lines() do
		local text = line:match("^y (.*)$")
		if text then
			all[#all + 1] = (text:gsub("\\(.)", { r = "\r", n = "\n", ["\\"] = "\\" }))
		end
	end
	f:close()
	if #all <= tap.seen then return nil end
	tap.seen = #all
	return all[#all]
end

local function oneline(s)
	return (s:gsub("\r\n", "|"))
end

-- check_reply - nil when the reply that ended a step (got) is the filter's
-- own SMTP reply of the class of want ("reject": 5xx and 5.x.x on every
-- line, "tempfail": 4xx and 4.x.x) and, where given, with exactly the code,
-- enhanced status, whole text and rule IDs asked for; else why not.  The
-- text comes from the tap; at end of message miltertest must have received
-- the same (mt.eom_check MT_SMTPREPLY).
local function check_reply(conn, got, want, code, xcode, reply, rules, where)
	local class = want == "reject" and "5" or "4"
	if got ~= SMFIR_REPLYCODE then
		return where .. " answered plain " .. reply_name(got) .. ", without an SMTP reply of the filter's"
			.. " own (none set, or one of the wrong class, which libmilter drops)"
	end
	local text = tap_take()
	if text == nil then return where .. ": the reply tap saw no SMTP reply" end
	local lines = {}
	for l in (text .. "\r\n"):gmatch("(.-)\r\n") do lines[#lines + 1] = l end
	local first_code, first_x
	for i, l in ipairs(lines) do
		local c, sep, x = l:match("^(%d%d%d)([ -])(%d+%.%d+%.%d+) ")
		if c == nil then
			return where .. ": reply line " .. i .. " has no code and enhanced status: " .. oneline(text)
		end
		first_code, first_x = first_code or c, first_x or x
		if c:sub(1, 1) ~= class or x:sub(1, 1) ~= class then
			return string.format("%s: %s reply %s %s, expected %sxx %s.x.x: %s", where, want, c, x,
				class, class, oneline(text))
		end
		if c ~= first_code or x ~= first_x then
			return where .. ": reply lines differ in code: " .. oneline(text)
		end
		if sep ~= (i == #lines and " " or "-") then
			return where .. ": reply line " .. i .. " has the wrong separator after the code: " .. oneline(text)
		end
	end
	if code and first_code ~= code then
		return string.format("%s: reply code %s, expected %s: %s", where, first_code, code, oneline(text))
	end
	if xcode and first_x ~= xcode then
		return string.format("%s: enhanced status %s, expected %s: %s", where, first_x, xcode, oneline(text))
	end
	if reply and text ~= reply then
		return where .. ": SMTP reply " .. oneline(text) .. " differs from the expected " .. oneline(reply)
	end
	for _, id in ipairs(rules or {}) do
		if not text:find(id, 1, true) then
			return where .. ": rule " .. id .. " not in the reply " .. oneline(text)
		end
	end
	if where == "eom" then
		local a, b, c = text:match("^(%S+) (%S+) (.*)$")
		if not a or not mt.eom_check(conn, MT_SMTPREPLY, a, b, c) then
			return "eom: miltertest did not receive the reply the tap saw: " .. oneline(text)
		end
	end
	return nil
end

-- send_content - headers, body chunks and end of message; returns the reply
-- that ended the message and the stage that gave it ("header", "body", "eom"),
-- or nil and why the protocol failed.  A filter may answer before the end of
-- the message (e.g. a size limit); the MTA then stops sending.
local function send_content(conn, headers, body, t)
	local got
	for _, h in ipairs(headers) do
		if #h.name + #h.value + 2 > 1000 then
			return nil, "header " .. h.name .. " too long for miltertest (1 KB buffer)"
		end
		if mt.header(conn, h.name, h.value) ~= nil then return nil, "mt.header() failed" end
		got = mt.getreply(conn)
		if got ~= SMFIR_CONTINUE then return got, "header" end
	end
	if mt.eoh(conn) ~= nil then return nil, "mt.eoh() failed" end
	got = mt.getreply(conn)
	if got ~= SMFIR_CONTINUE then return got, "header" end
	for _, c in ipairs(chunks(body, t.chunk, t.seed)) do
		if mt.bodystring(conn, c) ~= nil then return nil, "mt.bodystring() failed" end
		got = mt.getreply(conn)
		if got ~= SMFIR_CONTINUE then return got, "body" end
	end
	if mt.eom(conn) ~= nil then return nil, "mt.eom() failed" end
	return mt.getreply(conn), "eom"
end

local qid = 0

-- run - one transaction on conn; nil when it went as expected, else why not
local function run(conn, t)
	t.open = false
	local raw, err = read_file(t.eml or "")
	if not raw then return "cannot read message: " .. tostring(err) end
	local headers, body = split_message(raw)

	qid = qid + 1
	-- one packet per stage: a second one would replace the first
	mt.macro(conn, SMFIC_MAIL, "i", string.format("MT%06dQ", qid), (table.unpack or unpack)(t.macros or {}))
	if mt.mailfrom(conn, bracket(t.from)) ~= nil then return "mt.mailfrom() failed" end
	t.open = true
	if mt.getreply(conn) ~= SMFIR_CONTINUE then
		return "MAIL FROM answered " .. reply_name(mt.getreply(conn))
	end
	local accepted = 0
	for _, r in ipairs(t.rcpts) do
		mt.macro(conn, SMFIC_RCPT, "i", string.format("MT%06dQ", qid))
		if mt.rcptto(conn, bracket(r.addr)) ~= nil then return "mt.rcptto() failed" end
		local got = mt.getreply(conn)
		local want = EXPECT_CODE[r.expect]
		if want == nil then return "bad rcpt expectation " .. r.expect end
		if not want[got] then
			return string.format("RCPT %s answered %s, expected %s", r.addr, reply_name(got), r.expect)
		end
		local class = r.expect
		if class == "replycode" and r.code then
			class = r.code:sub(1, 1) == "5" and "reject" or "tempfail"
		end
		if class == "reject" or class == "tempfail" then
			local why = check_reply(conn, got, class, r.code, r.xcode, nil, nil, "RCPT " .. r.addr)
			if why then return why end
		end
		if got == SMFIR_CONTINUE or got == SMFIR_ACCEPT then accepted = accepted + 1 end
	end
	if accepted == 0 then
		t.open = false
		return nil
	end

	if mt.data(conn) ~= nil then return "mt.data() failed" end
	local got = mt.getreply(conn)
	if t.data == "accept" then
		if got ~= SMFIR_ACCEPT then
			return "DATA answered " .. reply_name(got) .. ", expected accept"
		end
		t.open = false
		return nil
	elseif got ~= SMFIR_CONTINUE then
		return "DATA answered " .. reply_name(got) .. ", expected continue"
	end

	local stage
	got, stage = send_content(conn, headers, body, t)
	if got == nil then return stage end
	-- after an early reply the MTA aborts the transaction
	if stage ~= "eom" then mt.abort(conn) end
	t.open = false

	local e = t.expect
	if e == "accept" or e == "tag" or e == "quarantine" then
		if stage ~= "eom" or (got ~= SMFIR_CONTINUE and got ~= SMFIR_ACCEPT) then
			return stage .. " answered " .. reply_name(got) .. ", expected " .. e
		end
		local q = mt.eom_check(conn, MT_QUARANTINE)
		if e == "quarantine" and not q then return "not quarantined" end
		if e ~= "quarantine" and q then return "quarantined, expected " .. e end
		if e == "tag" then
			local rules = mt.getheader(conn, "X-Amzmilter-Rules", 0)
			if not mt.eom_check(conn, MT_HDRADD, "X-Amzmilter-Verdict")
			   and not mt.eom_check(conn, MT_HDRINSERT, "X-Amzmilter-Verdict") then
				return "no X-Amzmilter-Verdict header added"
			end
			for _, id in ipairs(t.rules) do
				if rules == nil or not rules:find(id, 1, true) then
					return "X-Amzmilter-Rules (" .. tostring(rules) .. ") lacks " .. id
				end
			end
		end
	elseif e == "reject" or e == "tempfail" then
		if not EXPECT_CODE[e][got] then
			return stage .. " answered " .. reply_name(got) .. ", expected " .. e
		end
		local why = check_reply(conn, got, e, t.code, t.xcode, t.reply, t.rules, stage)
		if why then return why end
	elseif e == "discard" then
		if got ~= SMFIR_DISCARD then
			return stage .. " answered " .. reply_name(got) .. ", expected discard"
		end
	else
		return "bad expectation " .. tostring(e)
	end
	for _, name in ipairs(t.deleted) do
		if not mt.eom_check(conn, MT_HDRDELETE, name) then
			return "header " .. name .. " not removed"
		end
	end
	return nil
end

local sock = os.getenv("MT_SOCKET")
if sock == nil or sock == "" then
	mt.echo("RESULT fail setup: MT_SOCKET is not set")
	error("MT_SOCKET is not set")
end
local plan, err
if os.getenv("MT_PLAN") then plan, err = read_plan(os.getenv("MT_PLAN")) else plan = env_plan() end
if not plan then
	mt.echo("RESULT fail setup: " .. tostring(err))
	error(err)
end

local tapsock, terr = tap_start(sock)
if tapsock == nil then
	mt.echo("RESULT fail setup: " .. tostring(terr))
	error(terr)
end

mt.set_timeout(30)
local okc, conn = pcall(mt.connect, tapsock, 40, 0.25)
if not okc or conn == nil then
	mt.echo("RESULT fail setup: cannot connect to " .. sock)
	error("connect")
end
-- the filter may have asked not to see CONNECT and HELO (SMFIP_NO*)
if not mt.test_option(conn, SMFIP_NOCONNECT) then
	local okc2, e = pcall(mt.conninfo, conn, "client.test.invalid", "127.0.0.1")
	if not okc2 or e ~= nil or mt.getreply(conn) ~= SMFIR_CONTINUE then
		mt.echo("RESULT fail setup: connection information not accepted: " .. tostring(e))
		error("conninfo")
	end
end
if not mt.test_option(conn, SMFIP_NOHELO) then
	local okh, e = pcall(mt.helo, conn, "client.test.invalid")
	if not okh or e ~= nil then
		mt.echo("RESULT fail setup: mt.helo() failed: " .. tostring(e))
		error("helo")
	end
end

local failed = 0
for _, t in ipairs(plan) do
	local okr, why = pcall(run, conn, t)
	if not okr then why = "error: " .. tostring(why) end
	if why then
		failed = failed + 1
		mt.echo("RESULT fail " .. t.label .. ": " .. why)
		-- leave the filter ready for the next transaction
		if t.open then mt.abort(conn) end
	else
		mt.echo("RESULT ok " .. t.label)
	end
end
mt.disconnect(conn)
tap.proc:close()    -- replytap.py ends with the connection and removes its directory
if failed > 0 then error(failed .. " transaction(s) failed") end
