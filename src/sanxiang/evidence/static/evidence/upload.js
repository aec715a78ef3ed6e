// Evidence upload on the case page: tus 1.0 resumable upload (tus-js-client), phone camera and
// microphone capture, and the browser's geolocation when the user allows it.
(function () {
  "use strict";
  var form = document.getElementById("evidence-upload");
  if (!form || !window.tus) { return; }
  var fileInput = document.getElementById("ev-file");
  var status = document.getElementById("ev-status");
  var bar = form.querySelector(".progress-bar");
  var captured = document.getElementById("ev-captured");

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function localNow() {
    var d = new Date();
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 16);
  }
  if (!captured.value) { captured.value = localNow(); }

  // A capture input (camera, microphone) fills the main file input.
  form.querySelectorAll("input[data-capture]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.files.length) {
        var transfer = new DataTransfer();
        transfer.items.add(input.files[0]);
        fileInput.files = transfer.files;
        captured.value = localNow();
      }
    });
  });

  document.getElementById("ev-gps").addEventListener("click", function () {
    var gpsStatus = document.getElementById("ev-gps-status");
    if (!navigator.geolocation) { return; }
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById("ev-lat").value = pos.coords.latitude.toFixed(6);
      document.getElementById("ev-lon").value = pos.coords.longitude.toFixed(6);
      gpsStatus.textContent = pos.coords.latitude.toFixed(6) + ", " + pos.coords.longitude.toFixed(6);
    }, function (err) { gpsStatus.textContent = err.message; }, { enableHighAccuracy: true, timeout: 15000 });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = fileInput.files[0];
    if (!file) { return; }
    var officers = Array.prototype.map.call(
      document.getElementById("ev-officers").selectedOptions, function (o) { return o.value; });
    var act = (document.getElementById("ev-act").value || ":").split(":");
    var capturedAt = new Date(captured.value);
    var upload = new window.tus.Upload(file, {
      endpoint: form.dataset.endpoint,
      chunkSize: 32 * 1024 * 1024,  // several-GB videos go in 32 MiB requests that resume
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      headers: { "X-CSRFToken": csrfToken() },
      removeFingerprintOnSuccess: true,
      metadata: {
        filename: file.name,
        filetype: file.type,
        kind: document.getElementById("ev-kind").value,
        captured_at: isNaN(capturedAt) ? "" : capturedAt.toISOString(),
        place: document.getElementById("ev-place").value,
        latitude: document.getElementById("ev-lat").value,
        longitude: document.getElementById("ev-lon").value,
        device: document.getElementById("ev-device").value,
        officers: officers.join(","),
        act_kind: act[0] || "",
        act_id: act[1] || "",
        continuous: document.getElementById("ev-continuous").checked ? "1" : "",
        description: document.getElementById("ev-description").value
      },
      onShouldRetry: function (err) {
        var code = err.originalResponse ? err.originalResponse.getStatus() : 0;
        status.textContent = status.dataset.msgResume;
        return code === 0 || code === 423 || code >= 500;
      },
      onProgress: function (sent, total) {
        bar.parentElement.classList.remove("d-none");
        bar.style.width = (total ? (sent / total) * 100 : 0).toFixed(1) + "%";
      },
      onError: function (err) {
        var message = err.message;
        try { message = JSON.parse(err.originalResponse.getBody()).message; } catch (e) { /* keep */ }
        status.textContent = status.dataset.msgError + " " + message;
        status.classList.add("text-danger");
        status.dataset.failed = "1";
      },
      onSuccess: function () {
        status.textContent = status.dataset.msgDone;
        window.location.reload();
      }
    });
    // Resume an earlier upload of the same file (after a dropped connection or a reload).
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length) { upload.resumeFromPreviousUpload(previous[0]); }
      upload.start();
    });
  });
})();
