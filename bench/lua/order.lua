-- POST /api/buyers/orders as a logged-in buyer, one unit of a random product.
local products = tonumber(os.getenv("BENCH_PRODUCTS"))
local token = os.getenv("BENCH_TOKEN")
request = function()
  local body = '{"product_id":' .. math.random(1, products) .. ',"quantity":1}'
  return wrk.format("POST", "/api/buyers/orders",
    { ["content-type"] = "application/json", ["authorization"] = "Bearer " .. token }, body)
end
