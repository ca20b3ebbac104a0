-- wrk script for the load benchmark: replays "path<TAB>cookie" lines from the file named after "--", round robin,
-- and counts every answer other than 200 (a redirect to sign-in included) as an error.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

requests = {}
index = 0
wrong = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t(.*)$")
    requests[#requests + 1] = wrk.format("GET", path, { ["Cookie"] = cookie })
  end
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function response(status)
  if status ~= 200 then wrong = wrong + 1 end
end

function done(summary, latency)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, thread in ipairs(threads) do errors = errors + thread:get("wrong") end
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %.3f %.3f\n", summary.requests, errors, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
