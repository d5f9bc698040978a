/* global React, ReactDOM, GraphiQL, URL, URLSearchParams, document, window, localStorage */
// Boots GraphiQL (loaded by the page from this service, never a CDN) with the example
// operations as its opening tabs. Plain browser JavaScript: the playground needs no build.
const examples = JSON.parse(document.getElementById('examples').textContent || '[]');
const graphqlFetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).href });

// GraphiQL 4 can keep the operation name of the tab it opened on after switching to
// another tab's document, which the server then rejects ("Unknown operation named …").
// A name the document does not define is dropped; a one-operation document then runs
// its only operation.
const fetcher = (params, options) => {
  const name = params.operationName;
  if (name && !new RegExp(`\\b(query|mutation|subscription)\\s+${name}\\b`).test(params.query)) {
    return graphqlFetcher({ ...params, operationName: undefined }, options);
  }
  return graphqlFetcher(params, options);
};

if (new URLSearchParams(window.location.search).has('restore-examples')) {
  for (const key of Object.keys(localStorage)) if (key.startsWith('graphiql:')) localStorage.removeItem(key);
  window.history.replaceState(null, '', window.location.pathname);
}

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: examples.map((example) => ({ query: example.query })),
    defaultEditorToolsVisibility: false,
  }),
);

// GraphiQL keeps its tabs in localStorage, so an example tab once closed never came back:
// "Restore the examples" reloads with ?restore-examples, and the stored tabs are forgotten
// here, before GraphiQL starts (clearing them on click raced GraphiQL saving its tabs as
// the page unloaded).
document.getElementById('restore-examples').addEventListener('click', () => {
  window.location.search = '?restore-examples';
});
