// The site's entry: one engine (owning every worker), the page API on window.twinbench, and
// the runner page.
import { installApi } from './api';
import { Engine } from './engine/engine';
import { mountRunner } from './pages/runner';

// The site's base URL (any base path works): workers find Pyodide under it.
const baseUrl = new URL(import.meta.env.BASE_URL, window.location.href).href;
const engine = new Engine(baseUrl);
installApi(engine);
mountRunner(engine, new URLSearchParams(window.location.search));
