// Where the site's root is, seen from the current page. Pages live at different depths (/,
// w/<id>/, method/) and the build works under any base path, so each page's HTML says how to
// reach the root (`<meta name="twinbench-root" content="../../">`) and everything else is
// resolved from it: workers find Pyodide, pages link each other.

export function siteRoot(doc: Document = document): URL {
  const rel = doc.querySelector<HTMLMetaElement>('meta[name="twinbench-root"]')?.content ?? './';
  return new URL(rel, doc.baseURI);
}

/** The URL of a page of the site: '' (home), 'method/', 'w/<id>/'. */
export function pageUrl(path: string, doc: Document = document): URL {
  return new URL(path, siteRoot(doc));
}

export function workloadUrl(id: string, doc: Document = document): URL {
  return pageUrl(`w/${encodeURIComponent(id)}/`, doc);
}
