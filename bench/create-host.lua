-- wrk: POST /api/v1/hosts, each request a new host from the testbed profile with a unique name.
local counter = 0
local thread_id = 0
function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end
function request()
  counter = counter + 1
  local body = string.format('{"name":"bench-%d-%d","profile":"asplos20-testbed","dvh":["VIRTUAL_TIMER"]}', thread_id, counter)
  return wrk.format("POST", "/api/v1/hosts", {["Content-Type"] = "application/json"}, body)
end
