/* The password reset page: the mailed link carries its token in the fragment (#token=...),
   which browsers never send to a server, so it stays out of every log. Copy it into the
   form, then take it out of the address bar and the history. Without JavaScript the
   person pastes the code the mail prints on a line of its own. */
(function () {
  "use strict";
  var match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) { return; }
  var field = document.querySelector('input[name="token"]');
  if (field && !field.value) {
    try { field.value = decodeURIComponent(match[1]); } catch (e) { field.value = match[1]; }
  }
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  var next = document.querySelector('input[name="new_password"]');
  if (next && field && field.value) { next.focus(); }
}());
