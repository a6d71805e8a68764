-- GET /api/buyers/products?category=Category N&limit=20
request = function()
  return wrk.format("GET", "/api/buyers/products?limit=20&category=Category%20" .. math.random(0, 39))
end
