/**
 * Where we work around vertx-openapi, vertx-web-openapi-router and vertx-web 5.0.10: the only
 * classes of the service that use a library's {@code impl} packages ({@code ArchitectureTest}
 * checks it), so that an upgrade is checked here and nowhere else. Each class says what it works
 * around; each can go once the library does it itself:
 *
 * <ul>
 *   <li>{@link dev.marketplace.api.openapi.ContractLoader} rewrites response media types the
 *       library cannot load ({@code text/event-stream}) and reads the YAML with the library's
 *       internal {@code Utils}. It goes when the library loads a contract with such responses (it
 *       does not validate responses on the server anyway); loading then is {@code
 *       OpenAPIContract.from(vertx, path)}.
 *   <li>{@link dev.marketplace.api.openapi.ValidatorCachingContract} hands out one schema validator
 *       per schema. It goes when the library's {@code SchemaRepository} stops building a new
 *       validator, copying every schema of the contract, for each parameter of each request.
 *   <li>{@link dev.marketplace.api.openapi.EventLoopRequestValidation} validates on the event loop
 *       and reads parameters from Vert.x Web decoded once. It goes when the router's validation
 *       stops sending every request through an ordered {@code executeBlocking} (a queue per event
 *       loop on a worker thread, and two thread hand-offs a request) and its request extractor
 *       stops URL-decoding query values a second time (a search for {@code 100%} then fails and
 *       {@code c++} becomes {@code "c "}) and its parameter transformer stops reading a text
 *       parameter that is not a plain word as JSON ({@code -5}, {@code 1.5} or {@code [1]} would be
 *       refused as "must be text", so this class hands text over as a JSON string); the routes then
 *       keep their built-in validation of parameters. JSON bodies stay with the checks generated
 *       from the contract ({@code ContractBodies}), which cost a small fraction of the library's
 *       interpreting validator.
 *   <li>{@link dev.marketplace.api.openapi.RequestBodyReader} reads bodies raw, per operation, and
 *       leaves them where Vert.x Web's {@code BodyHandler} would, through its internal {@code
 *       RoutingContextInternal}. It goes when {@code BodyHandler} can keep form and multipart
 *       bodies undecoded with a limit and media types per route.
 * </ul>
 *
 * <p>What each of them buys, measured, is in {@code bench/README.md}.
 */
package dev.marketplace.api.openapi;
