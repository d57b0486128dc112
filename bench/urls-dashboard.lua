-- Rotates through the public monitor's dashboards: a city, a mid-sized and a small municipality
-- (five years together), a GGD region, the peer group by size and a chosen peer group, and the map.
local paths = {
  "/monitor/gemeente/GM0355",
  "/monitor/gemeente/GM0363",
  "/monitor/gemeente/GM0654",
  "/monitor/gemeente/GM0200?vergelijk=grootte",
  "/monitor/ggd-regio/GG2514",
  "/monitor/gemeente/GM0344?vergelijk=eigen&met=GM0363&met=GM0599&met=GM0518",
  "/monitor/gemeente/GM0794?periode=vijf-jaar",
  "/monitor/kaart?indicator=big2",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
