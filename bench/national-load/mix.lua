-- The national load bench's mixed workload (bench/national-load/run.sh). Run with as many wrk
-- threads as connections (-t N -c N): each thread then has exactly one connection, so request()
-- and response() strictly alternate and each response's latency belongs to the request kind sent
-- just before it. That gives p50/p99 per kind, which wrk itself only gives for the whole mix.
--
-- Each thread is one professional (own session cookie and CSRF token from NL_SESSIONS, line =
-- thread number) who searches, opens services, reads the worklist and client pages and moves
-- referrals of their organisation between 'accepted' and 'on hold' (POST with CSRF); plus a
-- coordinator who saves their coalition's form (POST), policy advisors on the monitor's dashboards
-- and map, and HSDS API readers. Results (per kind: requests, p50, p99, bad statuses) go to NL_OUT.
-- Each thread writes its samples to NL_OUT.<thread> (flushed every 256 responses or 0.25 s; wrk crashes when
-- done() copies a large table out of a thread), and done() reads them back: the last unflushed
-- samples of each thread are left out, so the request rates per kind are wrk's total rate split
-- by each kind's share of the samples.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } nl_timespec;
  int clock_gettime(int clk_id, nl_timespec *tp);
]]
local ts = ffi.new("nl_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

-- kind, weight (per 100 requests)
local kinds = {
  { "search", 24 }, { "service", 14 }, { "worklist", 8 }, { "client", 10 }, { "referral-update", 4 },
  { "coordinator-edit", 2 }, { "dashboard", 12 }, { "map", 4 }, { "hsds", 22 },
}
local words = { "schulden", "moedergroep", "roken", "zwanger", "vaders", "voedselbnak", "taal", "psychische klachten", "huisbezoek", "" }
local dashboards = {
  "/monitor/gemeente/GM0355", "/monitor/gemeente/GM0363", "/monitor/gemeente/GM0654",
  "/monitor/gemeente/GM0200?vergelijk=grootte", "/monitor/ggd-regio/GG2514",
  "/monitor/gemeente/GM0344?vergelijk=eigen&met=GM0363&met=GM0599&met=GM0518",
  "/monitor/gemeente/GM0794?periode=vijf-jaar",
}
local maps = { "/monitor/kaart?indicator=big2", "/landelijk" }

local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do table.insert(fields, field) end
  return fields
end

local me = {}
local plan = { services = {}, municipalities = {} }
local samples, flushed_at, sample_file = {}, 0, nil
local current, current_started, current_referral

function init(args)
  local n = 0
  for line in io.lines(os.getenv("NL_SESSIONS")) do
    n = n + 1
    if n == id then
      local f = split(line)
      me = { email = f[1], cookie = f[2], csrf = f[3], coord_cookie = f[4], coord_csrf = f[5], coord_path = f[6],
             coord_body = f[7], policy_cookie = f[8], clients = {}, referrals = {} }
    end
  end
  for line in io.lines(os.getenv("NL_PLAN")) do
    local f = split(line)
    if f[1] == "service" then table.insert(plan.services, f[2])
    elseif f[1] == "municipality" then table.insert(plan.municipalities, f[2])
    elseif f[1] == "client" and f[2] == me.email then table.insert(me.clients, f[3])
    elseif f[1] == "referral" and f[2] == me.email then table.insert(me.referrals, { slug = f[3], status = f[4] })
    end
  end
  sample_file = io.open(os.getenv("NL_OUT") .. "." .. id, "w")
  math.randomseed(id * 7919)
end

local function pick(list) return list[math.random(#list)] end
local function escape(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)) end

local only = os.getenv("NL_ONLY")
local function choose()
  if only and only ~= "" then return only end
  local r, acc = math.random(100), 0
  for _, k in ipairs(kinds) do
    acc = acc + k[2]
    if r <= acc then return k[1] end
  end
  return "search"
end

local function get(path, cookie)
  local headers = {}
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", path, headers)
end

function request()
  local kind = choose()
  -- a kind this thread has nothing for becomes a search
  if (kind == "client" and #me.clients == 0) or (kind == "referral-update" and #me.referrals == 0)
    or (kind == "coordinator-edit" and (me.coord_path or "") == "") then kind = "search" end
  current, current_referral = kind, nil
  local req
  if kind == "search" then
    local q = pick(words)
    req = get("/aanbod?q=" .. escape(q) .. "&gemeente=" .. pick(plan.municipalities), me.cookie)
  elseif kind == "service" then
    req = get("/aanbod/" .. pick(plan.services), me.cookie)
  elseif kind == "worklist" then
    req = get("/zorg/verwijzingen?lijst=inkomend", me.cookie)
  elseif kind == "client" then
    req = get("/zorg/clienten/" .. pick(me.clients), me.cookie)
  elseif kind == "referral-update" then
    current_referral = pick(me.referrals)
    local body
    if current_referral.status == "accepted" then
      current_referral.target = "on-hold"
      body = "to=on-hold&reason=Wacht+op+de+ouder&csrf=" .. escape(me.csrf)
    else
      current_referral.target = "accepted"
      body = "to=accepted&reason=&csrf=" .. escape(me.csrf)
    end
    req = wrk.format("POST", "/zorg/verwijzingen/" .. current_referral.slug .. "/status",
      { ["Cookie"] = me.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  elseif kind == "coordinator-edit" then
    req = wrk.format("POST", me.coord_path, { ["Cookie"] = me.coord_cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
      me.coord_body)
  elseif kind == "dashboard" then
    req = get(pick(dashboards), me.policy_cookie)
  elseif kind == "map" then
    req = get(pick(maps), me.policy_cookie)
  else
    local q = pick(words)
    req = get("/api/hsds/services?search=" .. escape(q) .. "&municipality=" .. pick(plan.municipalities) .. "&per_page=20", nil)
  end
  current_started = now_us()
  return req
end

function response(status, headers, body)
  if current == nil then return end
  local now = now_us()
  -- a referral move refused (422) because an earlier run left it at the target already is not a failure
  local failed = status >= 400 and not (current_referral and status == 422)
  samples[#samples + 1] = string.format("%s %.0f %d", current, now - current_started, failed and 1 or 0)
  if #samples >= 256 or now - flushed_at > 250000 then
    flushed_at = now
    sample_file:write(table.concat(samples, "\n"), "\n")
    sample_file:flush()
    samples = {}
  end
  if current_referral then
    -- moved (303), or refused because it already was there (422): either way it is at the target now
    if status == 303 or status == 422 then current_referral.status = current_referral.target end
  end
  current = nil
end

function done(summary, latency, requests)
  local lat, bad, all, total, failed = {}, {}, {}, 0, 0
  for _, k in ipairs(kinds) do lat[k[1]] = {}; bad[k[1]] = 0 end
  for n = 1, counter do
    local path = os.getenv("NL_OUT") .. "." .. n
    for line in io.lines(path) do
      local kind, us, isbad = line:match("^(%S+) (%d+) (%d)$")
      if kind then
        local l = lat[kind]
        l[#l + 1] = tonumber(us)
        all[#all + 1] = tonumber(us)
        if isbad == "1" then bad[kind] = bad[kind] + 1; failed = failed + 1 end
        total = total + 1
      end
    end
    os.remove(path)
  end
  local rate = summary.requests / (summary.duration / 1000000)
  local function pct(sorted, p)
    if #sorted == 0 then return 0 end
    return sorted[math.max(1, math.min(#sorted, math.ceil(p * #sorted)))] / 1000
  end
  local lines = {}
  for _, k in ipairs(kinds) do
    local l = lat[k[1]]
    table.sort(l)
    table.insert(lines, string.format("%s\t%d\t%.1f\t%.2f\t%.2f\t%d", k[1], #l, total > 0 and rate * #l / total or 0,
      pct(l, 0.5), pct(l, 0.99), bad[k[1]]))
  end
  table.sort(all)
  -- bad statuses of every kind plus wrk's socket errors and timeouts
  local errors = failed + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  table.insert(lines, 1, string.format("all\t%d\t%.1f\t%.2f\t%.2f\t%d", summary.requests, rate, pct(all, 0.5), pct(all, 0.99), errors))
  local out = io.open(os.getenv("NL_OUT"), "w")
  out:write(table.concat(lines, "\n") .. "\n")
  out:close()
end
