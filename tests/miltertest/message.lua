-- tests/miltertest/message.lua - drive a running amzmilter over the milter
-- protocol with real messages and check each outcome.
--
-- Run: miltertest -s tests/miltertest/message.lua   with, in the environment:
--   MT_SOCKET  the filter's socket (unix:/path or inet:PORT@127.0.0.1)
-- and either MT_PLAN, a file with one or more transactions sent one after the
-- other on ONE connection (format below), or one transaction given by
--   MT_EML MT_FROM MT_RCPTS MT_DATA MT_CHUNK MT_SEED MT_EXPECT MT_REPLY
--   MT_RULES MT_DELETED MT_LABEL
-- (MT_RCPTS: space-separated "addr" or "addr=EXPECTED-REPLY" words).
--
-- Plan file: one keyword per line, a transaction ends with "end":
--   message LABEL
--   eml PATH                        the message (.eml, LF or CRLF)
--   from ADDR                       envelope sender
--   rcpt ADDR [continue|replycode|reject|tempfail|accept]
--   data [continue|accept]          reply expected to DATA; "accept" ends
--                                   the transaction there (not checked)
--   chunk whole|byte|random [SEED]  how the body is cut into body chunks
--   expect accept|tag|quarantine|reject|tempfail|discard
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
				chunk = "whole", expect = "accept", data = "continue" }
		elseif cur == nil then
			return nil, "plan: '" .. key .. "' before 'message'"
		elseif key == "eml" then cur.eml = rest
		elseif key == "from" then cur.from = rest
		elseif key == "rcpt" then
			local w = words(rest)
			cur.rcpts[#cur.rcpts + 1] = { addr = w[1], expect = w[2] or "continue" }
		elseif key == "data" then cur.data = rest
		elseif key == "chunk" then
			local w = words(rest)
			cur.chunk, cur.seed = w[1], w[2]
		elseif key == "expect" then cur.expect = rest
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
	for _, w in ipairs(words(os.getenv("MT_RCPTS") or "buyer@marketplace.amazon.com")) do
		local addr, exp = w:match("^(.-)=(%a+)$")
		t.rcpts[#t.rcpts + 1] = { addr = addr or w, expect = exp or "continue" }
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
	mt.macro(conn, SMFIC_MAIL, "i", string.format("MT%06dQ", qid))
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
		if t.reply and stage ~= "eom" then
			return "answered at " .. stage .. " time: the reply text cannot be checked"
		end
		if t.reply then
			if got ~= SMFIR_REPLYCODE then return "no SMTP reply text, expected one" end
			local a, b, c = t.reply:match("^(%S+) (%S+) (.*)$")
			if not a or not mt.eom_check(conn, MT_SMTPREPLY, a, b, c) then
				return "SMTP reply differs from the expected " .. t.reply:gsub("\r\n", "|")
			end
		end
		for _, id in ipairs(t.rules) do
			if t.reply == nil or not t.reply:find(id, 1, true) then
				return "rule " .. id .. " not in the expected reply"
			end
		end
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

mt.set_timeout(30)
local okc, conn = pcall(mt.connect, sock, 40, 0.25)
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
if failed > 0 then error(failed .. " transaction(s) failed") end
