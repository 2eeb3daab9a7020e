-- wrk script: POST a verification (比对验证) of a random loaded ID number and a claimed name.
-- Env: KEYS (file of ID numbers, one a line), ENTRY (catalog entry id), TOKEN (bearer), RATE (optional:
-- requests per second per wrk thread, for a run at a fixed fraction of the peak).
local keys = {}
for line in io.lines(os.getenv("KEYS")) do keys[#keys + 1] = line end
local path = "/api/v1/share/data/" .. os.getenv("ENTRY") .. "/" .. (os.getenv("OPERATION") or "verification")
local rate = tonumber(os.getenv("RATE") or "0")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local key = keys[math.random(#keys)]
  local body
  if os.getenv("OPERATION") == "query" then
    body = '{"key":{"id_number":"' .. key .. '"}}'
  else
    body = '{"key":{"id_number":"' .. key .. '"},"claims":{"full_name":"王伟","household_division":"' .. key:sub(1, 6) .. '"}}'
  end
  return wrk.format(nil, path, nil, body)
end

-- Pacing: each wrk thread (one Lua state for all its connections) sends on a fixed schedule, 1000 / RATE ms
-- apart, so the time a response takes is not added to the gap as a plain delay() would (that reached only about
-- 60 % of the asked rate).
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } timespec_t;
int clock_gettime(int clock, timespec_t *t);
]]
local now_ts = ffi.new("timespec_t")
local function now_ms()
  ffi.C.clock_gettime(1, now_ts)  -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end
local next_at = nil

function delay()
  if rate <= 0 then return 0 end
  local interval = 1000 / rate
  local t = now_ms()
  if next_at == nil then next_at = t + math.random() * interval end  -- connections start spread out
  local wait = next_at - t
  next_at = next_at + interval
  if wait < 0 then
    if -wait > interval then next_at = t + interval end  -- behind by more than a slot: do not burst to catch up
    return 0
  end
  return math.floor(wait)
end

errors = 0
function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
