-- GET /api/buyers/products/search?q=wireless headphones&limit=20
request = function()
  return wrk.format("GET", "/api/buyers/products/search?q=wireless%20headphones&limit=20")
end
