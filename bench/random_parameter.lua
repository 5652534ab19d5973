-- wrk script: the path given on the command line with a new made-up query parameter on
-- every request (?x=<random>), as a crawler or a link with tracking codes would ask.
function request()
    local path = wrk.path .. "?x=" .. math.random(1, 1000000000)
    return wrk.format("GET", path, {["X-Forwarded-Proto"] = "https"})
end
