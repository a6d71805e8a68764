// Renders the contract this server serves. "Try it out" sends requests to this same server,
// whatever the contract's servers say, so that the page works wherever the server runs.
window.addEventListener("load", function () {
  fetch("/openapi.json")
    .then(function (answer) { return answer.json(); })
    .then(function (contract) {
      contract.servers = [{ url: window.location.origin, description: "This server" }];
      window.ui = SwaggerUIBundle({
        spec: contract,
        dom_id: "#swagger-ui",
        deepLinking: true,
        docExpansion: "list",
        defaultModelsExpandDepth: 0,
        displayRequestDuration: true,
        validatorUrl: null,
        presets: [SwaggerUIBundle.presets.apis],
        layout: "BaseLayout"
      });
    });
});
