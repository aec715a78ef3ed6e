// Hall display screen: show the published items one after another (12 s each).
(function () {
  "use strict";
  var slides = document.querySelectorAll(".sx-slide");
  if (slides.length < 2) { return; }
  var current = 0;
  setInterval(function () {
    slides[current].classList.remove("sx-slide-active");
    slides[current].setAttribute("aria-hidden", "true");
    current = (current + 1) % slides.length;
    slides[current].classList.add("sx-slide-active");
    slides[current].setAttribute("aria-hidden", "false");
  }, 12000);
  if (document.documentElement.requestFullscreen) {
    document.addEventListener("click", function () {
      document.documentElement.requestFullscreen().catch(function () {});
    }, { once: true });
  }
})();
