// Saves the form builder's texts as the author goes. Served as /builder.js
// on the builder's pages only. Each form marked data-autosave (a form's
// name and description, a page, a question, a rule) is posted in the
// background a moment after one of its fields changes, exactly as its own
// button would post it, one post at a time; the form says "saved" in a
// status line. A post the server refuses (a value that does not read) is
// sent again the ordinary way, so the page shows the error at its field
// with everything typed. After each save the page's problems (the
// elements marked data-live) are drawn again from the server, so a
// missing text or an expression that does not compile is shown at once.
// Inputs inside data-no-autosave (the guided
// condition, removing or adding an option) wait for the button. Without
// this script every button still saves.
(() => {
  let queue = Promise.resolve();
  const status = (form) => {
    let line = form.querySelector('.autosave');
    if (!line) {
      line = document.createElement('p');
      line.className = 'autosave hint';
      line.setAttribute('role', 'status');
      form.append(line);
    }
    return line;
  };
  const payload = (form) => {
    const data = new FormData(form);
    for (const skipped of form.querySelectorAll('[data-no-autosave] [name]')) {
      data.delete(skipped.name);
    }
    return new URLSearchParams(data);
  };
  // The page's problems, drawn again from the page as it is now saved:
  // every element marked data-live is replaced by its new self.
  const refresh = () =>
    fetch(window.location.href, { headers: { Accept: 'text/html' } })
      .then((response) => (response.ok ? response.text() : null))
      .then((html) => {
        if (!html) return;
        const fresh = new DOMParser().parseFromString(html, 'text/html');
        for (const old of document.querySelectorAll('[data-live][id]')) {
          const now = fresh.getElementById(old.id);
          if (now) old.replaceWith(document.importNode(now, true));
        }
      });
  const save = (form) => {
    const line = status(form);
    line.textContent = form.dataset.autosaveSaving;
    queue = queue
      .then(() => fetch(form.action, { method: 'POST', body: payload(form), redirect: 'manual' }))
      .then((response) => {
        if (response.type === 'opaqueredirect' || response.ok) {
          const time = new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
          line.textContent = `${form.dataset.autosaveSaved} ${time}`;
          return refresh();
        } else if (response.status === 422) {
          form.submit();
        } else {
          line.textContent = form.dataset.autosaveFailed;
        }
      })
      .catch(() => {
        line.textContent = form.dataset.autosaveFailed;
      });
  };
  for (const form of document.querySelectorAll('form[data-autosave]')) {
    let timer;
    form.addEventListener('change', (event) => {
      if (event.target.closest('[data-no-autosave]')) return;
      clearTimeout(timer);
      timer = setTimeout(() => save(form), 300);
    });
  }
})();
