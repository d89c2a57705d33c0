// Starts GraphiQL on the careergraph playground page. Its settings come from the JSON data block
// <script type="application/json" id="graphiql-config"> that the Go handler writes into the page:
// {"endpoint": "/query", "tabs": [{"query": "...", "variables": "..."}]}.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var props = {
    fetcher: GraphiQL.createFetcher({
      url: new URL(config.endpoint, window.location.href).href,
    }),
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    inputValueDeprecation: true,
  };
  if (config.tabs && config.tabs.length > 0) {
    props.defaultTabs = config.tabs;
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, props),
  );
})();
