// data-theme / ?theme=light|dark|auto. The site's styles follow the system through
// `@media (prefers-color-scheme: dark)`; a pinned theme switches those rules on ('all') or off
// ('not all') in the loaded stylesheets, so the palette is written once, in base.css.
import type { Theme } from '../../shared/embed';

function pinRules(rules: CSSRuleList, dark: boolean): void {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.media.mediaText)) {
      rule.media.mediaText = dark ? 'all' : 'not all';
    } else if (rule instanceof CSSImportRule && rule.styleSheet) {
      pinSheets([rule.styleSheet], dark ? 'dark' : 'light');
    } else if ('cssRules' in rule) {
      pinRules((rule as CSSGroupingRule).cssRules, dark);
    }
  }
}

/** Pin `theme` in these sheets (the page's, or a shadow root's adopted ones); 'auto' leaves them. */
export function pinSheets(sheets: Iterable<CSSStyleSheet>, theme: Theme): void {
  if (theme === 'auto') return;
  for (const sheet of sheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // not readable (cross-origin): none of the site's sheets are
    }
    pinRules(rules, theme === 'dark');
  }
}

export function applyTheme(theme: Theme, doc: Document = document): void {
  if (theme === 'auto') return;
  doc.documentElement.dataset.theme = theme;
  doc.documentElement.style.colorScheme = theme;
  pinSheets(Array.from(doc.styleSheets), theme);
}
