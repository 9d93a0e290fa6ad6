-- post.lua — wrk: POST the signed Stripe events of IN.<thread> (bench/
-- webhook/events.py) to /hooks/stripe, one each, then from the first
-- again (redeliveries: answered "duplicate").  Counts the answers: new
-- events stored (200 and not duplicate), duplicates, and others.
-- args: IN
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
function init(args)
  events = {}
  for line in io.lines(args[1] .. "." .. id) do
    local sig, body = line:match("^(%S+) (.*)$")
    events[#events + 1] = { sig, body }
  end
  n, stored, dup, other = 0, 0, 0, 0
end
function request()
  n = n + 1
  local e = events[(n - 1) % #events + 1]
  return wrk.format("POST", "/hooks/stripe", {
    ["Content-Type"] = "application/json; charset=utf-8",
    ["Stripe-Signature"] = e[1] }, e[2])
end
function response(status, headers, body)
  if status ~= 200 then
    other = other + 1
  elseif body:find('"duplicate"', 1, true) then
    dup = dup + 1
  else
    stored = stored + 1
  end
end
function done(summary, latency, requests)
  local s, d, o = 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + (t:get("stored") or 0)
    d = d + (t:get("dup") or 0)
    o = o + (t:get("other") or 0)
  end
  io.write(string.format("stored %d duplicate %d other %d\n", s, d, o))
end
