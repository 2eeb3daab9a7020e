-- Anonymous readers of the open-data portal's API for wrk: each request is the next path of the list in $PATHS
-- (dataset pages, searches, previews, shuffled); counts answers that are not 200 and prints them at the end.
-- With THINK_MS set, each reader pauses between its requests as a person reading a page does: a random time
-- between half and one and a half times THINK_MS (wrk's latency counts only the waits for answers).
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = id * 7919
  math.randomseed(id * 104729 + os.time())
  failed = 0
end

local think = tonumber(os.getenv("THINK_MS") or "0")

function delay()
  if think <= 0 then return 0 end
  return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do failures = failures + thread:get("failed") end
  io.write(string.format("RESULT requests=%d not200=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, failures, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
