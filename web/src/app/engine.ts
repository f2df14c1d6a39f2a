// The one engine of a page (it owns every worker), created on first use. Pages and UI
// components reach it only through app/.
import { Engine } from '../engine/engine';
import { siteRoot } from './site';

let instance: Engine | null = null;

/** The page's engine; workers find Pyodide under the site's root, from any page and any base path. */
export function engine(): Engine {
  instance ??= new Engine(siteRoot().href);
  return instance;
}
