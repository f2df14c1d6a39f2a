// The widget's side of the loader protocol (shared/embed.ts): once its parent says hello with
// this frame's id, the widget reports its height to that parent, at the origin the hello came
// from, whenever the height changes. A plain iframe (no loader, no frame id) sends nothing.
import { isHello, MAX_HEIGHT, RESIZE, type Resize } from '../../shared/embed';

export function connectHost(frame: string | null): void {
  if (frame === null || window.parent === window) return;
  let target: string | null = null;
  let last = -1;
  const send = (): void => {
    if (target === null) return;
    const height = Math.min(MAX_HEIGHT, Math.ceil(document.documentElement.getBoundingClientRect().height));
    if (height === last) return;
    last = height;
    const m: Resize = { type: RESIZE, frame, height };
    window.parent.postMessage(m, target);
  };
  window.addEventListener('message', (e: MessageEvent) => {
    // Only the parent, and only a hello for this frame; an opaque ("null") origin cannot be addressed.
    if (e.source !== window.parent || !isHello(e.data, frame) || e.origin === 'null') return;
    target = e.origin;
    last = -1;
    send();
  });
  new ResizeObserver(send).observe(document.documentElement);
}
