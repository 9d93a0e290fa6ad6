-- place.lua — wrk: POST /checkout (place the order) once per prepared
-- cart of IN.<thread>; counts the answers that are the 303 to a new
-- order page.  args: IN ORIGIN
-- The shared setup() and total() (bench/lib/threads.lua), found next to
-- this script whatever the working directory.
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*)/[^/]*/[^/]*$") ..
  "/lib/threads.lua")
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
  io.write(string.format("placed %d other %d\n", total("placed"),
    total("other")))
end
