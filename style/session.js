// Warns a signed-in person before their session ends for want of activity,
// and lets them stay signed in with one button (WCAG 2.2.1, Timing
// Adjustable). Served as /session.js on pages of signed-in people only; the
// words come from the page (<html data-session-…>), in its language. Plain
// JavaScript, not part of the WebAssembly bundle: it only needs a timer.
(() => {
  const root = document.documentElement;
  const idle = Number(root.dataset.sessionIdle);
  if (!idle) return;
  // Two minutes' warning, or half the time for very short sessions.
  const lead = Math.min(120, idle / 2);
  const box = document.createElement('div');
  box.className = 'session-warning';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', 'session-warning-text');
  box.hidden = true;
  const text = document.createElement('p');
  text.id = 'session-warning-text';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = root.dataset.sessionExtend;
  box.append(text, button);
  let before = null;
  let warn;
  let end;
  const start = () => {
    clearTimeout(warn);
    clearTimeout(end);
    warn = setTimeout(() => {
      text.textContent = root.dataset.sessionWarning;
      button.hidden = false;
      box.hidden = false;
      before = document.activeElement;
      button.focus();
    }, (idle - lead) * 1000);
    end = setTimeout(() => {
      text.textContent = root.dataset.sessionEnded;
      button.hidden = true;
      box.hidden = false;
    }, idle * 1000);
  };
  button.addEventListener('click', async () => {
    const body = new URLSearchParams({ back: location.pathname });
    try {
      await fetch('/session/extend', { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' });
    } catch {
      return; // Offline: the warning stays, and the person can try again.
    }
    box.hidden = true;
    if (before && before.focus) before.focus();
    start();
  });
  const place = () => {
    document.body.append(box);
    start();
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', place);
  } else {
    place();
  }
})();
