-- add.lua — wrk: POST /cart/add as new visitors (no cookie: every request
-- creates a cart), the way a plain HTML form posts it.  Each thread writes
-- the cart cookies it receives to OUT.<thread> for checkout-form.lua.
-- args: OUT BODY ORIGIN
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  out = io.open(args[1] .. "." .. id, "w")
  wrk.method = "POST"
  wrk.body = args[2]
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = args[3]
end
function response(status, headers, body)
  local c = headers["Set-Cookie"]
  if c then
    local v = c:match("souk_cart=([%w_-]+)")
    if v then out:write(v, "\n") end
  end
end
