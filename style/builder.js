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
  // Background posts not yet answered: a button's own post waits for them,
  // so that it is the last word.
  let inFlight = 0;
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
    inFlight += 1;
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
      })
      .finally(() => {
        inFlight -= 1;
      });
  };
  for (const form of document.querySelectorAll('form[data-autosave]')) {
    let timer;
    form.addEventListener('change', (event) => {
      if (event.target.closest('[data-no-autosave]')) return;
      clearTimeout(timer);
      timer = setTimeout(() => save(form), 300);
    });
    // The button posts the whole form: a save still waiting is not needed,
    // and one under way is let finish first (the button's name and value
    // go with the form, as the browser would send them).
    form.addEventListener('submit', (event) => {
      clearTimeout(timer);
      if (inFlight === 0) return;
      event.preventDefault();
      const submitter = event.submitter;
      if (submitter && submitter.name) {
        const pressed = document.createElement('input');
        pressed.type = 'hidden';
        pressed.name = submitter.name;
        pressed.value = submitter.value;
        form.append(pressed);
      }
      const send = () => (inFlight === 0 ? form.submit() : setTimeout(send, 50));
      send();
    });
  }
})();
