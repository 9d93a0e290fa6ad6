-- place.lua — wrk: POST /checkout (place the order) once per prepared
-- cart of IN.<thread>; counts the answers that are the 303 to a new
-- order page.  args: IN ORIGIN
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
function init(args)
  forms = {}
  for line in io.lines(args[1] .. "." .. id) do forms[#forms + 1] = line end
  origin = args[2]
  n, placed, other = 0, 0, 0
end
function request()
  n = n + 1
  if n > #forms then
    -- Out of carts: a cheap GET so the run ends cleanly, not counted.
    return wrk.format("GET", "/static/souk.css")
  end
  local c, csrf, idem, rev, seen =
    forms[n]:match("(%S+) (%S+) (%S+) (%S+) (%S+)")
  local body = "csrf=" .. csrf .. "&idem=" .. idem .. "&rev=" .. rev ..
    "&seen=" .. seen ..
    "&name=Bench+Shopper&email=bench%40example.com&country=TN" ..
    "&phone=20123456&payment=bank&terms=1&op=place"
  return wrk.format("POST", "/checkout", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin, ["Cookie"] = "souk_cart=" .. c }, body)
end
function response(status, headers, body)
  local loc = headers["Location"]
  if status == 303 and loc and loc:find("/order/", 1, true) then
    placed = placed + 1
  elseif status ~= 200 then
    other = other + 1
  end
end
function done(summary, latency, requests)
  local p, o = 0, 0
  for _, t in ipairs(threads) do
    p = p + (t:get("placed") or 0)
    o = o + (t:get("other") or 0)
  end
  io.write(string.format("placed %d other %d\n", p, o))
end
