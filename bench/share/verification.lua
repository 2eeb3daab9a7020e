-- wrk script: POST a verification (比对验证) of a random loaded ID number and a claimed name.
-- Env: KEYS (file of ID numbers, one a line), ENTRY (catalog entry id), TOKEN (bearer), RATE (optional:
-- requests per second per connection, for a run at a fixed fraction of the peak).
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

function delay()
  if rate > 0 then return 1000 / rate end
  return 0
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
