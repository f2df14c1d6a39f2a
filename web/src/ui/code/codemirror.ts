// CodeMirror 6, set up once for the site: Python (editable) or Rust (read-only but focusable,
// so a keyboard can scroll and select it), with line numbers, history and highlighting through
// @lezer/highlight's tok-* classes. Loaded lazily. Each editor lives in a shadow root: there
// CodeMirror's style-mod adopts constructed stylesheets instead of writing <style> elements,
// which the site's CSP (style-src 'self') would block; editor.css is adopted the same way.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { rust } from '@codemirror/lang-rust';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import editorCss from './editor.css?inline';

export interface EditorOptions {
  doc: string;
  language: 'python' | 'rust';
  readOnly: boolean;
  label: string;
  onChange?: (text: string) => void;
}

export interface Editor {
  get(): string;
  set(text: string): void;
}

let sheet: CSSStyleSheet | null = null;

/** A shadow root in `parent` with the editor's stylesheet adopted (one sheet shared by every editor). */
function shadowIn(parent: HTMLElement): ShadowRoot {
  const host = document.createElement('div');
  host.className = 'cm-host';
  parent.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(editorCss);
  }
  shadow.adoptedStyleSheets = [sheet];
  return shadow;
}

export function createEditor(parent: HTMLElement, o: EditorOptions): Editor {
  const shadow = shadowIn(parent);
  const view = new EditorView({
    parent: shadow,
    root: shadow,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(classHighlighter),
        o.language === 'python' ? python() : rust(),
        // The twins and the kernels are indented by four spaces (PEP 8, rustfmt); new lines follow them.
        indentUnit.of('    '),
        // Tab indents; Escape then Tab leaves the editor (CodeMirror's tab-focus mode).
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.readOnly.of(o.readOnly),
        EditorState.tabSize.of(4),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': o.label, ...(o.readOnly ? { 'aria-readonly': 'true' } : {}) }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) o.onChange?.(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    get: () => view.state.doc.toString(),
    set(text) {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
  };
}
