-- post.lua — wrk: POST the signed Stripe events of IN.<thread> (bench/
-- webhook/events.py) to /hooks/stripe, one each, then from the first
-- again (redeliveries: answered "duplicate").  Counts the answers: new
-- events stored (200 and not duplicate), duplicates, and others.
-- args: IN
-- The shared setup() and total() (bench/lib/threads.lua), found next to
-- this script whatever the working directory.
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*)/[^/]*/[^/]*$") ..
  "/lib/threads.lua")
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
  io.write(string.format("stored %d duplicate %d other %d\n",
    total("stored"), total("dup"), total("other")))
end
