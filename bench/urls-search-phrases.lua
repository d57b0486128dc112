-- Everyday phrases of several words (issue 15): ranked by how many words match, synonyms for the
-- themes, an unknown word, a typo; with a client's municipality, as a professional searches.
local paths = {
  "/aanbod?q=psychische+klachten&gemeente=GM0355",
  "/aanbod?q=hulp+bij+huurachterstand&gemeente=GM0363",
  "/aanbod?q=somber+en+angstig+na+de+bevalling&gemeente=GM0200",
  "/aanbod?q=geldzorgen+voedselbnak&gemeente=GM0599",
  "/aanbod?q=stoppen+met+roken+zwanger&gemeente=GM0344",
  "/aanbod?q=moedergroep+kwispelstaart&gemeente=GM0014",
  "/aanbod?q=debt+help&gemeente=GM0654",
  "/aanbod?q=groep+voor+vaders&gemeente=GM0518",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
