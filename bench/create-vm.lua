-- wrk: POST /api/v1/vms, 1 vCPU / 1 GiB each, spread round-robin over the hosts listed in $HOSTS_FILE.
local hosts = {}
for line in io.lines(os.getenv("HOSTS_FILE")) do hosts[#hosts + 1] = line end
local counter = 0
function request()
  counter = counter + 1
  local host = hosts[(counter % #hosts) + 1]
  local body = string.format('{"name":"vm-%d","parent":{"hostId":"%s"},"vcpus":1,"memoryGib":1,"io":"VIRTIO"}', counter, host)
  return wrk.format("POST", "/api/v1/vms", {["Content-Type"] = "application/json"}, body)
end
