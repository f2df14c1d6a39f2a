// What a visitor takes away from a result: raw samples as JSON and CSV files, a Markdown table
// to paste, and a share link that carries the code, the parameters and the result.
import type { WorkloadSpec } from '../generated/catalog';
import { markdownTable, resultJson, samplesCsv } from '../shared/export';
import { compactResult, encodeShare, type ShareState } from '../shared/share';
import { el } from './dom';
import { implLabel } from './result/words';
import type { ViewedResult } from './result-view';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copy to the clipboard; where the API is missing or refused, select the text for the visitor. */
export async function copy(text: string, fallback: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback.hidden = false;
    fallback.value = text;
    fallback.select();
    return false;
  }
}

export interface ToolsInput {
  w: WorkloadSpec;
  result: ViewedResult;
  /** The request behind it, for the share link. */
  share: Omit<ShareState, 'v' | 'result'>;
  /** The page's URL without its fragment. */
  pageUrl: string;
}

/** The share link for a state: the page's URL with `#s=...`. */
export function shareLink(pageUrl: string, state: ShareState): string {
  return `${pageUrl.split('#')[0]}#${encodeShare(state)}`;
}

export function resultTools(root: HTMLElement, x: ToolsInput): void {
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
  const base = `twinbench-${x.w.id}-${stamp}`;
  const said = el('span', { class: 'copied', role: 'status' });
  const fallback = el('textarea', { class: 'share-text', rows: '3', readonly: '', hidden: '', 'aria-label': 'Text to copy' });
  const button = (label: string, id: string, act: () => void | Promise<void>): HTMLButtonElement => {
    const b = el('button', { type: 'button', class: 'secondary', id }, label);
    b.addEventListener('click', () => void act());
    return b;
  };
  const link = shareLink(x.pageUrl, { v: 1, ...x.share, result: compactResult(x.result) });
  root.replaceChildren(
    el(
      'div',
      { class: 'tools' },
      button('Copy share link', 'share', async () => {
        said.textContent = (await copy(link, fallback)) ? 'Link copied: it holds the code, the parameters and this result.' : 'Select and copy the link below.';
      }),
      button('Download samples (JSON)', 'export-json', () => download(`${base}.json`, 'application/json', resultJson(x.result))),
      button('Download samples (CSV)', 'export-csv', () => download(`${base}.csv`, 'text/csv', samplesCsv(x.result))),
      button('Copy Markdown table', 'export-md', async () => {
        const md = markdownTable(x.result, implLabel, x.w.title);
        said.textContent = (await copy(md, fallback)) ? 'Markdown table copied.' : 'Select and copy the table below.';
      }),
      said,
    ),
    fallback,
    el('a', { href: link, class: 'share-link', hidden: '' }, 'share link'),
  );
}
