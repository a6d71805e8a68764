-- GET /api/buyers/products/{random id}
local products = tonumber(os.getenv("BENCH_PRODUCTS"))
request = function()
  return wrk.format("GET", "/api/buyers/products/" .. math.random(1, products))
end
