-- GET /api/sellers/{seller}/analytics as the seller who owns a fifth of the orders: a 90-day report.
local seller = os.getenv("BENCH_ANALYTICS_SELLER")
local query = os.getenv("BENCH_ANALYTICS_QUERY")
local token = os.getenv("BENCH_SELLER_TOKEN")
request = function()
  return wrk.format("GET", "/api/sellers/" .. seller .. "/analytics?" .. query,
    { ["authorization"] = "Bearer " .. token })
end
