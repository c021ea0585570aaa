(function () {
  "use strict";
  function csrf() {
    var m = document.cookie.match(/csrftoken=([^;]+)/);
    return m ? m[1] : "";
  }
  var spinner = 0;
  var origFetch = window.fetch;
  window.fetch = function () {
    spinner++;
    document.documentElement.classList.add("lt-loading");
    return origFetch.apply(this, arguments).finally(function () {
      if (--spinner === 0) document.documentElement.classList.remove("lt-loading");
    });
  };
  function refresh(table) {
    return fetch(table.dataset.source, { headers: { "X-CSRFToken": csrf() }, credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) { table.querySelector("tbody").innerHTML = html; });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table[data-live]").forEach(function (t) {
      setInterval(function () { refresh(t); }, Number(t.dataset.interval || 5000));
    });
  });
})();
