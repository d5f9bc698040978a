/* global React, ReactDOM, GraphiQL, URL, document, window, localStorage */
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

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: examples.map((example) => ({ query: example.query })),
    defaultEditorToolsVisibility: false,
  }),
);

// GraphiQL keeps its tabs in localStorage, so an example tab once closed never came back:
// this forgets the stored tabs and reloads, which opens with the examples again.
document.getElementById('restore-examples').addEventListener('click', () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('graphiql:')) localStorage.removeItem(key);
  window.location.reload();
});
