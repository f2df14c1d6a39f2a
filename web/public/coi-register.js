// Cross-origin isolation on hosts that cannot send COOP/COEP (GitHub Pages): register
// coi-serviceworker's service worker, which adds the headers, then reload once so the page
// comes under its control. Written here rather than using the library's page script so that
// it reloads at most once per tab session, and never throws when service workers are
// blocked. If isolation still fails, the page runs single-threaded and says why.
(function () {
  var KEY = 'twinbench-coi-reloaded';
  var sw = navigator.serviceWorker;
  if (window.crossOriginIsolated || !window.isSecureContext || window.top !== window.self) return;
  if (!sw || typeof sw.register !== 'function') return;
  var reloadedBefore;
  try {
    reloadedBefore = sessionStorage.getItem(KEY) === '1';
  } catch (e) {
    return; // no storage: we could not stop a loop, so do not start one
  }
  if (reloadedBefore || sw.controller) return; // controlled but still not isolated: a reload will not help
  var script = new URL('coi-serviceworker.js', document.currentScript.src).href;
  Promise.resolve()
    .then(function () {
      return sw.register(script);
    })
    .then(function (registration) {
      if (!registration) return null; // registration blocked
      return sw.ready;
    })
    .then(function (active) {
      if (!active || window.crossOriginIsolated) return;
      sessionStorage.setItem(KEY, '1');
      window.location.reload();
    })
    .catch(function () {
      /* blocked or failed: stay single-threaded; the page says why */
    });
})();
