-- wrk: GET /api/v1/vms?hostId=...&size=20, one page of a host's VMs, cycling through $HOSTS_FILE.
local hosts = {}
for line in io.lines(os.getenv("HOSTS_FILE")) do hosts[#hosts + 1] = line end
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/vms?size=20&hostId=" .. hosts[(counter % #hosts) + 1])
end
