-- wrk script: sends pre-signed POSTs, each once, so the console's replay guard accepts every one.
-- FILE has lines "key<TAB>timestamp<TAB>signature<TAB>body" (from: bench/Wall saturate or pack-saturate), signed for the URL's path;
-- THREADS is wrk's -t, and thread k sends the lines k, k+THREADS, k+2*THREADS … so no two threads send the same one.
--   wrk -t2 -c32 -d15s --latency -s signed.lua http://127.0.0.1:PORT/api/ingest/market-prices -- FILE THREADS
local next_id, threads = 0, {}

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local requests, n, i = {}, 0, 0

function init(args)
  local threads, k = tonumber(args[2]), 0
  for line in io.lines(args[1]) do
    if k % threads == id then
      local key, ts, sig, body = line:match("^([^\t]+)\t(%d+)\t(%x+)\t(.*)$")
      n = n + 1
      requests[n] = wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json",
        ["X-Ops-Key"] = key, ["X-Ops-Timestamp"] = ts, ["X-Ops-Signature"] = sig }, body)
    end
    k = k + 1
  end
end

-- Past the last line it starts again: those repeats are refused as replays and counted as errors, never hidden.
function request()
  i = i % n + 1
  return requests[i]
end

-- The answers by status, so that errors say what they were ("status 503: 12" after wrk's own figures).
statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do all[status] = (all[status] or 0) + n end
  end
  for status, n in pairs(all) do io.write(string.format("status %d: %d\n", status, n)) end
end
