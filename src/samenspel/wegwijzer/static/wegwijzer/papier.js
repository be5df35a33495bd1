// Shows the print button and lets it open the browser's print dialog. Without this script the
// page says how to print from the browser's menu; nothing else depends on it.
document.querySelectorAll("[data-printen]").forEach(function (knop) {
  knop.hidden = false;
  knop.addEventListener("click", function () {
    window.print();
  });
  var uitleg = knop.parentElement.querySelector("[data-printen-uitleg]");
  if (uitleg) {
    uitleg.hidden = true;
  }
});
