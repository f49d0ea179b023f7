-- wrk: GET /api/v1/vms/{id}, cycling through the ids listed in $IDS_FILE.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/vms/" .. ids[(counter % #ids) + 1])
end
