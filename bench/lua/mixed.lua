-- A buyer's mix: 60% product pages, 20% category pages, 15% searches, 5% orders.
local products = tonumber(os.getenv("BENCH_PRODUCTS"))
local token = os.getenv("BENCH_TOKEN")
request = function()
  local r = math.random(1, 100)
  if r <= 60 then
    return wrk.format("GET", "/api/buyers/products/" .. math.random(1, products))
  elseif r <= 80 then
    return wrk.format("GET", "/api/buyers/products?limit=20&category=Category%20" .. math.random(0, 39))
  elseif r <= 95 then
    return wrk.format("GET", "/api/buyers/products/search?q=wireless%20headphones&limit=20")
  end
  local body = '{"product_id":' .. math.random(1, products) .. ',"quantity":1}'
  return wrk.format("POST", "/api/buyers/orders",
    { ["content-type"] = "application/json", ["authorization"] = "Bearer " .. token }, body)
end
