// Settings for coi-serviceworker (loaded next). It registers a service worker that adds
// COOP/COEP on hosts without them, and reloads once to come under its control. Guarded so
// that it reloads at most once per tab session: if isolation still fails (service workers
// blocked, a third-party iframe), the page stays and runs single-threaded, saying why.
(function () {
  var KEY = 'twinbench-coi-reloaded';
  var reloaded = false;
  try {
    reloaded = sessionStorage.getItem(KEY) === '1';
  } catch (e) {
    reloaded = true; // no storage: never risk a loop
  }
  window.coi = {
    shouldRegister: function () {
      return !reloaded && window.top === window.self;
    },
    shouldDeregister: function () {
      return false;
    },
    // Chrome and Firefox support require-corp through the service worker; keep it strict.
    coepCredentialless: function () {
      return false;
    },
    doReload: function () {
      try {
        sessionStorage.setItem(KEY, '1');
      } catch (e) {
        return;
      }
      window.location.reload();
    },
    quiet: true,
  };
  if (window.crossOriginIsolated) {
    try {
      sessionStorage.removeItem(KEY);
    } catch (e) {
      /* nothing to clean */
    }
  }
})();
