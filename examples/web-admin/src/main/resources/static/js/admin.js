// The web admin's little JavaScript: confirmations, the progress of Connect Calendars, and the
// live list of changes on the Bookings page. Everything it writes into the page is set as text
// (textContent), never as HTML. Without JavaScript the pages still work (reload to see progress).
(function () {
  'use strict';

  function onReady(run) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', run);
    } else {
      run();
    }
  }

  function confirmations() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
  }

  function selectAll() {
    var all = document.getElementById('select-all');
    if (!all) {
      return;
    }
    all.addEventListener('change', function () {
      document.querySelectorAll('input.pick:not(:disabled)').forEach(function (box) {
        box.checked = all.checked;
      });
    });
  }

  function setBar(bar, percent) {
    if (bar) {
      bar.style.width = Math.max(0, Math.min(100, percent)) + '%';
      bar.setAttribute('aria-valuenow', String(percent));
    }
  }

  function connectProgress() {
    var job = document.getElementById('connect-job');
    if (!job || job.getAttribute('data-finished') === 'true') {
      return;
    }
    var url = job.getAttribute('data-progress-url');
    var bar = document.getElementById('bar');
    setBar(bar, Number(bar && bar.getAttribute('data-percent')) || 0);
    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          if (progress.finished) {
            window.location.reload();
            return;
          }
          document.getElementById('done').textContent = String(progress.done);
          document.getElementById('total').textContent = progress.total < 0 ? '…' : String(progress.total);
          setBar(bar, progress.percent);
          window.setTimeout(poll, 400);
        })
        .catch(function () {
          window.setTimeout(poll, 2000);
        });
    }
    window.setTimeout(poll, 300);
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
  }

  function liveChanges() {
    var table = document.getElementById('changes');
    if (!table) {
      return;
    }
    var url = table.getAttribute('data-changes-url');
    var after = Number(table.getAttribute('data-after')) || 0;
    var body = document.getElementById('changes-body');
    function poll() {
      fetch(url + '?after=' + encodeURIComponent(String(after)), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (changes) {
          changes.forEach(function (change) {
            var row = document.createElement('tr');
            row.className = 'change new';
            row.setAttribute('data-sequence', String(change.sequence));
            cell(row, change.received, 'small');
            cell(row, change.type + (change.ours ? ' (our booking)' : ' (Outlook)'));
            cell(row, change.room, 'small');
            cell(row, change.subject, 'subject');
            cell(row, change.organizer, 'small');
            cell(row, change.start + (change.end ? ' – ' + change.end : ''), 'small');
            body.insertBefore(row, body.firstChild);
            after = Math.max(after, change.sequence);
          });
          window.setTimeout(poll, 1500);
        })
        .catch(function () {
          window.setTimeout(poll, 5000);
        });
    }
    window.setTimeout(poll, 1500);
  }

  onReady(function () {
    confirmations();
    selectAll();
    connectProgress();
    liveChanges();
  });
})();
