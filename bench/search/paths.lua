-- paths.lua — wrk: GET each path of a file in turn (args: FILE), each
-- thread starting at a different place; counts non-2xx answers.
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = (id - 1) * 997
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
