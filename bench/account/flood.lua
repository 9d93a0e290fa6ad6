-- flood.lua — wrk: POST /account/login with a wrong password for a new
-- unknown address each time (every attempt costs one scrypt hash, none is
-- throttled per account), the way a credential-stuffing run looks.
-- Counts the answers: 200 (refused after a hash), 429, 503 (no hash slot
-- within a second), other.  args: CSRF_COOKIE CSRF_TOKEN ORIGIN
-- The shared setup() and total() (bench/lib/threads.lua), found next to
-- this script whatever the working directory.
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*)/[^/]*/[^/]*$") ..
  "/lib/threads.lua")
function init(args)
  cookie, token, origin = args[1], args[2], args[3]
  n, refused, limited, busy, other = 0, 0, 0, 0, 0
end
function request()
  n = n + 1
  local body = "csrf=" .. token .. "&next=%2Faccount&email=flood-" .. id ..
    "-" .. n .. "%40example.invalid&password=not-the-password-" .. n
  return wrk.format("POST", "/account/login", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin, ["Cookie"] = "souk_csrf=" .. cookie }, body)
end
function response(status, headers, body)
  if status == 200 then refused = refused + 1
  elseif status == 429 then limited = limited + 1
  elseif status == 503 then busy = busy + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("logins refused %d limited %d busy %d other %d\n",
    total("refused"), total("limited"), total("busy"), total("other")))
end
