-- wrk script: requests the paths listed (one a line) in the file named by PATHS_FILE.
-- PATHS_ORDER=each: every request a different path, threads taking turns through the list;
-- PATHS_ORDER=skewed: a few paths most of the time (the first ones), as readers do.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local skewed = os.getenv("PATHS_ORDER") == "skewed"
local threads = tonumber(os.getenv("WRK_THREADS") or "2")
local counter = 0
local thread_id = 0

function setup(thread)
    thread:set("thread_id", thread_id)
    thread_id = thread_id + 1
end

function request()
    local index
    if skewed then
        index = math.floor(#paths * math.random() ^ 3) + 1
    else
        index = (counter * threads + thread_id) % #paths + 1
        counter = counter + 1
    end
    return wrk.format("GET", paths[index], {["X-Forwarded-Proto"] = "https"})
end
