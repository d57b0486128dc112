-- Rotates through realistic searches of a professional: free text (plural, compound, typo),
-- a client's municipality for local-first ranking, and phase/theme filters.
local paths = {
  "/aanbod?q=schulden&gemeente=GM0355",
  "/aanbod?q=schuldhulpverlening&gemeente=GM0363&fase=0-1",
  "/aanbod?q=moedergroep&gemeente=GM0200",
  "/aanbod?q=voedselbnak&gemeente=GM0599",
  "/aanbod?q=roken&gemeente=GM0344&thema=leefstijl",
  "/aanbod?q=zwanger&gemeente=GM0014&fase=zwangerschap-t2",
  "/aanbod?gemeente=GM0654&thema=psychische-gezondheid",
  "/aanbod?q=vaders&gemeente=GM0518&doelgroep=vaders",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
