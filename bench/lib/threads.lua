-- threads.lua — what the wrk scripts of bench/ share (loaded with
-- dofile): setup() numbers the threads (id in each) and keeps them, so
-- done() can add up a counter over all of them with total(name).
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
function total(name)
  local sum = 0
  for _, t in ipairs(threads) do sum = sum + (t:get(name) or 0) end
  return sum
end
