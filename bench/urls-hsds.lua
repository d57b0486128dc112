-- The same searches through the HSDS 3.0 API.
local paths = {
  "/api/hsds/services?search=schulden&municipality=GM0355&per_page=20",
  "/api/hsds/services?search=schuldhulpverlening&municipality=GM0363&phase=0-1&per_page=20",
  "/api/hsds/services?search=moedergroep&municipality=GM0200&per_page=20",
  "/api/hsds/services?search=voedselbnak&municipality=GM0599&per_page=20",
  "/api/hsds/services?search=roken&municipality=GM0344&theme=leefstijl&per_page=20",
  "/api/hsds/services?search=zwanger&municipality=GM0014&phase=zwangerschap-t2&per_page=20",
  "/api/hsds/services?municipality=GM0654&theme=psychische-gezondheid&per_page=20",
  "/api/hsds/services?search=vaders&municipality=GM0518&per_page=20",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
