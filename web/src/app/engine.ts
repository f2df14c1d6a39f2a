// The one engine of a page (it owns every worker), created on first use. Pages and UI
// components reach it only through app/.
import { Engine } from '../engine/engine';

let instance: Engine | null = null;

/** The page's engine; workers find Pyodide under the site's base URL (any base path works). */
export function engine(): Engine {
  instance ??= new Engine(new URL(import.meta.env.BASE_URL, window.location.href).href);
  return instance;
}
